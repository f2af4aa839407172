#pragma once
// What each link direction can carry, worked out from the rules the simulation runs
// (docs/results.md, "Utilization"), so that utilization, the bottleneck ranking,
// `corridor capacity`, `corridor assign`, the adaptive rule's price and `expand` all
// judge a facility against the same figure. A node's capacity is its capacity_mtpa; a
// link direction's is the smallest of its departure cap and what its vehicles carry.

#include <cstdint>
#include <optional>
#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::model {

// Cargo that boards a link direction (index link * 2 + d, d = 0 running from -> to).
struct DirectionTraffic {
  bool boarded = false;     // some candidate route crosses it
  double lots_per_h = 0.0;  // expected at free-flow choice, over the statistics window
  double t_per_h = 0.0;     // the same in tonnes

  // Tonnes in one of its lots, on average: a vehicle's place carries that much of this
  // traffic. The lot of the only class where there is one, or where nothing comes.
  [[nodiscard]] double lot_t(const CorridorSpec& spec) const {
    if (!spec.several_classes() || !(lots_per_h > 0.0)) return spec.classes.front().lot_t;
    return t_per_h / lots_per_h;
  }
};

// The probability a lot of the entry takes each candidate at free flow: `fixed` by its
// shares, `logit` by its probabilities, `shortest` and `adaptive` the first.
[[nodiscard]] std::vector<double> free_flow_shares(const CorridorSpec& spec,
                                                   const DemandSpec& demand,
                                                   const std::vector<Route>& candidates);

// Every direction's traffic: each demand entry's window-average volume spread over its
// candidates as the rule spreads it at free flow (`fixed` by its shares, `logit` by its
// probabilities, `shortest` and `adaptive` on the first candidate).
[[nodiscard]] std::vector<DirectionTraffic> direction_traffic(
    const CorridorSpec& spec, const std::vector<std::vector<Route>>& candidates);

// What the vehicles of each link direction carry at most, t/h; 0 where vehicles set no
// limit (no vehicle, or unlimited stock that loads in no time):
// - unlimited stock: loading_positions x capacity_lots x lot_t every load_h;
// - a fleet: fleet x capacity_lots x lot_t per shuttle cycle with cargo always waiting:
//   (lot_t: DirectionTraffic::lot_t, the mean lot of the cargo that boards there)
//   load_h, travel, unload_h, the stay at the far end, travel back, unload_h. The stay is
//   none where no cargo boards back (an empty vessel never waits there), empty_hold_h
//   where a route boards there but none comes, and otherwise what the simulation's
//   departure rules give on that quay (holds side by side included) with the return
//   cargo arriving at its expected rate.
// A simulation needs the figure only where cargo can go; an analysis of the network
// (capacity bound, assignment) needs it everywhere.
enum class DirectionsWanted { every, boarded };
[[nodiscard]] std::vector<double> vehicle_capacity_t_per_h(
    const CorridorSpec& spec, const std::vector<DirectionTraffic>& traffic,
    DirectionsWanted wanted = DirectionsWanted::every);

// The smaller of a departure cap (if any) and a vehicle limit (0: none); 0 if neither.
[[nodiscard]] double effective_t_per_h(std::optional<double> cap_t_per_h, double vehicle_t_per_h);

// Window-average volume of a demand entry, Mt/yr: its growth and monthly profile
// averaged over the statistics window.
[[nodiscard]] double window_volume_mtpa(const CorridorSpec& spec, const DemandSpec& demand);

}  // namespace corridor::model
