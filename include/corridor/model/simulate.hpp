#pragma once
// Runs the corridor discrete-event simulation: the model's single entry point.

#include <cstdint>
#include <optional>
#include <stdexcept>

#include "corridor/model/results.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::model {

struct RunOptions {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  // Book ahead what nothing can change any more: handling on arrival at nodes where
  // that is exact (see booked_servers.hpp), and the delivery of a lot whose last step
  // is fixed. Off, every lot takes the general event-driven path: tests compare the two.
  bool book_ahead = true;
};

// The periods a run reports by default (`corridor run` without --period): years when
// its window is longer than a year (of either length), none otherwise.
inline constexpr double kAutomaticPeriodsAboveDays = 366.0;
[[nodiscard]] std::optional<PeriodLength> default_report_periods(const CorridorSpec& spec);

// A run that outgrew spec.max_lots_in_flight: the message says when, and where the lots
// were piling up.
struct RunLimitExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Simulates `spec` from time 0 to its horizon. Throws RoutingError if a demand entry
// has no route, RunLimitExceeded if the lots in the system outgrow their bound, and
// InvariantViolation (invariants.hpp) on a bug. The result is a pure function of
// (spec, options).
[[nodiscard]] RunResult simulate(const CorridorSpec& spec, const RunOptions& options);
// The same, on the candidates plan_routes(spec) gave: the result is the one simulate
// would give, without planning the routes again. A continent's routes take longer to
// plan than a short run takes, so a caller that already has them (the scenario's check,
// replications of one scenario) passes them on. Throws std::invalid_argument if they
// cannot be this scenario's: not one list per demand entry, an empty list, or a route
// that is not a path of its links (each way it may be crossed) from the entry's origin
// to its destination. That they fit is checked, not that they are plan_routes(spec).
[[nodiscard]] RunResult simulate(const CorridorSpec& spec, const CandidateRoutes& candidates,
                                 const RunOptions& options);

}  // namespace corridor::model
