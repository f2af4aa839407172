// What the transit statistics leave out: cargo still in the system at the horizon, per
// demand entry and pair, with its age and where it waits. A corridor that stops
// delivering keeps fine transit figures for what it does deliver; these say how much it
// does not.

#include <algorithm>
#include <cmath>
#include <utility>

#include "corridor_simulation.hpp"

namespace corridor::model::detail {
namespace {

constexpr double kHoursPerDay = 24.0;
constexpr std::size_t kPlacesListed = 3;

// Nearest rank, as LogHistogram::percentile counts it; reorders `values`.
double nearest_rank(std::vector<double>& values, double q) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace

void CorridorSimulation::collect_in_system(RunResult& result) const {
  std::vector<bool> is_free(lots_.size(), false);
  for (const std::uint32_t id : free_lots_) is_free[id] = true;
  // Lots waiting for a link: queued, or aboard a vehicle still at the quay. Others off
  // any node are under way (aboard a vehicle at sea keeps its boarding phase).
  std::vector<bool> waits_for_link(lots_.size(), false);
  for (const DirectionState& direction : directions_) {
    for (std::size_t i = 0; i < direction.waiting.size(); ++i) {
      waits_for_link[direction.waiting[i]] = true;
    }
    for (std::size_t i = 0; i < direction.quay.size(); ++i) {
      for (const std::uint32_t id : vehicles_[direction.quay[i]].lots) waits_for_link[id] = true;
    }
  }

  // Each live lot's age, and the place it waits at: a node index, or the node count
  // plus a link index; none while it travels a link. Places are counted per entry, as
  // (place, lots) in place order: a few per entry, however large the network.
  const auto node_count = static_cast<std::uint32_t>(spec_.nodes.size());
  std::vector<std::vector<double>> ages_h(spec_.demand.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> waits;  // (entry, place), a lot each
  for (std::uint32_t id = 0; id < lots_.size(); ++id) {
    if (is_free[id]) continue;
    const Lot& lot = lots_[id];
    const std::uint32_t demand = demand_of_route_[lot.route];
    ages_h[demand].push_back(horizon_h_ - lot.created_h);
    std::uint32_t place = kNone;
    if (lot.node != kNone) {
      place = lot.node;
    } else if (!lot.entered) {
      place = spec_.demand[demand].origin;  // waiting for a yard slot to enter
    } else if (waits_for_link[id]) {
      place = node_count + link_of_direction(next_direction(lot));
    }
    if (place != kNone) waits.emplace_back(demand, place);
  }
  std::sort(waits.begin(), waits.end());
  using PlaceCounts = std::vector<std::pair<std::uint32_t, std::uint64_t>>;  // (place, lots)
  std::vector<PlaceCounts> waiting(spec_.demand.size());
  for (const auto& [demand, place] : waits) {
    PlaceCounts& counts = waiting[demand];
    if (counts.empty() || counts.back().first != place) counts.emplace_back(place, 0);
    ++counts.back().second;
  }

  // The places where an entry's (or a pair's) lots wait, most first, ties by place.
  const auto places_of = [&](const std::vector<std::uint32_t>& entries) {
    PlaceCounts counts;
    for (const std::uint32_t d : entries) {
      counts.insert(counts.end(), waiting[d].begin(), waiting[d].end());
    }
    std::sort(counts.begin(), counts.end());
    PlaceCounts merged;
    for (const auto& [place, lots] : counts) {
      if (merged.empty() || merged.back().first != place) merged.emplace_back(place, 0);
      merged.back().second += lots;
    }
    const std::size_t listed = std::min(merged.size(), kPlacesListed);
    std::partial_sort(merged.begin(), merged.begin() + static_cast<std::ptrdiff_t>(listed),
                      merged.end(), [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    std::vector<WaitingCargo> named;
    for (std::size_t i = 0; i < listed; ++i) {
      const auto [place, lots] = merged[i];
      named.push_back(place < node_count
                          ? WaitingCargo{"node", spec_.nodes[place].id, lots}
                          : WaitingCargo{"link", spec_.links[place - node_count].id, lots});
    }
    return named;
  };
  const auto in_system_of = [&](std::vector<double> ages, double tonnes_left,
                                const std::vector<std::uint32_t>& entries) {
    InSystem in_system;
    in_system.lots = ages.size();
    in_system.t = tonnes_left;
    if (!ages.empty()) {
      double sum_h = 0.0;
      for (const double age : ages) sum_h += age;
      const double oldest_h = *std::max_element(ages.begin(), ages.end());
      in_system.age_days =
          AgeDays{sum_h / static_cast<double>(ages.size()) / kHoursPerDay,
                  nearest_rank(ages, 0.95) / kHoursPerDay, oldest_h / kHoursPerDay};
    }
    in_system.waiting_at = places_of(entries);
    return in_system;
  };

  for (std::uint32_t d = 0; d < spec_.demand.size(); ++d) {
    const DemandSpec& spec = spec_.demand[d];
    const DemandCounts& counts = demand_counts_[d];
    DemandResult row;
    row.id = spec.id;
    row.origin = spec_.nodes[spec.origin].id;
    row.destination = spec_.nodes[spec.destination].id;
    const double lot_t = spec_.lot_t_of(spec);
    row.created_lots = counts.window_generated_lots;
    row.created_t = static_cast<double>(counts.window_generated_lots) * lot_t;
    row.delivered_lots = counts.window_delivered_lots;
    row.delivered_t = static_cast<double>(counts.window_delivered_lots) * lot_t;
    row.delivered_share =
        delivered_share(counts.window_delivered_lots, counts.window_generated_lots);
    if (counts.window_delivered_lots > 0) {
      row.mean_transit_days =
          counts.window_transit_sum_h / static_cast<double>(counts.window_delivered_lots) / 24.0;
    }
    row.in_system = in_system_of(ages_h[d], static_cast<double>(ages_h[d].size()) * lot_t, {d});
    if (spec.promise_days) {
      // Lots still in the system past their promise are late whatever happens next.
      const double promise_h = *spec.promise_days * 24.0;
      const auto overdue = static_cast<std::uint64_t>(std::count_if(
          ages_h[d].begin(), ages_h[d].end(), [&](double age) { return age > promise_h; }));
      row.promise_days = spec.promise_days;
      const std::uint64_t judged = counts.window_delivered_lots + overdue;
      if (judged > 0) {
        row.on_time_share =
            static_cast<double>(counts.window_on_time_lots) / static_cast<double>(judged);
      }
    }
    result.demand.push_back(std::move(row));
  }

  std::vector<std::vector<std::uint32_t>> entries_of_pair(od_.size());
  for (std::uint32_t d = 0; d < spec_.demand.size(); ++d) {
    entries_of_pair[od_of_demand_[d]].push_back(d);
  }
  for (std::uint32_t o = 0; o < od_.size(); ++o) {
    std::vector<double> ages;
    LotsByClass left(spec_.classes.size(), 0);
    for (const std::uint32_t d : entries_of_pair[o]) {
      ages.insert(ages.end(), ages_h[d].begin(), ages_h[d].end());
      left[spec_.demand[d].cargo_class] += ages_h[d].size();
    }
    OdResult& row = result.od[o];
    row.in_system = in_system_of(ages, tonnes(left), entries_of_pair[o]);
    if (ages.empty() && od_[o].delivered_lots == 0) continue;
    LogHistogram transit_h;
    for (const std::uint32_t r : od_[o].route_rows) transit_h.merge(route_rows_[r].transit_h);
    for (const double age : ages) transit_h.add(age);
    row.censored_p95_days = transit_h.percentile(0.95) / kHoursPerDay;
  }
}

}  // namespace corridor::model::detail
