#include "corridor/analysis/bottlenecks.hpp"

#include <algorithm>
#include <cmath>

namespace corridor::analysis {
namespace {

// A figure to 33 significant bits (about ten digits). Two facilities whose figures
// differ only by rounding (sums taken in another order) rank by kind and id, not by
// the last bits of a sum.
double to_ranking_precision(double value) {
  if (value == 0.0 || !std::isfinite(value)) return value;
  int exponent = 0;
  std::frexp(value, &exponent);
  constexpr int kBits = 33;
  return std::ldexp(std::round(std::ldexp(value, kBits - exponent)), exponent - kBits);
}

// Means over the runs of one facility's figures (the i-th node or link of each run).
using Runs = std::vector<const model::RunResult*>;

template <class Facility, class Of>
std::optional<Bottleneck> averaged(const Runs& runs, const char* kind, Of facility_of) {
  double utilization = 0.0;
  double queue = 0.0;
  double wait = 0.0;
  std::size_t measured = 0;
  std::size_t waits = 0;
  for (const model::RunResult* run : runs) {
    const Facility& facility = facility_of(*run);
    queue += facility.mean_queue_lots;
    if (facility.utilization) {
      utilization += *facility.utilization;
      ++measured;
    }
    if (facility.mean_wait_h) {
      wait += *facility.mean_wait_h;
      ++waits;
    }
  }
  if (measured == 0) return std::nullopt;
  Bottleneck bottleneck;
  bottleneck.kind = kind;
  bottleneck.id = facility_of(*runs.front()).id;
  bottleneck.utilization = utilization / static_cast<double>(measured);
  bottleneck.mean_queue_lots = queue / static_cast<double>(runs.size());
  if (waits > 0) bottleneck.mean_wait_h = wait / static_cast<double>(waits);
  bottleneck.saturated = to_ranking_precision(bottleneck.utilization) >= kSaturatedUtilization;
  return bottleneck;
}

bool ranks_before(const Bottleneck& a, const Bottleneck& b) {
  if (a.saturated != b.saturated) return a.saturated;
  const double queue_a = to_ranking_precision(a.mean_queue_lots);
  const double queue_b = to_ranking_precision(b.mean_queue_lots);
  if (a.saturated && queue_a != queue_b) return queue_a > queue_b;
  const double utilization_a = to_ranking_precision(a.utilization);
  const double utilization_b = to_ranking_precision(b.utilization);
  if (utilization_a != utilization_b) return utilization_a > utilization_b;
  if (a.kind != b.kind) return a.kind < b.kind;
  return a.id < b.id;
}

std::vector<Bottleneck> rank(const Runs& runs, std::size_t limit) {
  std::vector<Bottleneck> ranked;
  if (runs.empty()) return ranked;
  for (std::size_t i = 0; i < runs.front()->nodes.size(); ++i) {
    auto node = averaged<model::NodeResult>(
        runs, "node",
        [i](const model::RunResult& run) -> const model::NodeResult& { return run.nodes[i]; });
    if (node) ranked.push_back(std::move(*node));
  }
  // A node's terminals, named node/terminal.
  for (std::size_t i = 0; i < runs.front()->nodes.size(); ++i) {
    for (std::size_t t = 0; t < runs.front()->nodes[i].terminals.size(); ++t) {
      auto terminal = averaged<model::TerminalResult>(
          runs, "terminal", [i, t](const model::RunResult& run) -> const model::TerminalResult& {
            return run.nodes[i].terminals[t];
          });
      if (!terminal) continue;
      terminal->id = runs.front()->nodes[i].id + "/" + terminal->id;
      ranked.push_back(std::move(*terminal));
    }
  }
  for (std::size_t i = 0; i < runs.front()->links.size(); ++i) {
    auto link = averaged<model::LinkResult>(
        runs, "link",
        [i](const model::RunResult& run) -> const model::LinkResult& { return run.links[i]; });
    if (link) ranked.push_back(std::move(*link));
  }
  std::sort(ranked.begin(), ranked.end(), ranks_before);
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace

std::vector<Bottleneck> rank_bottlenecks(const std::vector<model::RunResult>& runs,
                                         std::size_t limit) {
  Runs pointers;
  for (const auto& run : runs) pointers.push_back(&run);
  return rank(pointers, limit);
}

std::vector<Bottleneck> rank_bottlenecks(const model::RunResult& result, std::size_t limit) {
  return rank({&result}, limit);
}

}  // namespace corridor::analysis
