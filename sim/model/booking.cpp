#include "corridor/model/booking.hpp"

#include "corridor/model/timeline.hpp"

namespace corridor::model {

const char* to_string(BookingObstacle obstacle) {
  switch (obstacle) {
    case BookingObstacle::none:
      return "none";
    case BookingObstacle::no_capacity_at_start:
      return "no capacity at the start";
    case BookingObstacle::dated_change:
      return "a dated change";
    case BookingObstacle::closure:
      return "a closure";
    case BookingObstacle::terminals:
      return "terminals";
    case BookingObstacle::yard_limit_downstream:
      return "a yard limit downstream";
  }
  return "?";
}

std::vector<BookingObstacle> booking_obstacles(const CorridorSpec& spec,
                                               const std::vector<Route>& routes) {
  std::vector<BookingObstacle> obstacles(spec.nodes.size(), BookingObstacle::none);
  const auto rule_out = [&](std::uint32_t node, BookingObstacle obstacle) {
    if (obstacles[node] == BookingObstacle::none) obstacles[node] = obstacle;
  };
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    if (!spec.nodes[i].capacity_mtpa) rule_out(i, BookingObstacle::no_capacity_at_start);
  }
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    if (ever_changes(spec, FacilityKind::node, i)) rule_out(i, BookingObstacle::dated_change);
  }
  for (const NodeClosure& closure : spec.node_closures) {
    rule_out(closure.node, BookingObstacle::closure);
  }
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    if (!spec.nodes[i].terminals.empty()) rule_out(i, BookingObstacle::terminals);
  }
  for (const Route& route : routes) {
    std::uint32_t from = route.origin;
    for (const Hop& hop : route.hops) {
      if (spec.nodes[hop.to_node].storage_lots) {
        rule_out(from, BookingObstacle::yard_limit_downstream);
      }
      from = hop.to_node;
    }
  }
  return obstacles;
}

}  // namespace corridor::model
