#include "corridor/model/routing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

#include "corridor/model/service_time.hpp"
#include "corridor/model/timeline.hpp"
#include "route_graph.hpp"

namespace corridor::model {
namespace {

constexpr double kUnusable = std::numeric_limits<double>::infinity();

using detail::Arc;
using detail::Exclusions;
using detail::Graph;
using detail::PathSearch;

double node_cost_usd_per_t(const CorridorSpec& spec, std::uint32_t cargo_class,
                           std::uint32_t node) {
  return spec.value_of_time_usd_per_t_h(cargo_class) *
             expected_node_time_h(spec, spec.nodes[node], cargo_class) +
         spec.nodes[node].tariff_usd_per_t;
}

// A link a demand entry's lots may take: of one of its modes, not by a vehicle that does
// not carry its class, and in service on `day` with both its ends (NaN: any day).
bool usable(const CorridorSpec& spec, const DemandSpec& demand, const LinkSpec& link, double day) {
  if (!std::isnan(day) && (!link.open_on(day) || !spec.nodes[link.from].open_on(day) ||
                           !spec.nodes[link.to].open_on(day))) {
    return false;
  }
  if (!demand.modes.empty() &&
      std::find(demand.modes.begin(), demand.modes.end(), link.mode) == demand.modes.end()) {
    return false;
  }
  return link.vehicle == kNone || spec.carries(spec.vehicles[link.vehicle], demand.cargo_class);
}

// The network as an entry's lots see it: the links they may take, costed with their
// class's lot size and value of time.
std::unique_ptr<Graph> build_graph(const CorridorSpec& spec, const DemandSpec& demand, double day) {
  auto built = std::make_unique<Graph>(spec.nodes.size());
  Graph& graph = *built;
  const double value_of_time = spec.value_of_time_usd_per_t_h(demand.cargo_class);
  for (std::uint32_t i = 0; i < spec.links.size(); ++i) {
    const LinkSpec& link = spec.links[i];
    if (!usable(spec, demand, link, day)) continue;
    // An arc's cost includes handling at its far end, so a route's cost is the sum of
    // its arcs' plus the origin's (common to all of an entry's routes).
    const double crossing = value_of_time * link_free_flow_h(spec, link) +
                            spec.tariff_usd_per_tkm(link) * link.length_km;
    boost::add_edge(link.from, link.to,
                    Arc{crossing + node_cost_usd_per_t(spec, demand.cargo_class, link.to), i, 0},
                    graph);
    if (!link.oneway) {
      boost::add_edge(
          link.to, link.from,
          Arc{crossing + node_cost_usd_per_t(spec, demand.cargo_class, link.from), i, 1}, graph);
    }
  }
  return built;
}

// Why an entry may not take some links, for a message that says there is no route:
// its modes, and the vehicles that do not carry its class (up to three, with what they
// carry).
std::string restriction(const CorridorSpec& spec, const DemandSpec& demand) {
  std::string text = demand.modes.empty() ? "" : " by the entry's modes";
  if (!spec.several_classes()) return text;
  std::string vehicles;
  int named = 0;
  for (const VehicleSpec& vehicle : spec.vehicles) {
    if (spec.carries(vehicle, demand.cargo_class) || named == 3) continue;
    std::string carried;
    for (std::size_t c = 0; c < spec.classes.size(); ++c) {
      if (vehicle.carries[c]) carried += (carried.empty() ? "" : ", ") + spec.classes[c].id;
    }
    vehicles += fmt::format("{}'{}' carries only {}", named == 0 ? "" : "; ", vehicle.id,
                            carried.empty() ? "nothing" : carried);
    ++named;
  }
  if (vehicles.empty()) return text;
  return text + fmt::format(" for class '{}' ({})", spec.classes[demand.cargo_class].id, vehicles);
}

// Fills a route's times, costs and emissions from its hops.
Route measure(const CorridorSpec& spec, std::uint32_t cargo_class, std::uint32_t origin,
              std::vector<Hop> hops, bool pinned) {
  Route route;
  route.origin = origin;
  route.hops = std::move(hops);
  route.pinned = pinned;
  route.free_flow_h = expected_node_time_h(spec, spec.nodes[origin], cargo_class);
  route.tariff_usd_per_t = spec.nodes[origin].tariff_usd_per_t;
  for (const Hop& hop : route.hops) {
    const LinkSpec& link = spec.links[hop.link];
    route.free_flow_h += link_free_flow_h(spec, link) +
                         expected_node_time_h(spec, spec.nodes[hop.to_node], cargo_class);
    route.length_km += link.length_km;
    route.tariff_usd_per_t +=
        spec.tariff_usd_per_tkm(link) * link.length_km + spec.nodes[hop.to_node].tariff_usd_per_t;
    route.co2_kg_per_t += spec.co2_g_per_tkm(link) * link.length_km / 1000.0;
  }
  route.cost_usd_per_t =
      spec.value_of_time_usd_per_t_h(cargo_class) * route.free_flow_h + route.tariff_usd_per_t;
  return route;
}

// Costs compared in micro-dollars per tonne: paths of equal cost summed in a different
// order differ in the last bits, and must still tie.
long long cost_key(const Route& route) {
  return std::llround(route.cost_usd_per_t * 1e6);
}

bool cheaper(const Route& a, const Route& b) {
  if (cost_key(a) != cost_key(b)) return cost_key(a) < cost_key(b);
  // Equal costs: fewer hops, then link order, so the ranking never depends on chance.
  if (a.hops.size() != b.hops.size()) return a.hops.size() < b.hops.size();
  return std::lexicographical_compare(
      a.hops.begin(), a.hops.end(), b.hops.begin(), b.hops.end(), [](const Hop& x, const Hop& y) {
        return x.link != y.link ? x.link < y.link : x.direction < y.direction;
      });
}

// Yen (1971): the k cheapest loopless paths. Each next path leaves an earlier one at
// some spur node, with that path's next arc and the nodes before the spur removed.
//
// A spur's paths cost at least its root, plus the cheapest arc it may still leave by,
// plus the cheapest way on from that arc's end with nothing removed. Spurs are searched
// cheapest bound first, and a spur whose bound is dearer than the candidates already
// waiting to fill the remaining places is not searched: whatever it found would never
// be taken. The paths found are those of searching every spur.
std::vector<std::vector<Hop>> cheapest_paths(const CorridorSpec& spec, std::uint32_t cargo_class,
                                             PathSearch& search, std::uint32_t from,
                                             std::uint32_t to, std::uint32_t k) {
  std::vector<std::vector<Hop>> found;
  std::vector<Hop> first = search.cheapest_path(from, to);
  if (first.empty()) return found;
  found.push_back(std::move(first));
  if (k <= 1) return found;
  const Graph& graph = search.graph();
  const std::vector<double> to_go = search.costs_to(to);
  const double origin_cost = node_cost_usd_per_t(spec, cargo_class, from);
  std::vector<Route> pending;
  struct Spur {
    std::size_t at = 0;
    double bound = 0.0;
    Exclusions excluded;  // its arcs now; its nodes only once it is searched
  };
  // The root path's nodes before the spur, marked as the spur moves along the path.
  std::vector<bool> before_spur(spec.nodes.size(), false);
  while (found.size() < k) {
    const std::vector<Hop>& last = found.back();
    std::vector<Spur> spurs;
    std::fill(before_spur.begin(), before_spur.end(), false);
    double root_cost = origin_cost;
    for (std::size_t spur = 0; spur < last.size(); ++spur) {
      const std::uint32_t spur_node = spur == 0 ? from : last[spur - 1].to_node;
      if (spur > 0) before_spur[spur == 1 ? from : last[spur - 2].to_node] = true;
      Spur next{spur, kUnusable, {}};
      // Paths that share this root may not leave the spur by the arc they took.
      for (const auto& path : found) {
        if (path.size() > spur && std::equal(last.begin(), last.begin() + spur, path.begin())) {
          next.excluded.arcs.push_back(path[spur]);
        }
      }
      double step_cost = 0.0;  // of the root's next arc
      for (const auto e : boost::make_iterator_range(boost::out_edges(spur_node, graph))) {
        const Arc& arc = graph[e];
        const auto end = static_cast<std::uint32_t>(boost::target(e, graph));
        if (!before_spur[end] && !next.excluded.bans_arc(arc)) {
          next.bound = std::min(next.bound, root_cost + arc.cost_usd_per_t + to_go[end]);
        }
        if (arc.link == last[spur].link && arc.direction == last[spur].direction) {
          step_cost = arc.cost_usd_per_t;
        }
      }
      root_cost += step_cost;
      if (next.bound < kUnusable) spurs.push_back(std::move(next));
    }
    std::stable_sort(spurs.begin(), spurs.end(),
                     [](const Spur& a, const Spur& b) { return a.bound < b.bound; });
    const std::size_t places = k - found.size();
    std::vector<double> waiting;
    for (Spur& spur : spurs) {
      if (pending.size() >= places) {
        // The dearest candidate that would still be taken; the margin covers costs
        // summed in another order and their rounding to a millionth.
        waiting.clear();
        for (const Route& route : pending) waiting.push_back(route.cost_usd_per_t);
        std::nth_element(waiting.begin(), waiting.begin() + static_cast<long>(places - 1),
                         waiting.end());
        const double taken = waiting[places - 1];
        if (spur.bound > taken + 2e-6 + 1e-9 * std::abs(taken)) break;
      }
      const std::uint32_t spur_node = spur.at == 0 ? from : last[spur.at - 1].to_node;
      // The root path's nodes before the spur may not be visited again: no loops.
      spur.excluded.nodes.assign(spec.nodes.size(), false);
      spur.excluded.nodes[from] = spur.at > 0;
      for (std::size_t i = 0; i + 1 < spur.at; ++i) spur.excluded.nodes[last[i].to_node] = true;
      std::vector<Hop> tail = search.cheapest_path(spur_node, to, &spur.excluded);
      if (tail.empty()) continue;
      std::vector<Hop> candidate(last.begin(), last.begin() + static_cast<long>(spur.at));
      candidate.insert(candidate.end(), tail.begin(), tail.end());
      const bool known = std::find(found.begin(), found.end(), candidate) != found.end() ||
                         std::any_of(pending.begin(), pending.end(),
                                     [&](const Route& route) { return route.hops == candidate; });
      if (!known) {
        pending.push_back(measure(spec, cargo_class, from, std::move(candidate), false));
      }
    }
    if (pending.empty()) break;
    const auto best = std::min_element(pending.begin(), pending.end(), cheaper);
    found.push_back(best->hops);
    pending.erase(best);
  }
  return found;
}

// A pinned route, leg by leg: to each `via` stop in turn, or across each of `via_links`
// in turn, then to the destination. Each leg is the cheapest that passes no node the
// route has passed and no stop still ahead, so no node handles the same lot twice; a
// stop that cannot be reached that way is refused, naming the node the route would
// pass again.
class PinnedRoute {
 public:
  PinnedRoute(const CorridorSpec& spec, PathSearch& search, std::uint32_t d, double day)
      : spec_(spec),
        search_(search),
        d_(d),
        demand_(spec.demand[d]),
        at_(demand_.origin),
        day_(day) {
    excluded_.nodes.assign(spec.nodes.size(), false);
    role_.assign(spec.nodes.size(), std::string());
    role_[demand_.origin] = "the origin";
    role_[demand_.destination] = "the destination";
    for (std::size_t i = 0; i < demand_.via.size(); ++i) {
      if (role_[demand_.via[i]].empty()) {
        role_[demand_.via[i]] = fmt::format("via stop {}", i + 1);
      }
    }
  }

  std::vector<Hop> hops() {
    passed_.assign(spec_.nodes.size(), false);
    passed_[demand_.origin] = true;
    for (std::size_t i = 0; i < demand_.via.size(); ++i) {
      go_to(demand_.via[i], RoutingError::Part::via, i);
    }
    for (std::size_t i = 0; i < demand_.via_links.size(); ++i) cross(i);
    go_to(demand_.destination, RoutingError::Part::entry, 0);
    return hops_;
  }

 private:
  // Nodes passed so far, and stops still ahead of `part`/`position`, less the start.
  void exclude_for(RoutingError::Part part, std::size_t position) {
    excluded_.nodes = passed_;
    if (part != RoutingError::Part::entry) excluded_.nodes[demand_.destination] = true;
    if (part == RoutingError::Part::via) {
      for (std::size_t i = position + 1; i < demand_.via.size(); ++i) {
        excluded_.nodes[demand_.via[i]] = true;
      }
    }
    excluded_.nodes[at_] = false;
  }

  void go_to(std::uint32_t stop, RoutingError::Part part, std::size_t position) {
    if (stop == at_) return;
    exclude_for(part, position);
    excluded_.nodes[stop] = false;
    if (passed_[stop]) fail_loop(stop, stop, part, position);
    std::vector<Hop> leg = search_.cheapest_path(at_, stop, &excluded_);
    if (leg.empty()) explain(stop, part, position);
    append(leg);
  }

  // Across link `via_links[i]`, in whichever direction is cheaper to reach and open.
  void cross(std::size_t i) {
    const std::uint32_t link_index = demand_.via_links[i];
    const LinkSpec& link = spec_.links[link_index];
    exclude_for(RoutingError::Part::via_links, i);
    std::optional<std::vector<Hop>> best;
    double best_cost = kUnusable;
    for (const std::uint8_t direction : {std::uint8_t{0}, std::uint8_t{1}}) {
      if (direction == 1 && link.oneway) continue;
      const std::uint32_t entry = direction == 0 ? link.from : link.to;
      const std::uint32_t exit = direction == 0 ? link.to : link.from;
      // The last pinned link may lead into the destination.
      const bool into_destination =
          exit == demand_.destination && i + 1 == demand_.via_links.size();
      if ((excluded_.nodes[exit] && !into_destination) ||
          (entry != at_ && excluded_.nodes[entry])) {
        continue;
      }
      if (!usable(spec_, demand_, link, day_)) continue;
      std::vector<Hop> way;
      if (entry != at_) {
        way = search_.cheapest_path(at_, entry, &excluded_);
        if (way.empty() || std::any_of(way.begin(), way.end(),
                                       [&](const Hop& hop) { return hop.to_node == exit; })) {
          continue;
        }
      }
      way.push_back(Hop{link_index, direction, exit});
      const double cost = measure(spec_, demand_.cargo_class, at_, way, true).cost_usd_per_t;
      if (!best || cost < best_cost) {
        best = std::move(way);
        best_cost = cost;
      }
    }
    if (!best) {
      throw RoutingError(
          d_,
          fmt::format("via_links item {}: no way onto link '{}' from '{}' that passes no node "
                      "twice{}",
                      i + 1, link.id, spec_.nodes[at_].id, why_not(link)),
          RoutingError::Part::via_links, i);
    }
    append(*best);
  }

  [[nodiscard]] std::string why_not(const LinkSpec& link) const {
    const double any_day = std::numeric_limits<double>::quiet_NaN();
    if (usable(spec_, demand_, link, any_day)) {
      return usable(spec_, demand_, link, day_) ? "" : " (it is not in service then)";
    }
    if (link.vehicle != kNone &&
        !spec_.carries(spec_.vehicles[link.vehicle], demand_.cargo_class)) {
      return fmt::format(" (its vehicle '{}' does not carry class '{}')",
                         spec_.vehicles[link.vehicle].id, spec_.classes[demand_.cargo_class].id);
    }
    return " (its mode is not among the entry's modes)";
  }

  void append(const std::vector<Hop>& leg) {
    for (const Hop& hop : leg) {
      hops_.push_back(hop);
      passed_[hop.to_node] = true;
      at_ = hop.to_node;
    }
  }

  // No loop-free leg: the cheapest leg with no restriction, if any, shows the loop.
  [[noreturn]] void explain(std::uint32_t stop, RoutingError::Part part, std::size_t position) {
    const std::vector<Hop> free_leg = search_.cheapest_path(at_, stop);
    for (const Hop& hop : free_leg) {
      if (hop.to_node != stop && excluded_.nodes[hop.to_node]) {
        fail_loop(stop, hop.to_node, part, position);
      }
    }
    throw RoutingError(d_,
                       fmt::format("no route from '{}' to '{}'{}", spec_.nodes[at_].id,
                                   spec_.nodes[stop].id, restriction(spec_, demand_)),
                       part, position);
  }

  [[noreturn]] void fail_loop(std::uint32_t stop, std::uint32_t again, RoutingError::Part part,
                              std::size_t position) {
    const std::string role = role_[again].empty() ? "passed already" : role_[again];
    const std::string target =
        part == RoutingError::Part::via
            ? fmt::format("via stop {} '{}'", position + 1, spec_.nodes[stop].id)
            : fmt::format("the destination '{}'", spec_.nodes[stop].id);
    throw RoutingError(
        d_,
        fmt::format("{} cannot be reached from '{}' except through '{}' ({}): the route "
                    "would pass a node twice, a loop that handles the same lot twice; list via "
                    "stops in the order the route passes them, each once",
                    target, spec_.nodes[at_].id, spec_.nodes[again].id, role),
        part, position);
  }

  const CorridorSpec& spec_;
  PathSearch& search_;
  std::uint32_t d_;
  const DemandSpec& demand_;
  std::uint32_t at_;
  double day_;  // the network of that day (NaN: every link, whatever its dates)
  std::vector<Hop> hops_;
  std::vector<bool> passed_;
  std::vector<std::string> role_;
  Exclusions excluded_;
};

std::vector<Route> candidates_of(const CorridorSpec& spec, PathSearch& search, std::uint32_t d,
                                 double day) {
  const DemandSpec& demand = spec.demand[d];
  const bool pinned = !demand.via.empty() || !demand.via_links.empty();
  const std::uint32_t k = demand.k.value_or(pinned ? 1 : spec.routing.k);
  std::vector<Route> routes;
  if (!demand.via.empty() || !demand.via_links.empty()) {
    routes.push_back(measure(spec, demand.cargo_class, demand.origin,
                             PinnedRoute(spec, search, d, day).hops(), true));
  }
  // Yen's order follows the search; ties are put in the documented order here.
  std::vector<Route> cheapest;
  for (auto& hops :
       cheapest_paths(spec, demand.cargo_class, search, demand.origin, demand.destination, k)) {
    cheapest.push_back(measure(spec, demand.cargo_class, demand.origin, std::move(hops), false));
  }
  std::stable_sort(cheapest.begin(), cheapest.end(), cheaper);
  for (Route& route : cheapest) {
    if (routes.size() >= k) break;
    const bool known = std::any_of(routes.begin(), routes.end(),
                                   [&](const Route& other) { return other.hops == route.hops; });
    if (!known) routes.push_back(std::move(route));
  }
  if (routes.empty()) {
    throw RoutingError(d,
                       fmt::format("no route from '{}' to '{}'{}", spec.nodes[demand.origin].id,
                                   spec.nodes[demand.destination].id, restriction(spec, demand)));
  }
  return routes;
}

// A graph with its search, and the candidates found on it: entries from the same origin
// to the same destination with the same k and no `via` share them.
struct RouteGraph {
  RouteGraph(const DemandSpec* seen_by, std::unique_ptr<Graph> built)
      : seen(seen_by), graph(std::move(built)), search(*graph) {}

  std::vector<Route> candidates(const CorridorSpec& spec, std::uint32_t d, double day) {
    const DemandSpec& demand = spec.demand[d];
    if (!demand.via.empty() || !demand.via_links.empty()) {
      return candidates_of(spec, search, d, day);
    }
    const std::uint32_t k = demand.k.value_or(spec.routing.k);
    const auto key = std::make_tuple(demand.origin, demand.destination, k);
    const auto known = found.find(key);
    if (known != found.end()) return known->second;
    return found.emplace(key, candidates_of(spec, search, d, day)).first->second;
  }

  const DemandSpec* seen;  // the first entry that saw the network so
  std::unique_ptr<Graph> graph;
  PathSearch search;
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::vector<Route>> found;
};

void check_shares(const CorridorSpec& spec, std::uint32_t d, const std::vector<Route>& routes) {
  const DemandSpec& demand = spec.demand[d];
  // Shares that do not add up are wrong under any rule: a scenario switched to `fixed`
  // with --set would fail then, so it fails now.
  if (!demand.shares.empty()) {
    double sum = 0.0;
    for (const double share : demand.shares) sum += share;
    if (std::abs(sum - 1.0) > 1e-6) {
      throw RoutingError(d, fmt::format("routes.shares add up to {:.6g}, not 1", sum),
                         RoutingError::Part::shares);
    }
  }
  if (spec.routing.choice != RouteChoice::fixed) return;
  if (demand.shares.empty()) {
    if (routes.size() == 1) return;
    throw RoutingError(d, fmt::format("the fixed rule needs routes.shares: {} numbers, one per "
                                      "candidate route (see `corridor routes`)",
                                      routes.size()));
  }
  if (demand.shares.size() != routes.size()) {
    throw RoutingError(d,
                       fmt::format("routes.shares has {} numbers but the entry has {} "
                                   "candidate routes (see `corridor routes`)",
                                   demand.shares.size(), routes.size()),
                       RoutingError::Part::shares);
  }
}

}  // namespace

std::vector<std::uint32_t> Route::nodes() const {
  std::vector<std::uint32_t> nodes{origin};
  for (const Hop& hop : hops) nodes.push_back(hop.to_node);
  return nodes;
}

double expected_node_time_h(const CorridorSpec& spec, const NodeSpec& node,
                            std::uint32_t cargo_class) {
  double time_h = 0.0;
  const std::uint32_t terminal = spec.terminal_of(node, cargo_class);
  if (terminal != kNone) {
    time_h += spec.terminal_service_mean_h(node.terminals[terminal], cargo_class);
  }
  if (node.capacity_mtpa) {
    time_h += service_mean_h(*node.capacity_mtpa, node.servers, spec.classes[cargo_class].lot_t);
  }
  if (node.dwell_h) time_h += node.dwell_h->mean;
  return time_h;
}

double link_free_flow_h(const CorridorSpec& spec, const LinkSpec& link) {
  double time_h = link.travel_h();
  if (link.vehicle != kNone) {
    const VehicleSpec& vehicle = spec.vehicles[link.vehicle];
    time_h += vehicle.load_h + vehicle.unload_h;
  }
  return time_h;
}

std::vector<double> network_epochs(const CorridorSpec& spec) {
  std::vector<double> days{0.0};
  const auto add = [&](double day) {
    if (day > 0.0 && day < spec.horizon_days) days.push_back(day);
  };
  for (const NodeSpec& node : spec.nodes) {
    add(node.opens_day);
    add(node.closes_day);
  }
  for (const LinkSpec& link : spec.links) {
    add(link.opens_day);
    add(link.closes_day);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

InService in_service(const CorridorSpec& spec, const Route& route) {
  InService service{0.0, std::numeric_limits<double>::infinity()};
  const auto within = [&](double opens_day, double closes_day) {
    service.from_day = std::max(service.from_day, opens_day);
    service.to_day = std::min(service.to_day, closes_day);
  };
  within(spec.nodes[route.origin].opens_day, spec.nodes[route.origin].closes_day);
  for (const Hop& hop : route.hops) {
    within(spec.links[hop.link].opens_day, spec.links[hop.link].closes_day);
    within(spec.nodes[hop.to_node].opens_day, spec.nodes[hop.to_node].closes_day);
  }
  return service;
}

bool moves_route_costs(const AttributeChange& change) {
  switch (change.facility) {
    case FacilityKind::node:  // handling (capacity, servers), dwell, fees
      return true;
    case FacilityKind::link:
      return change.attribute == Attribute::speed_kmh ||
             change.attribute == Attribute::tariff_usd_per_tkm;
    case FacilityKind::vehicle:
      return change.attribute == Attribute::load_h || change.attribute == Attribute::unload_h;
  }
  return false;
}

std::vector<double> pricing_days(const CorridorSpec& spec) {
  std::vector<double> days;
  for (const AttributeChange& change : spec.changes) {
    if (moves_route_costs(change) && change.at_day < spec.horizon_days) {
      days.push_back(change.at_day);
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

Route remeasured(const CorridorSpec& spec, const Route& route, std::uint32_t cargo_class) {
  return measure(spec, cargo_class, route.origin, route.hops, route.pinned);
}

CandidateRoutes plan_routes(const CorridorSpec& spec) {
  // Without dated facilities, one network all run long, whatever the days.
  const std::vector<double> network = network_epochs(spec);
  const bool dated = network.size() > 1;
  // The fixed rule's shares name the candidates of the start; costs do not choose.
  const std::vector<double> priced =
      spec.routing.choice == RouteChoice::fixed ? std::vector<double>{} : pricing_days(spec);
  std::vector<double> epochs = network;
  epochs.insert(epochs.end(), priced.begin(), priced.end());
  std::sort(epochs.begin(), epochs.end());
  epochs.erase(std::unique(epochs.begin(), epochs.end()), epochs.end());
  std::vector<std::vector<Route>> routes(spec.demand.size());
  for (std::size_t e = 0; e < epochs.size(); ++e) {
    const double day = dated ? epochs[e] : std::numeric_limits<double>::quiet_NaN();
    const double until_day = e + 1 < epochs.size() ? epochs[e + 1] : spec.horizon_days;
    // Candidates ranked by the costs in force over this stretch.
    const std::optional<CorridorSpec> on_day =
        priced.empty() ? std::nullopt : std::optional(spec_on_day(spec, epochs[e]));
    const CorridorSpec& costed = on_day ? *on_day : spec;
    // One graph serves every entry that sees the network alike (same modes and class).
    std::vector<std::unique_ptr<RouteGraph>> graphs;
    const auto graph_for = [&](const DemandSpec& demand) -> RouteGraph& {
      for (const auto& graph : graphs) {
        if (graph->seen->modes == demand.modes && graph->seen->cargo_class == demand.cargo_class) {
          return *graph;
        }
      }
      return *graphs.emplace_back(
          std::make_unique<RouteGraph>(&demand, build_graph(costed, demand, day)));
    };
    for (std::uint32_t d = 0; d < spec.demand.size(); ++d) {
      const DemandSpec& demand = spec.demand[d];
      if (demand.origin == demand.destination) {
        throw RoutingError(d, fmt::format("origin and destination are the same node '{}'",
                                          spec.nodes[demand.origin].id));
      }
      if (epochs.size() == 1) {
        routes[d] = graph_for(demand).candidates(costed, d, day);
        continue;
      }
      // An entry closed over this stretch of the network needs no route in it.
      const bool creates = demand.opens_day < until_day && demand.closes_day > epochs[e];
      std::vector<Route> found;
      try {
        found = graph_for(demand).candidates(costed, d, day);
      } catch (const RoutingError& error) {
        if (!creates) continue;
        if (!dated) throw;
        throw RoutingError(d,
                           fmt::format("{} from day {:g} to day {:g}, while it creates cargo: "
                                       "a node or link on its way is not in service then "
                                       "(give the entry opens: or closes:)",
                                       error.what(), epochs[e], until_day),
                           error.part(), error.position());
      }
      for (Route& route : found) {
        const bool known = std::any_of(routes[d].begin(), routes[d].end(), [&](const Route& other) {
          return other.hops == route.hops;
        });
        if (!known) routes[d].push_back(std::move(route));
      }
    }
  }
  if (!priced.empty()) {
    // Measured as the scenario stands at the start (changes on day 0 applied): the
    // simulation prices them anew as changes fall due.
    const CorridorSpec at_start = spec_on_day(spec, 0.0);
    for (std::uint32_t d = 0; d < spec.demand.size(); ++d) {
      for (Route& route : routes[d]) {
        route = remeasured(at_start, route, spec.demand[d].cargo_class);
      }
    }
  }
  for (std::uint32_t d = 0; d < spec.demand.size(); ++d) {
    if (routes[d].empty()) {
      throw RoutingError(d, fmt::format("no route from '{}' to '{}' while it creates cargo",
                                        spec.nodes[spec.demand[d].origin].id,
                                        spec.nodes[spec.demand[d].destination].id));
    }
    if (dated && spec.routing.choice == RouteChoice::fixed && routes[d].size() > 1) {
      throw RoutingError(d,
                         "the fixed rule's shares name candidates of one network: with nodes "
                         "or links that open or close on a date, use shortest, logit or "
                         "adaptive",
                         RoutingError::Part::entry);
    }
    check_shares(spec, d, routes[d]);
  }
  return routes;
}

std::string describe(const CorridorSpec& spec, const Route& route) {
  std::string text = spec.nodes[route.origin].id;
  for (const Hop& hop : route.hops) {
    text += " > ";
    text += spec.nodes[hop.to_node].id;
  }
  return text;
}

}  // namespace corridor::model
