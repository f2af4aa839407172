// The report's sections on where the cargo goes: routes with their shares, the
// diversion between them, and links with their backlogs, in display names.

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "corridor/io/display_names.hpp"
#include "corridor/io/report_sections.hpp"
#include "report_figures.hpp"

namespace corridor::io {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
// Routes below this share of their pair's cargo are left to tables/routes.csv.
constexpr double kShownRouteShare = 0.005;
// Links shown per scenario: those with a backlog or the busiest, this many at most.
constexpr std::size_t kShownLinks = 8;

DisplayNames names_of(const std::vector<ReportScenario>& scenarios) {
  DisplayNames names;
  for (const auto& scenario : scenarios) names.add(*scenario.spec);
  return names;
}

std::string percent(analysis::MeanInterval interval) {
  if (interval.mean) *interval.mean *= 100.0;
  if (interval.half_width) *interval.half_width *= 100.0;
  return detail::plus_minus(interval, 1) + (interval.mean ? " %" : "");
}

// A route by the nodes it passes; where another route of its pair passes the same ones
// (over a parallel link), by the first link that tells them apart too.
std::string route_name(const DisplayNames& names, const std::vector<model::RouteResult>& routes,
                       std::size_t index) {
  const auto& route = routes[index];
  std::string text = names.via(route.path);
  for (std::size_t other = 0; other < routes.size(); ++other) {
    if (other == index || routes[other].path != route.path) continue;
    for (std::size_t k = 0; k < route.links.size() && k < routes[other].links.size(); ++k) {
      if (route.links[k] != routes[other].links[k]) {
        return fmt::format("{}, over {}", text, names.link(route.links[k]));
      }
    }
  }
  return text;
}

std::pair<std::string, std::string> route_names(const DisplayNames& names,
                                                const experiment::Diversion& moved) {
  return names.routes(moved.from_path, moved.from_links, moved.to_path, moved.to_links);
}

}  // namespace

ReportSection routes_section(const std::vector<ReportScenario>& scenarios) {
  ReportSection section{"Routes", {}, {}, {}, {}, {}};
  section.paragraphs.push_back(fmt::format(
      "Each origin–destination's routes as the scenario's routing rule chose them: the share "
      "of the pair's cargo created in the window, what the route delivered and its mean "
      "transit, means over the replications ± their 95 % half-width. Routes under {:g} % of "
      "their pair's cargo are left out here (tables/routes.csv has every candidate).",
      kShownRouteShare * 100.0));
  section.table.push_back({"scenario", "origin → destination", "route", "share", "delivered, Mt/yr",
                           "transit mean, days"});
  const DisplayNames names = names_of(scenarios);
  for (const auto& scenario : scenarios) {
    const auto& runs = *scenario.runs;
    const auto& first = runs.front();
    for (std::size_t i = 0; i < first.od.size(); ++i) {
      for (std::size_t r = 0; r < first.od[i].routes.size(); ++r) {
        const auto figure = [&](auto of) {
          return detail::interval_over(runs, [&](const model::RunResult& run) {
            return r < run.od[i].routes.size() ? of(run.od[i].routes[r]) : kNan;
          });
        };
        const auto share = figure([](const model::RouteResult& route) { return route.share; });
        if (!share.mean || *share.mean < kShownRouteShare) continue;
        const auto delivered = figure([&](const model::RouteResult& route) {
          return route.delivered_t / 1e6 / detail::window_years(first);
        });
        const auto transit = figure([](const model::RouteResult& route) {
          return route.transit_days ? route.transit_days->mean : kNan;
        });
        section.table.push_back({scenario.name,
                                 names.pair(first.od[i].origin, first.od[i].destination),
                                 route_name(names, first.od[i].routes, r), percent(share),
                                 detail::plus_minus(delivered, 3), detail::plus_minus(transit, 1)});
      }
    }
  }
  return section;
}

std::optional<ReportSection> diversion_section(const std::vector<ReportScenario>& scenarios,
                                               const experiment::Comparison* comparison) {
  if (comparison == nullptr) return std::nullopt;
  ReportSection section{"Diversion", {}, {}, {}, {}, {}};
  section.paragraphs.push_back(
      "Cargo that changes route in each alternative: the routes of a pair whose delivered "
      "tonnage fell beyond the noise give to those whose tonnage rose, the largest first "
      "(compare's `diversion`).");
  section.table.push_back(
      {"alternative", "origin → destination", "from route", "to route", "moved, Mt/yr"});
  const DisplayNames names = names_of(scenarios);
  for (const auto& alternative : comparison->alternatives) {
    for (const auto& moved : alternative.diversion) {
      if (moved.mtpa < 0.0005) continue;  // reads as 0.000
      section.table.push_back({alternative.name, names.pair(moved.origin, moved.destination),
                               route_names(names, moved).first, route_names(names, moved).second,
                               fmt::format("{:.3f}", moved.mtpa)});
    }
  }
  if (section.table.size() == 1) {
    section.table.clear();
    section.paragraphs.push_back("No cargo changes route beyond the noise in any alternative.");
  }
  return section;
}

ReportSection links_section(const std::vector<ReportScenario>& scenarios) {
  ReportSection section{"Links and backlogs", {}, {}, {}, {}, {}};
  section.paragraphs.push_back(fmt::format(
      "Per scenario, the links where cargo waits (mean backlog: lots that reached the link "
      "and have not left), then the most utilized, {} at most; means over the replications "
      "± their 95 % half-width. tables/links.csv has every link.",
      kShownLinks));
  section.table.push_back({"scenario", "link", "throughput, Mt/yr", "utilization",
                           "mean backlog, lots", "mean wait, h", "closed, days"});
  const DisplayNames names = names_of(scenarios);
  for (const auto& scenario : scenarios) {
    const auto& runs = *scenario.runs;
    const auto& first = runs.front();
    struct Row {
      std::size_t index;
      double backlog;
      double utilization;
    };
    std::vector<Row> rows;
    for (std::size_t i = 0; i < first.links.size(); ++i) {
      const auto backlog = detail::interval_over(
          runs, [&](const model::RunResult& run) { return run.links[i].mean_queue_lots; });
      const auto utilization = detail::interval_over(runs, [&](const model::RunResult& run) {
        return run.links[i].utilization.value_or(kNan);
      });
      rows.push_back({i, backlog.mean.value_or(0.0), utilization.mean.value_or(0.0)});
    }
    // Where cargo waits first (a backlog of a lot or more), then by utilization.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      const bool a_waits = a.backlog >= 1.0;
      const bool b_waits = b.backlog >= 1.0;
      if (a_waits != b_waits) return a_waits;
      return a_waits ? a.backlog > b.backlog : a.utilization > b.utilization;
    });
    for (std::size_t k = 0; k < rows.size() && k < kShownLinks; ++k) {
      const std::size_t i = rows[k].index;
      const auto figure = [&](auto of) { return detail::interval_over(runs, of); };
      section.table.push_back(
          {scenario.name, names.link(first.links[i].id),
           detail::plus_minus(
               figure([&](const model::RunResult& run) { return run.links[i].throughput_mtpa; }),
               3),
           percent(figure([&](const model::RunResult& run) {
             return run.links[i].utilization.value_or(kNan);
           })),
           detail::plus_minus(
               figure([&](const model::RunResult& run) { return run.links[i].mean_queue_lots; }),
               1),
           detail::plus_minus(figure([&](const model::RunResult& run) {
                                return run.links[i].mean_wait_h.value_or(kNan);
                              }),
                              1),
           detail::plus_minus(
               figure([&](const model::RunResult& run) { return run.links[i].closed_days; }), 1)});
    }
  }
  return section;
}

std::optional<ReportSection> link_difference_section(const std::vector<ReportScenario>& scenarios,
                                                     const experiment::Comparison* comparison) {
  if (comparison == nullptr) return std::nullopt;
  ReportSection section{"Link differences", {}, {}, {}, {}, {}};
  section.paragraphs.push_back(
      "Links whose throughput or backlog differs from the base's beyond the noise "
      "(alternative − base, paired, ± the 95 % half-width; * where the interval excludes "
      "zero). — marks a link the scenario does not have.");
  section.table.push_back({"alternative", "link", "throughput base → alternative, Mt/yr",
                           "throughput change, Mt/yr", "backlog change, lots"});
  const DisplayNames names = names_of(scenarios);
  const auto marked = [](const experiment::Difference& d, int decimals) {
    return detail::signed_plus_minus(d, decimals) + (d.significant() ? " *" : "");
  };
  for (const auto& alternative : comparison->alternatives) {
    for (const auto& link : alternative.links) {
      if (!link.throughput_mtpa.significant() && !link.mean_queue_lots.significant()) continue;
      section.table.push_back(
          {alternative.name, names.link(link.id),
           fmt::format("{} → {}",
                       link.presence.in_base
                           ? detail::value_or_dash(link.throughput_mtpa.base_mean, 3)
                           : "—",
                       link.presence.in_alternative
                           ? detail::value_or_dash(link.throughput_mtpa.alternative_mean, 3)
                           : "—"),
           marked(link.throughput_mtpa, 3), marked(link.mean_queue_lots, 1)});
    }
  }
  if (section.table.size() == 1) {
    section.table.clear();
    section.paragraphs.push_back("No link's throughput or backlog differs beyond the noise.");
  }
  return section;
}

}  // namespace corridor::io
