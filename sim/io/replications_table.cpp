// The readable summary of replications: each figure as "mean ±half-width", read from the
// replications document so that the table and the JSON cannot disagree.

#include <fmt/format.h>

#include <algorithm>

#include "bottleneck_text.hpp"
#include "run_json.hpp"

namespace corridor::io {
namespace {

// "mean ±half" with `decimals`, or "-" when not measured; a percentage when `percent`.
std::string plus_minus(const Json& object, const std::string& key, int decimals,
                       bool percent = false) {
  const Json& mean = object[key];
  if (mean.is_null()) return "-";
  const double scale = percent ? 100.0 : 1.0;
  const Json& half = object[key + "_ci95"];
  const std::string unit = percent ? "%" : "";
  if (half.is_null()) return fmt::format("{:.{}f}{}", mean.get<double>() * scale, decimals, unit);
  return fmt::format("{:.{}f}{} ±{:.{}f}", mean.get<double>() * scale, decimals, unit,
                     half.get<double>() * scale, decimals);
}

std::size_t widest(const Json& list, const char* key, std::size_t at_least) {
  std::size_t width = at_least;
  for (const Json& item : list) width = std::max(width, item[key].get<std::string>().size());
  return width;
}

}  // namespace

std::string format_replications_table(const Json& replications) {
  std::string out;
  auto line = [&out](const std::string& text) {
    out += text;
    out += '\n';
  };
  const Json& scenario = replications["scenario"];
  line(fmt::format("{} — seed {}, {} replications, {:g} days simulated, statistics after day {:g}",
                   scenario["name"].get<std::string>(), scenario["seed"].get<std::uint64_t>(),
                   scenario["replications"].get<std::size_t>(),
                   scenario["horizon_days"].get<double>(), scenario["warmup_days"].get<double>()));
  line(
      fmt::format("Means over the replications, ± the half-width of their {:g} % confidence "
                  "interval (Student t)",
                  scenario["confidence"].get<double>() * 100.0));

  std::size_t od_width = 20;
  for (const Json& od : replications["od"]) {
    od_width = std::max(od_width, od["origin"].get<std::string>().size() + 4 +
                                      od["destination"].get<std::string>().size());
  }
  const double window_years =
      (scenario["horizon_days"].get<double>() - scenario["warmup_days"].get<double>()) / 365.0;
  line("");
  line(fmt::format("{:<{}}  {:>17}  {:>15}  {:>15}  {:>15}  {:>15}", "Transit (days)", od_width,
                   "Mt/yr", "delivered", "mean", "p95", "max"));
  for (const Json& od : replications["od"]) {
    const std::string name =
        od["origin"].get<std::string>() + " -> " + od["destination"].get<std::string>();
    // Delivered tonnes in the window, annualised, with the interval scaled alike.
    Json flow = {
        {"mtpa", od["delivered_t"].get<double>() / 1e6 / window_years},
        {"mtpa_ci95", od["delivered_t_ci95"].is_null()
                          ? Json(nullptr)
                          : Json(od["delivered_t_ci95"].get<double>() / 1e6 / window_years)}};
    const Json& transit = od["transit_days"];
    if (transit.is_null()) {
      line(fmt::format("{:<{}}  {:>17}  {:>15}  nothing delivered", name, od_width,
                       plus_minus(flow, "mtpa", 3), plus_minus(od, "delivered_share", 1, true)));
      continue;
    }
    line(fmt::format("{:<{}}  {:>17}  {:>15}  {:>15}  {:>15}  {:>15}", name, od_width,
                     plus_minus(flow, "mtpa", 3), plus_minus(od, "delivered_share", 1, true),
                     plus_minus(transit, "mean", 2), plus_minus(transit, "p95", 2),
                     plus_minus(transit, "max", 2)));
  }

  line("");
  line(fmt::format("{:<{}}  {:>15}  {:>15}  {}", "Routes", od_width, "share", "days", "path"));
  for (const Json& od : replications["od"]) {
    const std::string name =
        od["origin"].get<std::string>() + " -> " + od["destination"].get<std::string>();
    for (const Json& route : od["routes"]) {
      if (route["chosen_lots"].get<double>() == 0.0 && route["delivered_lots"].get<double>() == 0.0)
        continue;
      std::string path;
      for (const Json& node : route["path"])
        path += (path.empty() ? "" : " > ") + node.get<std::string>();
      const Json& transit = route["transit_days"];
      line(fmt::format("{:<{}}  {:>15}  {:>15}  {}", name, od_width,
                       plus_minus(route, "share", 1, true),
                       transit.is_null() ? "-" : plus_minus(transit, "mean", 2), path));
    }
  }

  const std::size_t node_width = widest(replications["nodes"], "id", 12);
  line("");
  line(fmt::format("{:<{}}  {:>17}  {:>15}  {:>17}  {:>15}", "Node", node_width, "Mt/yr",
                   "utilization", "mean queue", "mean wait h"));
  for (const Json& node : replications["nodes"]) {
    line(fmt::format("{:<{}}  {:>17}  {:>15}  {:>17}  {:>15}", node["id"].get<std::string>(),
                     node_width, plus_minus(node, "throughput_mtpa", 3),
                     plus_minus(node, "utilization", 1, true),
                     plus_minus(node, "mean_queue_lots", 2), plus_minus(node, "mean_wait_h", 2)));
  }

  const std::size_t link_width = widest(replications["links"], "id", 12);
  line("");
  line(fmt::format("{:<{}}  {:>17}  {:>15}  {:>15}", "Link", link_width, "Mt/yr", "utilization",
                   "closed days"));
  for (const Json& link : replications["links"]) {
    line(fmt::format("{:<{}}  {:>17}  {:>15}  {:>15}", link["id"].get<std::string>(), link_width,
                     plus_minus(link, "throughput_mtpa", 3),
                     plus_minus(link, "utilization", 1, true), plus_minus(link, "closed_days", 1)));
  }

  line("");
  line(bottleneck_heading());
  const Json& bottlenecks = replications["bottlenecks"];
  if (bottlenecks.empty()) line("  none: no node or link has a capacity");
  for (std::size_t i = 0; i < bottlenecks.size(); ++i) {
    const Json& b = bottlenecks[i];
    analysis::Bottleneck ranked;
    ranked.saturated = b["saturated"].get<bool>();
    ranked.mean_queue_lots = b["mean_queue_lots"].get<double>();
    if (b["mean_wait_h"].is_number()) ranked.mean_wait_h = b["mean_wait_h"].get<double>();
    line(fmt::format("  {}. {} {}: {}{}", i + 1, b["kind"].get<std::string>(),
                     b["id"].get<std::string>(), plus_minus(b, "utilization", 1, true),
                     bottleneck_detail(ranked)));
  }

  const Json& totals = replications["totals"];
  line("");
  line(fmt::format("Totals per replication: generated {} t = delivered {} t + in system {} t",
                   plus_minus(totals, "generated_t", 0), plus_minus(totals, "delivered_t", 0),
                   plus_minus(totals, "in_system_t", 0)));
  return out;
}

}  // namespace corridor::io
