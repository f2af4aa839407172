#pragma once
// Which nodes may have their handling booked as each lot arrives (the fast path of
// docs/architecture.md, "Booking ahead what is already decided"), and what rules each
// other node out. Booking on arrival is exact only where a lot's start and end of
// handling are decided by the lots before it alone: first come, first served on a fixed
// number of servers at a fixed rate, and nothing downstream that could hold a handled
// lot back on its server.

#include <cstdint>
#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::model {

enum class BookingObstacle {
  none,                   // bookable
  no_capacity_at_start,   // handles nothing (or not from day 0): nothing to book
  dated_change,           // a dated change of its capacity, servers, dwell or terminals
  closure,                // closed for a time: handling stops, then resumes
  terminals,              // its lots reach the common handling out of arrival order
  yard_limit_downstream,  // a route leaves it for a node with storage_lots
};
[[nodiscard]] const char* to_string(BookingObstacle obstacle);

// For each node of `spec`, the first obstacle found, in the order above, given every
// candidate route lots may take.
[[nodiscard]] std::vector<BookingObstacle> booking_obstacles(const CorridorSpec& spec,
                                                             const std::vector<Route>& routes);

}  // namespace corridor::model
