#pragma once
// The readable summary `corridor run` prints: transit times per origin-destination,
// node and link throughput, utilization and waits, and the top bottlenecks.

#include <string>

#include "corridor/model/results.hpp"

namespace corridor::io {

[[nodiscard]] std::string format_table(const model::RunResult& result);

}  // namespace corridor::io
