#pragma once
// Runs the corridor discrete-event simulation: the model's single entry point.

#include <cstdint>

#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::model {

struct RunOptions {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  // Book handling on arrival at nodes where that is exact (see booked_servers.hpp).
  // Off, every node takes the general event-driven path: the tests compare the two.
  bool book_handling = true;
};

// Simulates `spec` from time 0 to its horizon. Throws RoutingError if a demand entry
// has no route. The result is a pure function of (spec, options).
[[nodiscard]] RunResult simulate(const CorridorSpec& spec, const RunOptions& options);

}  // namespace corridor::model
