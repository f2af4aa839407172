#include "corridor/analysis/undelivered.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace corridor::analysis {

std::vector<PooledPlace> pool_places(
    const std::vector<const std::vector<model::WaitingCargo>*>& lists, std::size_t run_count) {
  std::vector<PooledPlace> pooled;
  for (const auto* list : lists) {
    for (const model::WaitingCargo& place : *list) {
      const auto same = std::find_if(pooled.begin(), pooled.end(), [&](const PooledPlace& p) {
        return p.kind == place.kind && p.id == place.id;
      });
      if (same == pooled.end()) {
        pooled.push_back({place.kind, place.id, static_cast<double>(place.lots)});
      } else {
        same->mean_lots += static_cast<double>(place.lots);
      }
    }
  }
  for (PooledPlace& place : pooled) place.mean_lots /= static_cast<double>(run_count);
  std::stable_sort(pooled.begin(), pooled.end(),
                   [](const auto& a, const auto& b) { return a.mean_lots > b.mean_lots; });
  return pooled;
}

std::vector<Undelivered> undelivered_entries(const std::vector<const model::RunResult*>& runs) {
  std::vector<Undelivered> found;
  if (runs.empty()) return found;
  const auto run_count = static_cast<double>(runs.size());
  const std::size_t entries = runs.front()->demand.size();
  for (std::size_t e = 0; e < entries; ++e) {
    const model::DemandResult& first = runs.front()->demand[e];
    Undelivered entry{first.id, first.origin, first.destination};
    std::vector<const std::vector<model::WaitingCargo>*> places;
    for (const model::RunResult* run : runs) {
      if (run->demand.size() != entries) {
        throw std::invalid_argument("undelivered_entries: runs of different scenarios");
      }
      const model::DemandResult& demand = run->demand[e];
      entry.created_t += demand.created_t;
      entry.delivered_t += demand.delivered_t;
      entry.in_system_lots += static_cast<double>(demand.in_system.lots);
      entry.in_system_t += demand.in_system.t;
      if (demand.in_system.age_days) {
        entry.oldest_days =
            std::max(entry.oldest_days.value_or(0.0), demand.in_system.age_days->max);
      }
      places.push_back(&demand.in_system.waiting_at);
    }
    if (!(entry.created_t > 0.0)) continue;
    entry.delivered_share = entry.delivered_t / entry.created_t;
    if (entry.delivered_share >= kDeliveredShareWarning) continue;
    entry.created_t /= run_count;
    entry.delivered_t /= run_count;
    entry.in_system_lots /= run_count;
    entry.in_system_t /= run_count;
    for (const PooledPlace& place : pool_places(places, runs.size())) {
      entry.waiting_at.push_back(
          {place.kind, place.id, static_cast<std::uint64_t>(std::llround(place.mean_lots))});
    }
    found.push_back(std::move(entry));
  }
  return found;
}

std::string describe(const Undelivered& entry) {
  std::string text = fmt::format(
      "demand '{}' ({} to {}) delivered {:.0f} % of the cargo it created in the window "
      "({:.3f} of {:.3f} Mt)",
      entry.id, entry.origin, entry.destination, 100.0 * entry.delivered_share,
      entry.delivered_t / 1e6, entry.created_t / 1e6);
  text += fmt::format("; {:.0f} lots ({:.3f} Mt) are still in the system at the horizon",
                      entry.in_system_lots, entry.in_system_t / 1e6);
  if (entry.oldest_days) text += fmt::format(", the oldest {:.1f} days old", *entry.oldest_days);
  if (!entry.waiting_at.empty()) {
    const model::WaitingCargo& most = entry.waiting_at.front();
    text += fmt::format(", most waiting at {} '{}' ({} lots)", most.kind, most.id, most.lots);
  }
  text += ": its transit times describe only the cargo that got through";
  return text;
}

std::vector<std::string> delivery_warnings(const std::vector<const model::RunResult*>& runs) {
  std::vector<std::string> lines;
  for (const Undelivered& entry : undelivered_entries(runs)) lines.push_back(describe(entry));
  return lines;
}

std::vector<Undelivered> undelivered_entries(const std::vector<model::RunResult>& runs) {
  std::vector<const model::RunResult*> pointers;
  for (const auto& run : runs) pointers.push_back(&run);
  return undelivered_entries(pointers);
}

std::vector<std::string> delivery_warnings(const std::vector<model::RunResult>& runs) {
  std::vector<std::string> lines;
  for (const Undelivered& entry : undelivered_entries(runs)) lines.push_back(describe(entry));
  return lines;
}

}  // namespace corridor::analysis
