#pragma once
// A node's scenario facts day by day, for the daily series: the handling capacity in
// force and the hours it was closed. Both follow from the scenario alone (its capacity and
// dated changes, its dated closures), so a chart can set what was handled against what
// could be, day by day, after a dated expansion.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::io::detail {

struct NodeDays {
  // Tonnes the node could handle that day at the capacity in force (a capacity that
  // starts mid-day counts for the part of the day it held); empty on days it had none.
  std::vector<std::optional<double>> capacity_t;
  std::vector<double> closed_h;
};

// Calls visit(day, fraction of the day) for each day [d, d + 1) of [0, days) that
// [from_day, to_day) covers.
template <class Visit>
void for_each_day_part(double from_day, double to_day, std::size_t days, Visit visit) {
  for (auto d = static_cast<std::size_t>(std::max(0.0, from_day)); d < days; ++d) {
    const auto start = static_cast<double>(d);
    if (!(start < to_day)) break;
    const double part = std::min(to_day, start + 1.0) - std::max(from_day, start);
    if (part > 0.0) visit(d, part);
  }
}

inline NodeDays node_days(const model::CorridorSpec& spec, std::uint32_t node, std::size_t days) {
  struct Step {
    double at_day;
    double capacity_mtpa;
  };
  std::vector<Step> steps;
  if (spec.nodes[node].capacity_mtpa) steps.push_back({0.0, *spec.nodes[node].capacity_mtpa});
  for (const auto& change : spec.changes) {
    if (change.facility == model::FacilityKind::node && change.index == node &&
        change.terminal == model::kNone && change.attribute == model::Attribute::capacity_mtpa) {
      steps.push_back({change.at_day, change.value});
    }
  }
  // Changes on one day apply in the scenario's order: the last one holds.
  std::stable_sort(steps.begin(), steps.end(),
                   [](const Step& a, const Step& b) { return a.at_day < b.at_day; });
  NodeDays result{std::vector<std::optional<double>>(days), std::vector<double>(days, 0.0)};
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const double from = steps[s].at_day;
    const double to = s + 1 < steps.size() ? steps[s + 1].at_day : steps[s].at_day + 1e9;
    const double t_per_day = steps[s].capacity_mtpa * 1e6 / 365.0;
    for_each_day_part(from, to, days, [&](std::size_t d, double held) {
      result.capacity_t[d] = result.capacity_t[d].value_or(0.0) + t_per_day * held;
    });
  }
  for (const auto& closure : spec.node_closures) {
    if (closure.node != node) continue;
    for_each_day_part(closure.at_day, closure.at_day + closure.for_days, days,
                      [&](std::size_t d, double part) { result.closed_h[d] += 24.0 * part; });
  }
  return result;
}

}  // namespace corridor::io::detail
