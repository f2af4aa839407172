#include "corridor/model/invariants.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>

namespace corridor::model {
namespace {

// Sums of many lot-sized terms round; 1e-9 relative is far above rounding and far below
// any real discrepancy (one lot in a billion tonnes).
constexpr double kRelativeTolerance = 1e-9;

bool close(double a, double b) {
  return std::abs(a - b) <= kRelativeTolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

class Checker {
 public:
  void finite_non_negative(double value, std::string_view what, std::string_view where) const {
    if (!std::isfinite(value)) fail(fmt::format("{} of {} is {}", what, where, value));
    // -0.0 and rounding residue below the tolerance are zero.
    if (value < -kRelativeTolerance)
      fail(fmt::format("{} of {} is negative: {}", what, where, value));
  }

  void ordered(std::initializer_list<double> values, std::string_view what,
               std::string_view where) const {
    const double* previous = nullptr;
    for (const double& value : values) {
      if (previous != nullptr && value < *previous - kRelativeTolerance * std::abs(*previous)) {
        fail(fmt::format("{} of {} are out of order ({} after {})", what, where, value, *previous));
      }
      previous = &value;
    }
  }

  [[noreturn]] static void fail(const std::string& what) { throw InvariantViolation(what); }
};

void check_transit(const Checker& check, const TransitDays& days, std::string_view where) {
  for (const double value :
       {days.mean, days.p05, days.p25, days.p50, days.p75, days.p95, days.min, days.max}) {
    // Negative transit: a lot delivered before it was created.
    check.finite_non_negative(value, "transit days", where);
  }
  check.ordered({days.min, days.p05, days.p25, days.p50, days.p75, days.p95, days.max},
                "transit percentiles", where);
  check.ordered({days.min, days.mean, days.max}, "min, mean and max transit", where);
}

}  // namespace

void check_invariants(const RunResult& result) {
  const Checker check;
  const Totals& totals = result.totals;
  if (totals.generated_lots != totals.delivered_lots + totals.in_system_lots) {
    Checker::fail(fmt::format("lots not conserved: {} generated, {} delivered, {} in the system",
                              totals.generated_lots, totals.delivered_lots, totals.in_system_lots));
  }
  if (!close(totals.generated_t, totals.delivered_t + totals.in_system_t)) {
    Checker::fail(fmt::format("tonnes not conserved: {} generated, {} delivered, {} in the system",
                              totals.generated_t, totals.delivered_t, totals.in_system_t));
  }
  for (const double tonnes : {totals.generated_t, totals.delivered_t, totals.in_system_t,
                              totals.window_generated_t, totals.window_delivered_t}) {
    check.finite_non_negative(tonnes, "tonnes", "the totals");
  }
  check.ordered({totals.window_generated_t, totals.generated_t}, "window and run tonnes created",
                "the totals");
  check.ordered({totals.window_delivered_t, totals.delivered_t}, "window and run tonnes delivered",
                "the totals");

  double window_generated_t = 0.0;
  for (const OdResult& od : result.od) {
    const std::string where = fmt::format("pair {}-{}", od.origin, od.destination);
    check.finite_non_negative(od.delivered_t, "tonnes delivered", where);
    check.finite_non_negative(od.window_generated_t, "tonnes created in the window", where);
    window_generated_t += od.window_generated_t;
    if (od.transit_days) check_transit(check, *od.transit_days, where);
    if (od.time_split_days && od.transit_days) {
      const TimeSplitDays& split = *od.time_split_days;
      for (const double days : {split.moving, split.queueing, split.dwell, split.consolidation}) {
        check.finite_non_negative(days, "a phase of the time split", where);
      }
      const double sum = split.moving + split.queueing + split.dwell + split.consolidation;
      if (!close(sum, od.transit_days->mean)) {
        Checker::fail(fmt::format("the time split of {} sums to {} days, not the mean transit {}",
                                  where, sum, od.transit_days->mean));
      }
    }
    for (const RouteResult& route : od.routes) {
      if (route.transit_days) check_transit(check, *route.transit_days, where + " by a route");
      check.finite_non_negative(route.delivered_t, "tonnes delivered by a route", where);
    }
  }
  // What is left at the horizon, entry by entry and pair by pair, is all of it.
  std::uint64_t entries_in_system = 0;
  for (const DemandResult& entry : result.demand) {
    const std::string where = fmt::format("demand '{}'", entry.id);
    entries_in_system += entry.in_system.lots;
    if (entry.in_system.age_days) {
      const AgeDays& age = *entry.in_system.age_days;
      check.finite_non_negative(age.mean, "the age of undelivered lots", where);
      check.ordered({age.mean, age.max}, "mean and oldest undelivered age", where);
      check.ordered({age.p95, age.max}, "p95 and oldest undelivered age", where);
    }
  }
  std::uint64_t pairs_in_system = 0;
  for (const OdResult& od : result.od) pairs_in_system += od.in_system.lots;
  if (!result.demand.empty() &&
      (entries_in_system != totals.in_system_lots || pairs_in_system != totals.in_system_lots)) {
    Checker::fail(
        fmt::format("lots in the system at the horizon: {} by entry, {} by pair, {} in the totals",
                    entries_in_system, pairs_in_system, totals.in_system_lots));
  }
  if (!result.od.empty() && !close(window_generated_t, totals.window_generated_t)) {
    Checker::fail(fmt::format("the pairs created {} t in the window, the totals say {}",
                              window_generated_t, totals.window_generated_t));
  }
  for (const NodeResult& node : result.nodes) {
    const std::string where = fmt::format("node '{}'", node.id);
    check.finite_non_negative(node.throughput_t, "throughput", where);
    check.finite_non_negative(node.mean_queue_lots, "the mean queue", where);
    check.ordered({node.mean_queue_lots, node.max_queue_lots}, "mean and max queue", where);
    if (node.mean_wait_h) check.finite_non_negative(*node.mean_wait_h, "the mean wait", where);
    if (node.utilization) {
      check.finite_non_negative(*node.utilization, "utilization", where);
      check.ordered({*node.utilization, 1.0}, "utilization and 1", where);
    }
    for (const double tonnes : node.daily_handled_t) {
      check.finite_non_negative(tonnes, "a day's tonnes handled", where);
    }
    for (const double lots : node.daily_queue_lots) {
      check.finite_non_negative(lots, "a day's queue", where);
    }
  }
  for (const LinkResult& link : result.links) {
    const std::string where = fmt::format("link '{}'", link.id);
    check.finite_non_negative(link.throughput_t, "throughput", where);
    if (link.utilization) check.finite_non_negative(*link.utilization, "utilization", where);
    check.finite_non_negative(link.closed_days, "days closed", where);
    for (const double tonnes : link.daily_departed_t) {
      check.finite_non_negative(tonnes, "a day's tonnes departed", where);
    }
    for (const double hours : link.daily_closed_h) {
      check.finite_non_negative(hours, "a day's hours closed", where);
      check.ordered({hours, 24.0}, "a day's hours closed and 24", where);
    }
  }
}

}  // namespace corridor::model
