#include "corridor/io/compare_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "corridor/model/calendar.hpp"
#include "csv_field.hpp"
#include "run_json.hpp"

namespace corridor::io {
namespace {

Json optional_number(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json difference_json(const experiment::Difference& d) {
  return Json{{"base", optional_number(d.base_mean)},
              {"alternative", optional_number(d.alternative_mean)},
              {"difference", optional_number(d.mean)},
              {"difference_ci95", optional_number(d.half_width)},
              {"significant", d.significant()}};
}

const char* presence_text(const experiment::Presence& presence) {
  if (!presence.in_base) return "alternative";
  return presence.in_alternative ? "both" : "base";
}

std::string path_text(const std::vector<std::string>& path) {
  std::string text;
  for (const std::string& node : path) text += (text.empty() ? "" : " > ") + node;
  return text;
}

// A route as an id in tables: its pair and its path.
std::string route_id(const experiment::RouteDifference& route) {
  return route.origin + "-" + route.destination + " via " + path_text(route.path);
}

// Every quantity of one alternative in a fixed order: (kind, id, quantity, unit, value).
void for_each_quantity(
    const experiment::AlternativeComparison& alternative,
    const std::function<void(const char*, const std::string&, const char*, const char*,
                             const experiment::Difference&)>& visit) {
  for (const auto& od : alternative.od) {
    const std::string& id = od.id;
    visit("od", id, "transit_days", "days", od.transit_days);
    visit("od", id, "delivered_mtpa", "Mt/yr", od.delivered_mtpa);
    visit("od", id, "delivered_share", "share", od.delivered_share);
    visit("od", id, "censored_p95_days", "days", od.censored_p95_days);
  }
  for (const auto& cargo : alternative.classes) {
    visit("class", cargo.id, "transit_days", "days", cargo.transit_days);
    visit("class", cargo.id, "delivered_mtpa", "Mt/yr", cargo.delivered_mtpa);
  }
  for (const auto& node : alternative.nodes) {
    visit("node", node.id, "throughput_mtpa", "Mt/yr", node.throughput_mtpa);
    visit("node", node.id, "mean_wait_h", "h", node.mean_wait_h);
  }
  for (const auto& link : alternative.links) {
    visit("link", link.id, "throughput_mtpa", "Mt/yr", link.throughput_mtpa);
    visit("link", link.id, "mean_queue_lots", "lots", link.mean_queue_lots);
    visit("link", link.id, "mean_wait_h", "h", link.mean_wait_h);
  }
  for (const auto& route : alternative.routes) {
    // Paths through the same nodes by parallel links (a ferry and a feeder) are told
    // apart by their links.
    const bool twin = std::count_if(alternative.routes.begin(), alternative.routes.end(),
                                    [&](const experiment::RouteDifference& other) {
                                      return other.origin == route.origin &&
                                             other.destination == route.destination &&
                                             other.path == route.path;
                                    }) > 1;
    std::string id = route_id(route);
    if (twin) {
      std::string links;
      for (const std::string& link : route.links) links += (links.empty() ? "" : ", ") + link;
      id += " (" + links + ")";
    }
    visit("route", id, "share", "share", route.share);
    visit("route", id, "delivered_mtpa", "Mt/yr", route.delivered_mtpa);
  }
}

std::string csv_number(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

std::string signed_value(const std::optional<double>& value, int decimals) {
  return value ? fmt::format("{:+.{}f}", *value, decimals) : std::string("-");
}

std::string plain_value(const std::optional<double>& value, int decimals) {
  return value ? fmt::format("{:.{}f}", *value, decimals) : std::string("-");
}

std::string scenario_name(const experiment::Comparison& comparison, std::size_t index) {
  return index == 0 ? comparison.base_name : comparison.alternatives.at(index - 1).name;
}

// One alternative's figures (the whole window's, or a period's) into `entry`.
void add_figures(const experiment::AlternativeComparison& alternative, Json& entry) {
  entry["od"] = Json::array();
  for (const auto& od : alternative.od) {
    entry["od"].push_back(Json{{"id", od.id},
                               {"present", presence_text(od.presence)},
                               {"origin", od.origin},
                               {"destination", od.destination},
                               {"transit_days", difference_json(od.transit_days)},
                               {"delivered_mtpa", difference_json(od.delivered_mtpa)},
                               {"delivered_share", difference_json(od.delivered_share)},
                               {"censored_p95_days", difference_json(od.censored_p95_days)}});
  }
  if (!alternative.classes.empty()) {
    entry["classes"] = Json::array();
    for (const auto& cargo : alternative.classes) {
      entry["classes"].push_back(Json{{"id", cargo.id},
                                      {"present", presence_text(cargo.presence)},
                                      {"transit_days", difference_json(cargo.transit_days)},
                                      {"delivered_mtpa", difference_json(cargo.delivered_mtpa)}});
    }
  }
  entry["nodes"] = Json::array();
  for (const auto& node : alternative.nodes) {
    entry["nodes"].push_back(Json{{"id", node.id},
                                  {"present", presence_text(node.presence)},
                                  {"throughput_mtpa", difference_json(node.throughput_mtpa)},
                                  {"mean_wait_h", difference_json(node.mean_wait_h)}});
  }
  entry["links"] = Json::array();
  for (const auto& link : alternative.links) {
    entry["links"].push_back(Json{{"id", link.id},
                                  {"present", presence_text(link.presence)},
                                  {"throughput_mtpa", difference_json(link.throughput_mtpa)},
                                  {"mean_queue_lots", difference_json(link.mean_queue_lots)},
                                  {"mean_wait_h", difference_json(link.mean_wait_h)}});
  }
  entry["routes"] = Json::array();
  for (const auto& route : alternative.routes) {
    entry["routes"].push_back(Json{{"origin", route.origin},
                                   {"destination", route.destination},
                                   {"path", route.path},
                                   {"links", route.links},
                                   {"present", presence_text(route.presence)},
                                   {"share", difference_json(route.share)},
                                   {"delivered_mtpa", difference_json(route.delivered_mtpa)}});
  }
  entry["diversion"] = Json::array();
  for (const auto& moved : alternative.diversion) {
    entry["diversion"].push_back(Json{{"origin", moved.origin},
                                      {"destination", moved.destination},
                                      {"from", moved.from_path},
                                      {"to", moved.to_path},
                                      {"from_links", moved.from_links},
                                      {"to_links", moved.to_links},
                                      {"mtpa", moved.mtpa}});
  }
}

// A period's bound: its ISO date where the runs have a start date, else its run day.
Json day_text(const experiment::Comparison& comparison, double day) {
  const auto start =
      comparison.start_date ? model::parse_iso_date(*comparison.start_date) : std::nullopt;
  if (start) return model::day_or_date(model::Calendar(*start), day);
  return day;
}

// Period by period, what changed most: the pairs whose transit changed significantly
// and the largest such change, and the link whose throughput changed most.
void by_period(const experiment::Comparison& comparison,
               const experiment::AlternativeComparison& alternative,
               const std::function<void(const std::string&)>& line) {
  const auto start =
      comparison.start_date ? model::parse_iso_date(*comparison.start_date) : std::nullopt;
  const model::Calendar calendar = start ? model::Calendar(*start) : model::Calendar{};
  line("");
  line(fmt::format("{} by period (every figure is in --json and --csv):", alternative.name));
  line(fmt::format("{:<8}  {:>6}  {:>6}  {:<36}  {}", "period", "faster", "slower",
                   "largest transit change, days", "largest link change, Mt/yr"));
  for (const auto& period : alternative.periods) {
    int faster = 0;
    int slower = 0;
    const experiment::OdDifference* largest = nullptr;
    for (const auto& od : period.od) {
      if (!od.transit_days.significant()) continue;
      (*od.transit_days.mean < 0.0 ? faster : slower) += 1;
      if (largest == nullptr ||
          std::abs(*od.transit_days.mean) > std::abs(*largest->transit_days.mean)) {
        largest = &od;
      }
    }
    const experiment::LinkDifference* busiest = nullptr;
    for (const auto& link : period.links) {
      if (!link.throughput_mtpa.significant()) continue;
      if (busiest == nullptr ||
          std::abs(*link.throughput_mtpa.mean) > std::abs(*busiest->throughput_mtpa.mean)) {
        busiest = &link;
      }
    }
    line(fmt::format(
        "{:<8}  {:>6}  {:>6}  {:<36}  {}",
        model::period_label(calendar, *comparison.period_length, period.start_day), faster, slower,
        largest ? fmt::format("{} {:+.2f} ±{:.2f}", largest->id, *largest->transit_days.mean,
                              *largest->transit_days.half_width)
                : std::string("-"),
        busiest ? fmt::format("{} {:+.3f} ±{:.3f}", busiest->id, *busiest->throughput_mtpa.mean,
                              *busiest->throughput_mtpa.half_width)
                : std::string("-")));
  }
}

}  // namespace

std::string comparison_json(const experiment::Comparison& comparison) {
  Json root;
  root["schema"] = kCompareSchema;
  root["base"] = comparison.base_name;
  root["seed"] = comparison.seed;
  root["replications"] = comparison.replications;
  root["confidence"] = comparison.confidence;
  root["streams"] = comparison.common_random_numbers ? "common" : "independent";
  root["alternatives"] = Json::array();
  for (const auto& alternative : comparison.alternatives) {
    Json entry;
    entry["name"] = alternative.name;
    add_figures(alternative, entry);
    if (!alternative.periods.empty()) {
      entry["periods"] = Json::array();
      for (const auto& period : alternative.periods) {
        Json figures{{"start", day_text(comparison, period.start_day)},
                     {"end", day_text(comparison, period.end_day)}};
        add_figures(period, figures);
        entry["periods"].push_back(std::move(figures));
      }
    }
    root["alternatives"].push_back(std::move(entry));
  }
  root["warnings"] = Json::array();
  for (std::size_t s = 0; s < comparison.warnings.size(); ++s) {
    for (const auto& warning : comparison.warnings[s]) {
      root["warnings"].push_back(fmt::format("{}: {}", scenario_name(comparison, s), warning));
    }
  }
  return root.dump(2) + "\n";
}

std::string comparison_csv(const experiment::Comparison& comparison) {
  std::string out =
      "base,alternative,period,kind,id,quantity,unit,base_mean,alternative_mean,difference,"
      "difference_ci95,significant\n";
  const auto start =
      comparison.start_date ? model::parse_iso_date(*comparison.start_date) : std::nullopt;
  const model::Calendar calendar = start ? model::Calendar(*start) : model::Calendar{};
  for (const auto& alternative : comparison.alternatives) {
    const auto rows = [&](const experiment::AlternativeComparison& figures,
                          const std::string& period) {
      for_each_quantity(figures, [&](const char* kind, const std::string& id, const char* quantity,
                                     const char* unit, const experiment::Difference& d) {
        out +=
            fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(comparison.base_name),
                        csv_field(alternative.name), period, kind, csv_field(id), quantity, unit,
                        csv_number(d.base_mean), csv_number(d.alternative_mean), csv_number(d.mean),
                        csv_number(d.half_width), d.significant() ? "true" : "false");
      });
    };
    rows(alternative, "all");
    for (const auto& period : alternative.periods) {
      rows(period, model::period_label(calendar, *comparison.period_length, period.start_day));
    }
  }
  return out;
}

std::string format_comparison(const experiment::Comparison& comparison) {
  std::string out;
  auto line = [&out](const std::string& text) {
    out += text;
    out += '\n';
  };
  line(fmt::format("Base: {} — seed {}, {} replications, {} random numbers", comparison.base_name,
                   comparison.seed, comparison.replications,
                   comparison.common_random_numbers ? "common" : "independent"));
  line(
      fmt::format("Differences are alternative − base, ± the half-width of their {:g} % "
                  "confidence interval; * marks those whose interval excludes zero",
                  comparison.confidence * 100.0));
  for (const auto& alternative : comparison.alternatives) {
    std::size_t width = 24;
    for_each_quantity(alternative, [&](const char* kind, const std::string& id, const char*,
                                       const char*, const experiment::Difference&) {
      width = std::max(width, std::string(kind).size() + 1 + id.size());
    });
    line("");
    line(fmt::format("{}", alternative.name));
    line(fmt::format("{:<{}}  {:<17}  {:>10}  {:>11}  {:>21}", "", width, "quantity", "base",
                     "alternative", "difference"));
    for_each_quantity(alternative, [&](const char* kind, const std::string& id,
                                       const char* quantity, const char*,
                                       const experiment::Difference& d) {
      if (!d.base_mean && !d.alternative_mean) return;  // e.g. no wait where nothing queues
      const std::string name = quantity;
      const int decimals = name == "transit_days" || name == "censored_p95_days" ? 2 : 3;
      const std::string difference =
          d.mean ? fmt::format("{} ±{}{}", signed_value(d.mean, decimals),
                               plain_value(d.half_width, decimals), d.significant() ? " *" : "  ")
                 : std::string("-");
      // A facility nothing used, a candidate no lot took, in either scenario.
      if (std::string(kind) != "od" && d.base_mean.value_or(0.0) == 0.0 &&
          d.alternative_mean.value_or(0.0) == 0.0) {
        return;
      }
      line(fmt::format("{:<{}}  {:<17}  {:>10}  {:>11}  {:>21}", fmt::format("{} {}", kind, id),
                       width, quantity, plain_value(d.base_mean, decimals),
                       plain_value(d.alternative_mean, decimals), difference));
    });
    for (const auto& moved : alternative.diversion) {
      line(fmt::format("diversion {}-{}: {:.3f} Mt/yr from {} to {}", moved.origin,
                       moved.destination, moved.mtpa, path_text(moved.from_path),
                       path_text(moved.to_path)));
    }
    line("(- where a scenario has no such facility or route, or nothing was measured)");
    if (!alternative.periods.empty()) by_period(comparison, alternative, line);
  }
  return out;
}

}  // namespace corridor::io
