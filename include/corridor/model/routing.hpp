#pragma once
// Routes for the demand: shortest free-flow time by Dijkstra (Boost.Graph), through
// any `via` nodes in order. Boost stays inside routing.cpp; this header is light.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::model {

// One step of a route: cross `link` in `direction` (0: from->to, 1: to->from).
struct Hop {
  std::uint32_t link = kNone;
  std::uint8_t direction = 0;
  std::uint32_t to_node = kNone;
};

struct Route {
  std::vector<Hop> hops;
  double free_flow_h = 0.0;  // moving plus expected handling and dwell, no queueing
};

// Raised when a demand entry has no route; `demand` says which.
class RoutingError : public std::runtime_error {
 public:
  RoutingError(std::uint32_t demand, const std::string& message)
      : std::runtime_error(message), demand_(demand) {}
  [[nodiscard]] std::uint32_t demand() const noexcept { return demand_; }

 private:
  std::uint32_t demand_;
};

// Free-flow handling time a lot spends at a node: mean service plus mean dwell.
[[nodiscard]] double expected_node_time_h(const NodeSpec& node, double lot_t);

// Time to cross a link with no waiting: moving, plus loading and unloading if it has a vehicle.
[[nodiscard]] double link_free_flow_h(const CorridorSpec& spec, const LinkSpec& link);

// One route per demand entry, in demand order.
[[nodiscard]] std::vector<Route> plan_routes(const CorridorSpec& spec);

}  // namespace corridor::model
