#include "corridor/analysis/bottlenecks.hpp"

#include <algorithm>

namespace corridor::analysis {

std::vector<Bottleneck> rank_bottlenecks(const model::RunResult& result, std::size_t limit) {
  std::vector<Bottleneck> ranked;
  for (const auto& node : result.nodes) {
    if (node.utilization) ranked.push_back({"node", node.id, *node.utilization, node.mean_wait_h});
  }
  for (const auto& link : result.links) {
    if (link.utilization) ranked.push_back({"link", link.id, *link.utilization, std::nullopt});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Bottleneck& a, const Bottleneck& b) {
    if (a.utilization != b.utilization) return a.utilization > b.utilization;
    return a.id < b.id;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace corridor::analysis
