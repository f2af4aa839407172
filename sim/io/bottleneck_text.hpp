#pragma once
// How the summary tables word the bottleneck ranking (analysis/bottlenecks.hpp), the
// same for a run and for replications.

#include <fmt/format.h>

#include <string>

#include "corridor/analysis/bottlenecks.hpp"

namespace corridor::io {

inline std::string bottleneck_heading() {
  return fmt::format(
      "Top bottlenecks (saturated first, utilization >= {:.0f}%, by cargo waiting; then by "
      "utilization)",
      analysis::kSaturatedUtilization * 100.0);
}

// ", saturated, mean queue 123.4 lots, mean wait 5.67 h": what follows the utilization.
inline std::string bottleneck_detail(const analysis::Bottleneck& bottleneck) {
  std::string text = bottleneck.saturated ? ", saturated" : "";
  text += fmt::format(", mean queue {:.1f} lots", bottleneck.mean_queue_lots);
  if (bottleneck.mean_wait_h) text += fmt::format(", mean wait {:.2f} h", *bottleneck.mean_wait_h);
  return text;
}

}  // namespace corridor::io
