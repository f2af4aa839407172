#pragma once
// Candidate routes for the demand. Each demand entry gets its pinned route (shortest
// through its `via` nodes, in order) if it has one, then the k shortest loopless paths
// by free-flow generalized cost (Yen's algorithm on Boost.Graph), without repeats.
// Boost stays inside routing.cpp; this header is light.

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

  friend bool operator==(const Hop&, const Hop&) = default;
};

struct Route {
  std::uint32_t origin = kNone;
  std::vector<Hop> hops;
  bool pinned = false;       // the entry's `via` route
  double free_flow_h = 0.0;  // moving plus expected handling and dwell, no queueing
  double length_km = 0.0;
  double tariff_usd_per_t = 0.0;  // links by the tonne-km, plus every node passed
  double co2_kg_per_t = 0.0;
  double cost_usd_per_t = 0.0;  // value of time x free_flow_h + tariff: what routes rank by

  [[nodiscard]] std::vector<std::uint32_t> nodes() const;  // origin first
};

// Every demand entry's candidates, in demand order: what plan_routes gives.
using CandidateRoutes = std::vector<std::vector<Route>>;

// Raised when a demand entry has no route; `demand` says which.
class RoutingError : public std::runtime_error {
 public:
  // Where in the entry the fault lies, for the error's position.
  enum class Part { entry, shares, via, via_links };
  RoutingError(std::uint32_t demand, const std::string& message, Part part = Part::entry,
               std::size_t position = 0)
      : std::runtime_error(message), demand_(demand), part_(part), position_(position) {}
  [[nodiscard]] std::uint32_t demand() const noexcept { return demand_; }
  [[nodiscard]] Part part() const noexcept { return part_; }
  // The item of `via` or `via_links` at fault, from 0.
  [[nodiscard]] std::size_t position() const noexcept { return position_; }

 private:
  std::uint32_t demand_;
  Part part_;
  std::size_t position_;
};

// Free-flow handling time a lot spends at a node: mean service plus mean dwell.
[[nodiscard]] double expected_node_time_h(const CorridorSpec& spec, const NodeSpec& node,
                                          std::uint32_t cargo_class);

// Time to cross a link with no waiting: moving, plus loading and unloading if it has a vehicle.
[[nodiscard]] double link_free_flow_h(const CorridorSpec& spec, const LinkSpec& link);

// Candidate routes of every demand entry, in demand order; within an entry the pinned
// route first, then by free-flow cost. Where the network or route costs change on dates
// (network_epochs, pricing_days; not under the fixed rule), an entry's candidates are
// those of every stretch between such days together, first those of the start, each
// measured with the scenario as it stands at the start. Throws RoutingError if an entry has none,
// or if the fixed rule's shares do not match its candidates.
[[nodiscard]] CandidateRoutes plan_routes(const CorridorSpec& spec);

// The days the network changes: 0, and each day in the run a node or link opens or
// closes. Routes are planned on the network of each; an entry's candidates are theirs
// together, each usable while all it passes is in service.
[[nodiscard]] std::vector<double> network_epochs(const CorridorSpec& spec);
// Whether a dated change moves what routes cost at free flow: handling, dwell, speed,
// loading and unloading, tariffs. Under shortest, logit and adaptive, routes are ranked
// anew from its day (candidates planned on the costs of every such day too).
[[nodiscard]] bool moves_route_costs(const AttributeChange& change);
// The days, from 0 up to the horizon, on which a dated change moves route costs.
[[nodiscard]] std::vector<double> pricing_days(const CorridorSpec& spec);
// `route` measured anew (times, tariffs, costs, emissions) in `spec`, e.g. a spec_on_day.
[[nodiscard]] Route remeasured(const CorridorSpec& spec, const Route& route,
                               std::uint32_t cargo_class);

// The days [from, to) over which every node and link of the route is in service.
struct InService {
  double from_day = 0.0;
  double to_day = 0.0;
  [[nodiscard]] bool on(double day) const { return day >= from_day && day < to_day; }
};
[[nodiscard]] InService in_service(const CorridorSpec& spec, const Route& route);

// "xian > khorgos > almaty": a route's nodes by id.
[[nodiscard]] std::string describe(const CorridorSpec& spec, const Route& route);

}  // namespace corridor::model
