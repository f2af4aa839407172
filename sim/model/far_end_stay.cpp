#include "far_end_stay.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

#include "corridor/engine/random.hpp"

namespace corridor::model::detail {
namespace {

// Enough sailings that the mean stay is known to well within 1 % of a cycle. A large
// vessel's fill time varies less from sailing to sailing, so fewer are needed: the
// work is bounded by the lots played out, which keeps a call to a few milliseconds.
constexpr std::uint64_t kLotsToPlay = 100'000;
constexpr std::uint64_t kMinSailings = 500;
constexpr std::uint64_t kMaxSailings = 40'000;

struct AtQuay {
  double opened_h = 0.0;
  std::uint32_t aboard = 0;
};

// When the first vessel at the quay may sail, as try_depart decides it.
double leave_at_h(const VehicleSpec& vehicle, const AtQuay& first) {
  if (first.aboard == 0) return first.opened_h + vehicle.empty_hold_h;
  double leave_h = first.opened_h + vehicle.load_h;
  if (first.aboard < vehicle.capacity_lots) {
    leave_h = std::max(leave_h, first.opened_h + vehicle.max_hold_h);
  }
  return leave_h;
}

}  // namespace

double mean_far_end_stay_h(const VehicleSpec& vehicle, std::uint32_t fleet, double away_h,
                           double lots_per_h) {
  // Cargo that comes faster than full vessels take it away only piles up: every vessel
  // finds a full load and stays load_h.
  const double full_cycle_h = away_h + vehicle.load_h;
  if (lots_per_h * full_cycle_h >= static_cast<double>(fleet) * vehicle.capacity_lots) {
    return vehicle.load_h;
  }
  const std::uint64_t measured =
      std::clamp<std::uint64_t>(kLotsToPlay / vehicle.capacity_lots, kMinSailings, kMaxSailings);
  const std::uint64_t warmup = measured / 10;
  constexpr double kNever = std::numeric_limits<double>::infinity();
  engine::RandomStream random(0, 0, "far-end-stay");
  const double mean_gap_h = 1.0 / lots_per_h;
  // Vessels first open evenly spread over one time away.
  std::priority_queue<double, std::vector<double>, std::greater<>> opens_h;
  for (std::uint32_t i = 0; i < fleet; ++i) opens_h.push(away_h * i / fleet);
  std::deque<AtQuay> quay;
  std::uint64_t waiting_lots = 0;  // on the quay, every vessel there being full
  double next_lot_h = random.exponential(mean_gap_h);
  double now_h = 0.0;
  std::uint64_t sailings = 0;
  double measured_stay_h = 0.0;
  while (sailings < warmup + measured) {
    const double sail_h =
        quay.empty() ? kNever : std::max(now_h, leave_at_h(vehicle, quay.front()));
    const double open_h = opens_h.empty() ? kNever : opens_h.top();
    if (sail_h <= open_h && sail_h <= next_lot_h) {
      now_h = sail_h;
      if (++sailings > warmup) measured_stay_h += now_h - quay.front().opened_h;
      quay.pop_front();
      opens_h.push(now_h + away_h);
    } else if (open_h <= next_lot_h) {
      now_h = open_h;
      opens_h.pop();
      const auto boarding =
          static_cast<std::uint32_t>(std::min<std::uint64_t>(waiting_lots, vehicle.capacity_lots));
      waiting_lots -= boarding;
      quay.push_back({now_h, boarding});
    } else {
      now_h = next_lot_h;
      next_lot_h += random.exponential(mean_gap_h);
      const auto room = std::find_if(quay.begin(), quay.end(), [&](const AtQuay& at) {
        return at.aboard < vehicle.capacity_lots;
      });
      if (room == quay.end()) {
        ++waiting_lots;
      } else {
        ++room->aboard;
      }
    }
  }
  return measured_stay_h / static_cast<double>(measured);
}

}  // namespace corridor::model::detail
