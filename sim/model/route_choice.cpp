// Which candidate route a new lot takes (docs/routing.md). `fixed` and `logit` draw from
// precomputed probabilities; `shortest` takes the first candidate (the pinned route, or
// the cheapest at free flow); `adaptive` prices every candidate with the queues and
// backlogs on it at the moment the lot is created, and takes the cheapest.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "corridor/model/invariants.hpp"
#include "corridor_simulation.hpp"

namespace corridor::model::detail {

void CorridorSimulation::init_route_choice(const CandidateRoutes& candidates) {
  traffic_ = direction_traffic(spec_, candidates);
  if (spec_.routing.choice == RouteChoice::adaptive) {
    // The lots an hour that could take each direction (window average), for the price
    // of a vehicle not yet full (leaves_h).
    potential_lots_per_h_.assign(2 * spec_.links.size(), 0.0);
    for (std::uint32_t d = 0; d < spec_.demand.size(); ++d) {
      const double lots_per_h = tonnes_per_hour(window_volume_mtpa(spec_, spec_.demand[d])) /
                                spec_.lot_t_of(spec_.demand[d]);
      std::vector<bool> crossed(2 * spec_.links.size(), false);
      for (const Route& route : candidates[d]) {
        for (const Hop& hop : route.hops) crossed[2 * hop.link + hop.direction] = true;
      }
      for (std::size_t i = 0; i < crossed.size(); ++i) {
        if (crossed[i]) potential_lots_per_h_[i] += lots_per_h;
      }
    }
  }
  vehicle_t_per_h_ =
      model::vehicle_capacity_t_per_h(spec_, traffic_, model::DirectionsWanted::boarded);
  const bool dated_network = network_epochs(spec_).size() > 1;
  const bool repriced = !pricing_days(spec_).empty();
  rerank_ = repriced && (spec_.routing.choice == RouteChoice::shortest ||
                         spec_.routing.choice == RouteChoice::logit);
  hops_begin_.assign(1, 0);
  for (std::uint32_t d = 0; d < spec_.demand.size(); ++d) {
    DemandChoice& choice = choices_.emplace_back(engine::RandomStream(
        options_.seed, options_.replication, fmt::format("demand/{}/route", spec_.demand[d].id)));
    choice.first = static_cast<std::uint32_t>(routes_.size());
    choice.count = static_cast<std::uint32_t>(candidates[d].size());
    double cheapest = std::numeric_limits<double>::infinity();
    for (const Route& route : candidates[d]) cheapest = std::min(cheapest, route.cost_usd_per_t);
    std::vector<double> weights;
    for (const Route& route : candidates[d]) {
      if (spec_.routing.choice == RouteChoice::logit) {
        // Relative to the cheapest: the exponent is at most 0, so no weight overflows and
        // the cheapest's is 1, so they cannot all underflow.
        weights.push_back(
            std::exp(-spec_.routing.logit_scale_per_usd * (route.cost_usd_per_t - cheapest)));
      }
      routes_.push_back(route);
      for (const Hop& hop : route.hops) hop_directions_.push_back(2 * hop.link + hop.direction);
      hops_begin_.push_back(static_cast<std::uint32_t>(hop_directions_.size()));
      if (dated_network) route_service_.push_back(in_service(spec_, route));
      if (repriced) {
        route_cost_.emplace_back(route.cost_usd_per_t);
        route_tariff_.emplace_back(route.tariff_usd_per_t);
      }
      od_of_route_.push_back(od_of_demand_[d]);
      demand_of_route_.push_back(d);
      class_of_route_.push_back(spec_.demand[d].cargo_class);
    }
    if (spec_.routing.choice == RouteChoice::fixed && !spec_.demand[d].shares.empty()) {
      weights = spec_.demand[d].shares;
    }
    if (!weights.empty()) {
      double total = 0.0;
      for (const double weight : weights) total += weight;
      double running = 0.0;
      for (const double weight : weights) {
        running += weight / total;
        choice.cumulative.push_back(running);
      }
      choice.cumulative.back() = 1.0;
    }
    // One result row per origin-destination and path, shared by entries of the pair.
    OdState& od = od_[od_of_demand_[d]];
    for (std::uint32_t r = choice.first; r < choice.first + choice.count; ++r) {
      const auto same_path = [&](std::uint32_t row) {
        return routes_[route_rows_[row].route].hops == routes_[r].hops;
      };
      const auto found = std::find_if(od.route_rows.begin(), od.route_rows.end(), same_path);
      if (found != od.route_rows.end()) {
        route_row_of_.push_back(*found);
        continue;
      }
      route_row_of_.push_back(static_cast<std::uint32_t>(route_rows_.size()));
      od.route_rows.push_back(static_cast<std::uint32_t>(route_rows_.size()));
      RouteRow& row = route_rows_.emplace_back();
      row.route = r;
      row.delivered_by_class.assign(spec_.classes.size(), 0);
    }
  }
}

void CorridorSimulation::init_priced_steps() {
  if (spec_.routing.choice != RouteChoice::adaptive) return;
  const auto waits_at = [&](std::uint32_t node) {
    return nodes_[node].pass_through ? kNone : node;
  };
  priced_begin_.reserve(routes_.size() + 1);
  for (const Route& route : routes_) {
    priced_begin_.push_back(static_cast<std::uint32_t>(priced_steps_.size()));
    priced_steps_.push_back({kNone, waits_at(route.origin)});
    for (const Hop& hop : route.hops) {
      const std::uint32_t direction = 2 * hop.link + hop.direction;
      const PricedStep step{directions_[direction].free_flow ? kNone : direction,
                            waits_at(hop.to_node)};
      if (step.direction != kNone || step.node != kNone) priced_steps_.push_back(step);
    }
  }
  priced_begin_.push_back(static_cast<std::uint32_t>(priced_steps_.size()));
}

std::uint32_t CorridorSimulation::choose_route(std::uint32_t demand) {
  DemandChoice& choice = choices_[demand];
  std::uint32_t offset = 0;
  if ((!route_service_.empty() || rerank_) && spec_.routing.choice != RouteChoice::adaptive) {
    offset = choose_in_service(choice);
  } else if (spec_.routing.choice == RouteChoice::adaptive) {
    offset = least_cost_now(choice);  // priced even alone, for priced_cost_usd_per_t
  } else if (choice.count > 1) {
    switch (spec_.routing.choice) {
      case RouteChoice::shortest:  // the pinned route, or the cheapest: always first
        break;
      case RouteChoice::fixed:
      case RouteChoice::logit: {
        const double u = choice.rng.uniform_open01();
        offset = static_cast<std::uint32_t>(
            std::upper_bound(choice.cumulative.begin(), choice.cumulative.end(), u) -
            choice.cumulative.begin());
        offset = std::min(offset, choice.count - 1);
        break;
      }
      case RouteChoice::adaptive:  // chosen above
        break;
    }
  }
  const std::uint32_t route = choice.first + offset;
  if (in_window()) ++route_rows_[route_row_of_[route]].chosen_lots;
  return route;
}

// Where nodes or links open or close on dates, or route costs change: the rule among the
// candidates in service now, at their costs now. `shortest` takes the pinned route, else
// the cheapest at free flow; `logit` draws with the weights of those in service. (`fixed`
// is refused for dated networks and keeps its shares whatever the costs.)
std::uint32_t CorridorSimulation::choose_in_service(DemandChoice& choice) {
  std::uint32_t best = kNone;
  double total = 0.0;
  double cheapest = std::numeric_limits<double>::infinity();
  for (std::uint32_t offset = 0; offset < choice.count; ++offset) {
    if (!route_in_service(choice.first + offset)) continue;
    const Route& route = routes_[choice.first + offset];
    cheapest = std::min(cheapest, route.cost_usd_per_t);
    if (best == kNone || (route.pinned && !routes_[choice.first + best].pinned) ||
        (route.pinned == routes_[choice.first + best].pinned &&
         route.cost_usd_per_t < routes_[choice.first + best].cost_usd_per_t)) {
      best = offset;
    }
  }
  // Planning left every entry a route whenever it creates cargo.
  if (best == kNone) throw InvariantViolation("a lot created with no route in service");
  if (spec_.routing.choice != RouteChoice::logit) return best;
  const auto weight = [&](std::uint32_t offset) {
    return std::exp(-spec_.routing.logit_scale_per_usd *
                    (routes_[choice.first + offset].cost_usd_per_t - cheapest));
  };
  for (std::uint32_t offset = 0; offset < choice.count; ++offset) {
    if (route_in_service(choice.first + offset)) total += weight(offset);
  }
  double mark = choice.rng.uniform_open01() * total;
  for (std::uint32_t offset = 0; offset < choice.count; ++offset) {
    if (!route_in_service(choice.first + offset)) continue;
    mark -= weight(offset);
    if (mark < 0.0) return offset;
  }
  return best;
}

// The candidate that is cheapest with the waits a lot would meet if every queue and
// backlog on the way stayed as it is now. Equal costs are settled by a draw.
std::uint32_t CorridorSimulation::least_cost_now(DemandChoice& choice) {
  double best_cost = std::numeric_limits<double>::infinity();
  std::uint32_t best = 0;
  std::uint32_t ties = 0;
  for (std::uint32_t offset = 0; offset < choice.count; ++offset) {
    const std::uint32_t route_index = choice.first + offset;
    if (!route_in_service(route_index)) continue;
    const Route& route = routes_[route_index];
    const std::uint32_t cargo_class = class_of_route_[route_index];
    // The waits left out are exactly 0: the sum is the one over every step.
    double backlog_h = 0.0;
    const PricedStep* const end = priced_steps_.data() + priced_begin_[route_index + 1];
    for (const PricedStep* step = priced_steps_.data() + priced_begin_[route_index]; step != end;
         ++step) {
      backlog_h += (step->direction == kNone ? 0.0 : direction_backlog_h(step->direction)) +
                   (step->node == kNone ? 0.0 : node_backlog_h(step->node, cargo_class));
    }
    const double cost = route.cost_usd_per_t +
                        spec_.value_of_time_usd_per_t_h(class_of_route_[choice.first]) * backlog_h;
    if (cost < best_cost * (1.0 - 1e-12)) {
      best_cost = cost;
      best = offset;
      ties = 1;
    } else if (cost <= best_cost * (1.0 + 1e-12)) {
      // Reservoir sampling: each of the tied candidates ends up chosen with equal chance.
      ++ties;
      if (choice.rng.uniform_open01() * ties < 1.0) best = offset;
    }
  }
  priced_usd_per_t_ = best_cost;
  return best;
}

// Expected wait at a node for a lot arriving now: the lots ahead of it, handled by all
// servers at once. Ahead are the lots that were waiting for a server just before this
// instant, whatever else happens at it, and those upstream waiting for room in its
// yard: the same count whether the node's handling is booked on arrival or not, and
// whatever order this instant's events run in.
double CorridorSimulation::node_backlog_h(std::uint32_t node_index, std::uint32_t cargo_class) {
  NodeState& node = nodes_[node_index];
  double terminal_h = 0.0;
  if (!node.terminals.empty()) {
    const std::uint32_t t = spec_.terminal_of(spec_.nodes[node_index], cargo_class);
    if (t != kNone) {
      const TerminalState& terminal = node.terminals[t];
      terminal_h = terminal.queue_length.before(now()) * terminal.mean_h_by_class[cargo_class] /
                   terminal.servers;
    }
  }
  if (!node.capacitated) return terminal_h;
  const double waiting = node.booked ? static_cast<double>(node.booked->waiting_before(now()))
                                     : node.queue_length.before(now());
  const double ahead = waiting + static_cast<double>(node.waiting_for_slot.size());
  return terminal_h + ahead * node.service.mean() * lot_scale_[cargo_class] / node.servers;
}

// When a vehicle the lot would board leaves, from now: after loading if full, else at
// its hold deadline, unless the lots still to come fill it first. They come at the rate
// of every entry with a candidate through the direction: a vehicle not yet full at the
// quay is when its route is cheap, and every lot that can take it then does. Counting
// only the lots already there would price every vehicle not yet full at its hold, as if
// the flow that makes the queue would stop.
double CorridorSimulation::leaves_h(const VehicleSpec& vehicle, const DirectionState& direction,
                                    double opens_h, double lots_short) const {
  const double loaded_h = opens_h + vehicle.load_h;
  if (lots_short <= 0.0) return loaded_h;
  const double rate_per_h =
      potential_lots_per_h_[static_cast<std::size_t>(&direction - directions_.data())];
  const double filled_h =
      rate_per_h > 0.0 ? lots_short / rate_per_h : std::numeric_limits<double>::infinity();
  return std::max(loaded_h,
                  std::min(filled_h, opens_h + std::max(vehicle.load_h, vehicle.max_hold_h)));
}

// When the fleet vessel that takes the lot's load leaves, from now. Each vessel opens
// for loading here when it opened (at the quay), or when it will be back: from the far
// quay at its departure deadline, from the voyage out after the far end's share of the
// cycle. Loads go to vessels in the order they open and leave in that order; a vessel
// that has left is back one cycle (the direction's effective capacity over the fleet)
// after its departure, less its loading.
double CorridorSimulation::fleet_departure_h(std::uint32_t direction_index, double loads_before,
                                             double spacing_h, double lots_short) const {
  const DirectionState& direction = directions_[direction_index];
  const std::uint32_t link_index = link_of_direction(direction_index);
  const LinkSpec& link = spec_.links[link_index];
  const VehicleSpec& vehicle = *vehicle_of(direction_index);
  const std::vector<std::uint32_t>& fleet = links_[link_index].fleet;
  const double crossing_h = link.travel_h() + vehicle.unload_h;
  const double cycle_h = spacing_h * static_cast<double>(fleet.size());
  const double far_stay_h = std::max(0.0, cycle_h - vehicle.load_h - 2.0 * crossing_h);
  openings_h_.clear();
  for (const std::uint32_t id : fleet) {
    const Vehicle& vessel = vehicles_[id];
    const bool at_quay = vessel.loading_opened_h > vessel.departed_h ||
                         (vessel.departed_h == 0.0 && vessel.arrived_h == 0.0);
    double opens_h = 0.0;
    if (vessel.direction == direction_index) {
      opens_h = at_quay ? vessel.loading_opened_h
                        : vessel.departed_h + crossing_h + far_stay_h + crossing_h;
    } else {
      const double leaves_far_h =
          at_quay ? (vessel.pending_check_h < kNever ? vessel.pending_check_h : now())
                  : vessel.departed_h;
      opens_h = leaves_far_h + crossing_h;
    }
    openings_h_.push_back(opens_h - now());
  }
  std::sort(openings_h_.begin(), openings_h_.end());
  // Loads before the lot's own leave full, each after its vessel has loaded and after
  // the one before it; a round of the fleet repeats one cycle later.
  const std::size_t size = openings_h_.size();
  const auto own = static_cast<std::size_t>(loads_before);
  const std::size_t rounds = own / size;
  const std::size_t slot = own % size;
  double departed_h = -std::numeric_limits<double>::infinity();
  for (std::size_t j = 0; j < slot; ++j) {
    departed_h = std::max(openings_h_[j] + vehicle.load_h, departed_h);
  }
  const double opens_h = openings_h_[slot];
  return static_cast<double>(rounds) * cycle_h +
         std::max(departed_h, leaves_h(vehicle, direction, opens_h, lots_short));
}

// Expected wait to leave on a link direction for a lot that reached it now, beyond what
// the route's free-flow cost holds: the rest of any closure and of the departure
// spacing, then its turn. A gate sends the lots ahead one per headway. On a vehicle link
// the lot is one more behind the lots waiting and those aboard vehicles at the quay,
// loads leave full before its own, and its own vehicle leaves as leaves_h says; a fleet's
// vessels come as fleet_departure_h follows them, unlimited stock opens a vehicle at
// once and sends the next one departure spacing (the direction's effective capacity)
// after the last. The free-flow cost already counts one loading.
double CorridorSimulation::direction_backlog_h(std::uint32_t direction_index) const {
  const DirectionState& direction = directions_[direction_index];
  const std::uint32_t link = link_of_direction(direction_index);
  const double closed_h = std::max(0.0, link_closed_until_h_[link] - now());
  const VehicleSpec* vehicle = vehicle_of(direction_index);
  if (vehicle == nullptr) {
    const double blocked_h = std::max(closed_h, direction.next_departure_h - now());
    // Lots of several classes: each heavier lot takes its share more of the cap (the
    // traffic's mix stands for the lots waiting).
    const double scale = traffic_[direction_index].lot_t(spec_) / spec_.classes.front().lot_t;
    return blocked_h + static_cast<double>(direction.waiting.size()) * direction.headway_h * scale;
  }
  const double capacity = vehicle->capacity_lots;
  const double position = static_cast<double>(direction.backlog_lots) + 1.0;
  const double loads_before = std::ceil(position / capacity) - 1.0;  // leaving before its own
  const double lots_short = (loads_before + 1.0) * capacity - position;
  const double effective = direction.effective_t_per_h.value();
  const double spacing_h =
      effective > 0.0 ? capacity * traffic_[direction_index].lot_t(spec_) / effective : 0.0;
  double departs_h = 0.0;
  if (vehicle->timetable) {
    // The slot that takes its load: the next, or as many after as loads go before it.
    departs_h = vehicle->next_slot_h(now()) - now() + loads_before * vehicle->timetable->every_h;
    const double capped_h = std::max(0.0, link_closed_until_h_[link] - now());
    return std::max(departs_h, capped_h) - vehicle->load_h;
  }
  if (vehicle->fleet && !links_[link].fleet.empty()) {
    departs_h = fleet_departure_h(direction_index, loads_before, spacing_h, lots_short);
  } else {
    const double first_opens_h =
        direction.quay.empty() ? 0.0 : vehicles_[direction.quay.front()].loading_opened_h - now();
    departs_h = leaves_h(*vehicle, direction, first_opens_h + loads_before * spacing_h, lots_short);
  }
  // A closure holds every load; a departure cap spaces each from the one before.
  const double capped_h = direction.next_departure_h - now() + loads_before * direction.headway_h;
  return std::max({0.0, departs_h, closed_h, capped_h}) - vehicle->load_h;
}

}  // namespace corridor::model::detail
