#pragma once
// Which facilities bind: nodes and links ranked by utilization, the busiest first.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "corridor/model/results.hpp"

namespace corridor::analysis {

struct Bottleneck {
  std::string kind;  // "node" or "link"
  std::string id;
  double utilization = 0.0;
  std::optional<double> mean_wait_h;  // nodes only
};

// The `limit` most utilized facilities with a capacity, ties broken by id.
[[nodiscard]] std::vector<Bottleneck> rank_bottlenecks(const model::RunResult& result,
                                                       std::size_t limit);

}  // namespace corridor::analysis
