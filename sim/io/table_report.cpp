#include "corridor/io/table_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bottleneck_text.hpp"

namespace corridor::io {
namespace {

std::string percent(const std::optional<double>& fraction) {
  return fraction ? fmt::format("{:.1f}%", *fraction * 100.0) : std::string("-");
}

std::string hours(const std::optional<double>& value) {
  return value ? fmt::format("{:.2f}", *value) : std::string("-");
}

std::size_t widest(const std::vector<std::string>& names, std::size_t at_least) {
  std::size_t width = at_least;
  for (const auto& name : names) width = std::max(width, name.size());
  return width;
}

// Several cargo classes: what each carried, and how each fared at the facilities that
// have a capacity (where a class can wait).
template <class Line>
void format_classes(const model::RunResult& result, double window_years, Line& line) {
  const auto per_year = [&](const std::optional<double>& teu) {
    return teu ? fmt::format("{:.0f}", *teu / window_years) : std::string("-");
  };
  line("");
  line(fmt::format("{:<12}  {:>9}  {:>9}  {:>9}  {:>8}  {:>8}", "Class", "Mt/yr", "TEU/yr",
                   "delivered", "mean d", "p95 d"));
  for (const auto& cargo_class : result.classes) {
    const double delivered =
        cargo_class.created_t > 0.0 ? cargo_class.delivered_t / cargo_class.created_t : 0.0;
    line(fmt::format(
        "{:<12}  {:>9.3f}  {:>9}  {:>8.1f}%  {:>8}  {:>8}", cargo_class.id,
        cargo_class.delivered_t / 1e6 / window_years, per_year(cargo_class.delivered_teu),
        delivered * 100.0,
        cargo_class.transit_days ? fmt::format("{:.2f}", cargo_class.transit_days->mean) : "-",
        cargo_class.transit_days ? fmt::format("{:.2f}", cargo_class.transit_days->p95) : "-"));
  }
  std::vector<std::string> names;
  for (const auto& node : result.nodes) names.push_back(node.id);
  for (const auto& link : result.links) names.push_back(link.id);
  const std::size_t width = widest(names, 12);
  line("");
  line(fmt::format("{:<{}}  {:<12}  {:>9}  {:>9}  {:>11}  {:>10}  {:>11}", "By class", width,
                   "class", "Mt/yr", "TEU/yr", "utilization", "mean queue", "mean wait h"));
  const auto rows = [&](const std::string& id, const std::optional<double>& utilization,
                        const std::vector<model::ClassShare>& shares) {
    if (!utilization) return;  // nothing limits it: nobody waits for capacity there
    for (const auto& share : shares) {
      if (share.throughput_t <= 0.0 && share.mean_queue_lots <= 0.0) continue;
      line(fmt::format("{:<{}}  {:<12}  {:>9.3f}  {:>9}  {:>11}  {:>10.2f}  {:>11}", id, width,
                       share.cargo_class, share.throughput_t / 1e6 / window_years,
                       per_year(share.throughput_teu), percent(share.utilization),
                       share.mean_queue_lots, hours(share.mean_wait_h)));
    }
  };
  for (const auto& node : result.nodes) rows(node.id, node.utilization, node.by_class);
  for (const auto& link : result.links) rows(link.id, link.utilization, link.by_class);
}

// A run cut into periods: a line a period with what was created and delivered and the
// stage that bound, then each pair's mean transit period by period.
template <class Line>
void format_periods(const model::RunResult& result, const std::vector<std::string>& od_names,
                    std::size_t pair_width, Line& line) {
  constexpr std::size_t kMostColumns = 16;  // wider than a terminal beyond; all are in JSON/CSV
  const model::Calendar calendar = result.calendar();
  std::vector<std::string> labels;
  for (const auto& period : result.periods) {
    labels.push_back(model::period_label(calendar, *result.period_length, period.start_day));
  }
  const std::size_t label_width = widest(labels, 10);
  line("");
  line(fmt::format("{:<{}}  {:>13}  {:>9}  {}", "By period", label_width, "created Mt/yr",
                   "delivered", "binds (utilization, mean queue)"));
  for (std::size_t p = 0; p < result.periods.size(); ++p) {
    const auto& period = result.periods[p];
    double created_t = 0.0;
    double delivered_t = 0.0;
    for (const auto& od : period.od) {
      created_t += od.window_generated_t;
      delivered_t += od.delivered_t;
    }
    const double years = (period.end_day - period.start_day) / 365.0;
    const auto top = analysis::rank_bottlenecks(model::period_as_run(result, period), 1);
    const std::string binds = top.empty()
                                  ? std::string("-")
                                  : fmt::format("{} {} ({}, {:.1f} lots){}", top[0].kind, top[0].id,
                                                percent(top[0].utilization), top[0].mean_queue_lots,
                                                top[0].saturated ? ", saturated" : "");
    line(fmt::format(
        "{:<{}}  {:>13.3f}  {:>9}  {}", labels[p], label_width, created_t / 1e6 / years,
        percent(created_t > 0.0 ? std::optional(delivered_t / created_t) : std::nullopt), binds));
  }
  const std::size_t columns = std::min(result.periods.size(), kMostColumns);
  const std::string title = "Mean transit by period (days)";
  const std::size_t od_width = std::max(pair_width, title.size());
  std::string heading = fmt::format("{:<{}}", title, od_width);
  for (std::size_t p = 0; p < columns; ++p) heading += fmt::format("  {:>7} ", labels[p]);
  line("");
  line(heading);
  // A mean over the cargo that got through, when much did not, is marked: it is the
  // cargo left behind that binds.
  constexpr double kMostlyDelivered = 0.95;
  bool marked = false;
  for (std::size_t i = 0; i < od_names.size(); ++i) {
    std::string text = fmt::format("{:<{}}", od_names[i], od_width);
    for (std::size_t p = 0; p < columns; ++p) {
      const auto& od = result.periods[p].od[i];
      const bool short_of = od.delivered_share && *od.delivered_share < kMostlyDelivered;
      marked = marked || short_of;
      text += od.transit_days
                  ? fmt::format("  {:>7.2f}{}", od.transit_days->mean, short_of ? "*" : " ")
                  : fmt::format("  {:>7} ", "-");
    }
    line(text);
  }
  if (marked) {
    line(
        fmt::format("  * under {:.0f} % of that period's cargo delivered by the horizon: the "
                    "mean is of what got through",
                    kMostlyDelivered * 100.0));
  }
  if (columns < result.periods.size()) {
    line(fmt::format("  (the first {} of {} periods; all are in the JSON and CSV results)", columns,
                     result.periods.size()));
  }
}

}  // namespace

std::string format_table(const model::RunResult& result) {
  std::string out;
  auto line = [&out](const std::string& text) {
    out += text;
    out += '\n';
  };
  line(fmt::format("{} — seed {}, {:g} days simulated, statistics after day {:g}",
                   result.scenario_name, result.seed, result.horizon_days, result.warmup_days));

  std::vector<std::string> od_names;
  for (const auto& od : result.od) od_names.push_back(od.origin + " -> " + od.destination);
  const std::size_t od_width = widest(od_names, 20);
  line("");
  // "delivered": of the cargo created in the window, the share delivered in it; well
  // below 100 %, the transit columns describe only what got through.
  line(fmt::format("{:<{}}  {:>9}  {:>9}  {:>28}  {:>35}", "Transit (days)", od_width, "Mt/yr",
                   "delivered", "mean     p50     p95     max",
                   "moving queueing   dwell  consol."));
  const double window_years = (result.horizon_days - result.warmup_days) / 365.0;
  for (std::size_t i = 0; i < result.od.size(); ++i) {
    const auto& od = result.od[i];
    const double mtpa = od.delivered_t / 1e6 / window_years;
    if (!od.transit_days) {
      line(fmt::format("{:<{}}  {:>9.3f}  {:>9}  {:>28}", od_names[i], od_width, mtpa,
                       percent(od.delivered_share), "nothing delivered"));
      continue;
    }
    const auto& t = *od.transit_days;
    const auto& s = *od.time_split_days;
    line(fmt::format(
        "{:<{}}  {:>9.3f}  {:>9}  {:>7.2f} {:>7.2f} {:>7.2f} {:>7.2f}  {:>7.2f} {:>8.2f} "
        "{:>7.2f} {:>8.2f}",
        od_names[i], od_width, mtpa, percent(od.delivered_share), t.mean, t.p50, t.p95, t.max,
        s.moving, s.queueing, s.dwell, s.consolidation));
  }

  // Entries with a promised transit: the share kept (overdue cargo in the system counts
  // as late).
  bool promised = false;
  for (const auto& entry : result.demand) {
    if (!entry.promise_days) continue;
    if (!promised) {
      line("");
      line(fmt::format("{:<{}}  {:>13}  {:>9}", "On time", od_width, "promise, days", "on time"));
      promised = true;
    }
    line(fmt::format("{:<{}}  {:>13.2f}  {:>9}", entry.id, od_width, *entry.promise_days,
                     percent(entry.on_time_share)));
  }

  // Each pair's routes: share of its lots, how they fared, and what they cost and emit.
  // Candidates no lot took are left to the JSON (and `corridor routes`).
  line("");
  line(fmt::format("{:<{}}  {:>6}  {:>7}  {:>9}  {:>8}  {}", "Routes", od_width, "share", "days",
                   "gen. cost", "kg CO2/t", "path"));
  for (std::size_t i = 0; i < result.od.size(); ++i) {
    for (const auto& route : result.od[i].routes) {
      if (route.chosen_lots == 0 && route.delivered_lots == 0) continue;
      std::string path;
      for (const auto& node : route.path) path += (path.empty() ? "" : " > ") + node;
      line(fmt::format("{:<{}}  {:>5.1f}%  {:>7}  {:>9}  {:>8.1f}  {}", od_names[i], od_width,
                       route.share * 100.0,
                       route.transit_days ? fmt::format("{:.2f}", route.transit_days->mean) : "-",
                       route.cost_usd_per_t ? fmt::format("{:.1f}", *route.cost_usd_per_t) : "-",
                       route.co2_kg_per_t, path));
    }
  }
  line("gen. cost: generalized cost, USD/t: value of time x transit + tariffs; not a freight "
       "rate");

  std::vector<std::string> node_names;
  for (const auto& node : result.nodes) node_names.push_back(node.id);
  const std::size_t node_width = widest(node_names, 12);
  line("");
  line(fmt::format("{:<{}}  {:>9}  {:>11}  {:>10}  {:>9}  {:>11}", "Node", node_width, "Mt/yr",
                   "utilization", "mean queue", "max queue", "mean wait h"));
  const double years = (result.horizon_days - result.warmup_days) / 365.0;
  for (const auto& node : result.nodes) {
    line(fmt::format("{:<{}}  {:>9.3f}  {:>11}  {:>10.2f}  {:>9.0f}  {:>11}", node.id, node_width,
                     node.throughput_mtpa, percent(node.utilization), node.mean_queue_lots,
                     node.max_queue_lots, hours(node.mean_wait_h)));
    // Its terminals, ahead of its common handling.
    for (const auto& terminal : node.terminals) {
      line(fmt::format("  {:<{}}  {:>9.3f}  {:>11}  {:>10.2f}  {:>9.0f}  {:>11}{}",
                       "/" + terminal.id, node_width - 2, terminal.throughput_t / 1e6 / years,
                       percent(terminal.utilization), terminal.mean_queue_lots,
                       terminal.max_queue_lots, hours(terminal.mean_wait_h),
                       terminal.throughput_teu
                           ? fmt::format("  ({:.0f} TEU/yr)", *terminal.throughput_teu / years)
                           : std::string()));
    }
  }

  std::vector<std::string> link_names;
  for (const auto& link : result.links) link_names.push_back(link.id);
  const std::size_t link_width = widest(link_names, 12);
  line("");
  line(fmt::format("{:<{}}  {:>9}  {:>11}  {:>10}  {:>9}  {:>11}  {:>10}", "Link", link_width,
                   "Mt/yr", "utilization", "mean queue", "max queue", "mean wait h", "departures"));
  for (const auto& link : result.links) {
    line(fmt::format("{:<{}}  {:>9.3f}  {:>11}  {:>10.2f}  {:>9.0f}  {:>11}  {:>10}", link.id,
                     link_width, link.throughput_mtpa, percent(link.utilization),
                     link.mean_queue_lots, link.max_queue_lots, hours(link.mean_wait_h),
                     link.departures));
  }

  if (!result.classes.empty()) format_classes(result, window_years, line);
  if (!result.periods.empty()) format_periods(result, od_names, od_width, line);

  line("");
  line(bottleneck_heading());
  const auto bottlenecks = analysis::rank_bottlenecks(result, 5);
  if (bottlenecks.empty()) line("  none: no node or link has a capacity");
  for (std::size_t i = 0; i < bottlenecks.size(); ++i) {
    const auto& b = bottlenecks[i];
    line(fmt::format("  {}. {} {}: {}{}", i + 1, b.kind, b.id, percent(b.utilization),
                     bottleneck_detail(b)));
  }

  const auto& totals = result.totals;
  line("");
  line(
      fmt::format("Totals: generated {:.0f} t ({} lots) = delivered {:.0f} t ({} lots) + in system "
                  "{:.0f} t ({} lots); {} events",
                  totals.generated_t, totals.generated_lots, totals.delivered_t,
                  totals.delivered_lots, totals.in_system_t, totals.in_system_lots, totals.events));
  return out;
}

}  // namespace corridor::io
