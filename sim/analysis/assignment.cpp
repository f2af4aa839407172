#include "corridor/analysis/assignment.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <limits>
#include <optional>

#include "corridor/model/effective_capacity.hpp"

namespace corridor::analysis {
namespace {

constexpr double kLinearFrom = 0.99;  // utilization beyond which the delay grows linearly

struct Facility {
  FacilityLoad load;
  double hours_per_lot_at_capacity = 0.0;
};

double mtpa_of(double tonnes_per_hour) {
  return tonnes_per_hour * model::kHoursPerYear / 1e6;
}

// Capacitated facilities, with the index each node and link direction maps to (or -1).
std::vector<Facility> list_facilities(const model::CorridorSpec& spec,
                                      const std::vector<std::vector<model::Route>>& candidates,
                                      std::vector<int>& node_facility,
                                      std::vector<int>& direction_facility,
                                      std::vector<std::vector<int>>& terminal_facility) {
  std::vector<Facility> facilities;
  // The demand's mean lot: a facility's delay is judged by lots of that size.
  double tonnes = 0.0;
  double lots = 0.0;
  for (const model::DemandSpec& demand : spec.demand) {
    tonnes += demand.volume_mtpa;
    lots += demand.volume_mtpa / spec.lot_t_of(demand);
  }
  const double lot_t =
      spec.several_classes() && lots > 0.0 ? tonnes / lots : spec.classes.front().lot_t;
  const auto add = [&](std::string kind, std::string id, double capacity_mtpa) {
    Facility facility;
    facility.load.kind = std::move(kind);
    facility.load.id = std::move(id);
    facility.load.capacity_mtpa = capacity_mtpa;
    facility.hours_per_lot_at_capacity = lot_t / model::tonnes_per_hour(capacity_mtpa);
    facilities.push_back(std::move(facility));
    return static_cast<int>(facilities.size() - 1);
  };
  node_facility.assign(spec.nodes.size(), -1);
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    if (spec.nodes[i].capacity_mtpa) {
      node_facility[i] = add("node", spec.nodes[i].id, *spec.nodes[i].capacity_mtpa);
    }
  }
  // Each direction's effective capacity, as the simulation judges utilization.
  const std::vector<double> vehicle_t_per_h =
      model::vehicle_capacity_t_per_h(spec, model::direction_traffic(spec, candidates));
  direction_facility.assign(spec.links.size() * 2, -1);
  for (std::uint32_t i = 0; i < spec.links.size(); ++i) {
    const model::LinkSpec& link = spec.links[i];
    const std::optional<double> cap_t_per_h =
        link.capacity_mtpa ? std::optional<double>(model::tonnes_per_hour(*link.capacity_mtpa))
                           : std::nullopt;
    const std::string& from = spec.nodes[link.from].id;
    const std::string& to = spec.nodes[link.to].id;
    for (std::uint32_t d = 0; d < (link.oneway ? 1U : 2U); ++d) {
      const double capacity_t_per_h =
          model::effective_t_per_h(cap_t_per_h, vehicle_t_per_h[2 * i + d]);
      if (capacity_t_per_h <= 0.0) continue;
      direction_facility[2 * i + d] =
          add("link", d == 0 ? from + "-" + to : to + "-" + from, mtpa_of(capacity_t_per_h));
    }
  }
  // Terminals, in Mt/yr of the first class each serves (capacity_bound.cpp converts the
  // same way).
  terminal_facility.assign(spec.nodes.size(), {});
  for (std::uint32_t i = 0; i < spec.nodes.size(); ++i) {
    for (const model::TerminalSpec& terminal : spec.nodes[i].terminals) {
      const auto first = static_cast<std::uint32_t>(
          std::find(terminal.classes.begin(), terminal.classes.end(), true) -
          terminal.classes.begin());
      terminal_facility[i].push_back(add("terminal", spec.nodes[i].id + "/" + terminal.id,
                                         spec.terminal_capacity_mtpa(terminal, first)));
    }
  }
  return facilities;
}

}  // namespace

double facility_delay_h(double flow_mtpa, double capacity_mtpa, double hours_per_lot_at_capacity) {
  const double rho = std::max(0.0, flow_mtpa / capacity_mtpa);
  if (rho <= kLinearFrom) return hours_per_lot_at_capacity * rho / (1.0 - rho);
  const double at = kLinearFrom / (1.0 - kLinearFrom);
  const double slope = 1.0 / ((1.0 - kLinearFrom) * (1.0 - kLinearFrom));
  return hours_per_lot_at_capacity * (at + slope * (rho - kLinearFrom));
}

AssignmentResult assign(const model::CorridorSpec& spec,
                        const std::vector<std::vector<model::Route>>& candidates,
                        const AssignmentOptions& options) {
  std::vector<int> node_facility;
  std::vector<int> direction_facility;
  std::vector<std::vector<int>> terminal_facility;
  std::vector<Facility> facilities =
      list_facilities(spec, candidates, node_facility, direction_facility, terminal_facility);

  // Routes flattened: entry d's candidates are columns [first[d], first[d + 1]).
  std::vector<Eigen::Index> first{0};
  for (const auto& routes : candidates) {
    first.push_back(first.back() + static_cast<Eigen::Index>(routes.size()));
  }
  const Eigen::Index route_count = first.back();
  const auto facility_count = static_cast<Eigen::Index>(facilities.size());
  Eigen::MatrixXd uses = Eigen::MatrixXd::Zero(facility_count, route_count);  // incidence
  Eigen::VectorXd free_flow_cost(route_count);
  Eigen::VectorXd volume(route_count);         // the entry's volume, for each of its routes
  Eigen::VectorXd value_of_time(route_count);  // its class's, USD per t.h
  for (std::size_t d = 0; d < candidates.size(); ++d) {
    for (std::size_t k = 0; k < candidates[d].size(); ++k) {
      const model::Route& route = candidates[d][k];
      const Eigen::Index r = first[d] + static_cast<Eigen::Index>(k);
      free_flow_cost[r] = route.cost_usd_per_t;
      volume[r] = spec.demand[d].volume_mtpa;
      value_of_time[r] = spec.value_of_time_usd_per_t_h(spec.demand[d].cargo_class);
      // A facility a route passes twice (a pinned route may) carries its flow twice.
      const std::uint32_t cargo_class = spec.demand[d].cargo_class;
      for (const std::uint32_t node : route.nodes()) {
        if (node_facility[node] >= 0) uses(node_facility[node], r) += 1.0;
        const std::uint32_t terminal = spec.terminal_of(spec.nodes[node], cargo_class);
        if (terminal == model::kNone) continue;
        const int facility = terminal_facility[node][terminal];
        // Mt/yr of this class, in Mt/yr of the class the terminal's capacity is counted in.
        uses(facility, r) +=
            facilities[facility].load.capacity_mtpa /
            spec.terminal_capacity_mtpa(spec.nodes[node].terminals[terminal], cargo_class);
      }
      for (const model::Hop& hop : route.hops) {
        const int direction = direction_facility[2 * hop.link + hop.direction];
        if (direction >= 0) uses(direction, r) += 1.0;
      }
    }
  }

  const auto costs = [&](const Eigen::VectorXd& flow) {
    const Eigen::VectorXd load = uses * flow;
    Eigen::VectorXd delay_h(facility_count);
    for (Eigen::Index f = 0; f < facility_count; ++f) {
      delay_h[f] = facility_delay_h(load[f], facilities[f].load.capacity_mtpa,
                                    facilities[f].hours_per_lot_at_capacity);
    }
    return Eigen::VectorXd(free_flow_cost + value_of_time.cwiseProduct(uses.transpose() * delay_h));
  };
  // All-or-nothing: each entry's whole volume on its cheapest route (the first on a tie).
  const auto all_or_nothing = [&](const Eigen::VectorXd& cost, double* cheapest_total) {
    Eigen::VectorXd flow = Eigen::VectorXd::Zero(route_count);
    double total = 0.0;
    for (std::size_t d = 0; d + 1 < first.size(); ++d) {
      Eigen::Index best = first[d];
      for (Eigen::Index r = first[d] + 1; r < first[d + 1]; ++r) {
        if (cost[r] < cost[best]) best = r;
      }
      flow[best] = volume[best];
      total += volume[best] * cost[best];
    }
    if (cheapest_total != nullptr) *cheapest_total = total;
    return flow;
  };

  AssignmentResult result;
  Eigen::VectorXd flow = all_or_nothing(free_flow_cost, nullptr);
  Eigen::VectorXd cost = costs(flow);
  for (;;) {
    double cheapest_total = 0.0;
    const Eigen::VectorXd target = all_or_nothing(cost, &cheapest_total);
    const double used_total = flow.dot(cost);
    result.relative_gap = used_total > 0.0 ? (used_total - cheapest_total) / used_total : 0.0;
    if (result.relative_gap < options.relative_gap) {
      result.converged = true;
      break;
    }
    if (result.iterations >= options.max_iterations) break;
    ++result.iterations;
    // Exact line search: the Beckmann objective is convex along the direction, so its
    // slope, direction . cost, rises with the step; bisect for where it crosses zero.
    const Eigen::VectorXd direction = target - flow;
    double low = 0.0;
    double high = 1.0;
    if (direction.dot(costs(flow + direction)) > 0.0) {
      for (int i = 0; i < 60; ++i) {
        const double middle = 0.5 * (low + high);
        (direction.dot(costs(flow + middle * direction)) > 0.0 ? high : low) = middle;
      }
    } else {
      low = 1.0;
    }
    flow += low * direction;
    cost = costs(flow);
  }

  const Eigen::VectorXd load = uses * flow;
  for (Eigen::Index f = 0; f < facility_count; ++f) {
    facilities[f].load.flow_mtpa = load[f];
    facilities[f].load.delay_h = facility_delay_h(load[f], facilities[f].load.capacity_mtpa,
                                                  facilities[f].hours_per_lot_at_capacity);
    result.facilities.push_back(facilities[f].load);
  }
  for (std::size_t d = 0; d + 1 < first.size(); ++d) {
    std::vector<AssignedRoute>& routes = result.routes.emplace_back();
    for (Eigen::Index r = first[d]; r < first[d + 1]; ++r) {
      routes.push_back(AssignedRoute{flow[r], flow[r] / volume[r], cost[r]});
    }
  }
  return result;
}

}  // namespace corridor::analysis
