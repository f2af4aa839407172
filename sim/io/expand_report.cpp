#include "corridor/io/expand_report.hpp"

#include <fmt/format.h>

#include <cmath>

#include "csv_field.hpp"
#include "run_json.hpp"

namespace corridor::io {
namespace {

std::string binding_text(const std::optional<experiment::Binding>& binding) {
  return binding ? fmt::format("{} {} ({:.0f} %)", binding->kind, binding->id,
                               binding->utilization * 100.0)
                 : std::string("-");
}

std::string cut_text(const analysis::CapacityBound& bound) {
  std::string text;
  for (const auto& facility : bound.demand_cut) {
    if (facility.kind == "demand") continue;
    text += (text.empty() ? "" : ", ") + facility.kind + " " + facility.id;
  }
  return text.empty() ? std::string("-") : text;
}

}  // namespace

std::string format_expansions(const std::string& scenario_name, const experiment::ExpandPlan& plan,
                              const std::vector<experiment::ExpansionResult>& results) {
  std::string out = fmt::format(
      "Sustainable throughput of '{}': the largest multiple of its demand (all volumes "
      "scaled alike) at which the window delivers at least {:g} % of the cargo created in it{}, "
      "over {} replications, to {:g} % of the multiple.\n\n",
      scenario_name, (1.0 - plan.backlog_tolerance) * 100.0,
      plan.p95_limit_days
          ? fmt::format(" and no pair's p95 transit exceeds {:g} days", *plan.p95_limit_days)
          : std::string(),
      plan.replications, plan.precision * 100.0);
  out +=
      "| option | capacity added, Mt/yr | sustainable, Mt/yr | max-flow bound, Mt/yr | gain, "
      "Mt/yr | gain per Mt/yr added | binds at the limit | bound's cut |\n";
  out += "|---|---:|---:|---:|---:|---:|---|---|\n";
  const double base_mtpa = results.front().sustainable_mtpa;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    // Rounded first, so that no difference prints as -0.00.
    const double gain = std::round((r.sustainable_mtpa - base_mtpa) * 100.0) / 100.0 + 0.0;
    const std::string bound =
        r.bound.demand_scale ? fmt::format("{:.2f}", *r.bound.demand_scale * r.demand_mtpa) : "-";
    const std::string sustainable =
        fmt::format("{}{:.2f}", r.stable_at_search_top ? "≥ " : "", r.sustainable_mtpa);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", r.name,
                       i == 0 ? "-" : fmt::format("{:.1f}", r.capacity_added_mtpa), sustainable,
                       bound, i == 0 ? "-" : fmt::format("{:+.2f}", gain),
                       i == 0 || r.capacity_added_mtpa <= 0.0
                           ? "-"
                           : fmt::format("{:.3f}", gain / r.capacity_added_mtpa + 0.0),
                       binding_text(r.binding), cut_text(r.bound));
  }
  return out;
}

std::vector<CsvTable> expansion_tables(const std::vector<experiment::ExpansionResult>& results) {
  const auto number = [](double value) { return fmt::format("{}", value); };
  CsvTable options{"expand.csv",
                   "option,demand_mtpa,capacity_added_mtpa,sustainable_scale,sustainable_mtpa,"
                   "stable_at_search_top,bound_scale,bound_mtpa,binding_kind,binding_id,"
                   "binding_utilization\n"};
  CsvTable trials{"trials.csv",
                  "option,trial,scale,offered_mtpa,stable,delivered_share,delivered_mtpa,"
                  "worst_p95_days\n"};
  for (const auto& r : results) {
    options.text +=
        fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(r.name), number(r.demand_mtpa),
                    number(r.capacity_added_mtpa), number(r.sustainable_scale),
                    number(r.sustainable_mtpa), r.stable_at_search_top ? "true" : "false",
                    r.bound.demand_scale ? number(*r.bound.demand_scale) : "",
                    r.bound.demand_scale ? number(*r.bound.demand_scale * r.demand_mtpa) : "",
                    r.binding ? r.binding->kind : "", r.binding ? csv_field(r.binding->id) : "",
                    r.binding ? number(r.binding->utilization) : "");
    for (std::size_t t = 0; t < r.trials.size(); ++t) {
      const auto& trial = r.trials[t];
      trials.text += fmt::format("{},{},{},{},{},{},{},{}\n", csv_field(r.name), t,
                                 number(trial.scale), number(trial.scale * r.demand_mtpa),
                                 trial.stable ? "true" : "false", number(trial.delivered_share),
                                 number(trial.delivered_mtpa), number(trial.worst_p95_days));
    }
  }
  return {options, trials};
}

std::string expansions_json(const std::string& scenario_name, const experiment::ExpandPlan& plan,
                            const std::vector<experiment::ExpansionResult>& results) {
  Json root;
  root["schema"] = kExpandSchema;
  root["scenario"] = scenario_name;
  root["replications"] = plan.replications;
  root["backlog_tolerance"] = plan.backlog_tolerance;
  root["p95_limit_days"] = plan.p95_limit_days ? Json(*plan.p95_limit_days) : Json(nullptr);
  root["precision"] = plan.precision;
  root["options"] = Json::array();
  for (const auto& r : results) {
    Json trials = Json::array();
    for (const auto& t : r.trials) {
      trials.push_back(Json{{"scale", t.scale},
                            {"stable", t.stable},
                            {"delivered_share", t.delivered_share},
                            {"worst_p95_days", t.worst_p95_days},
                            {"delivered_mtpa", t.delivered_mtpa}});
    }
    Json binding = nullptr;
    if (r.binding) {
      binding = Json{{"kind", r.binding->kind},
                     {"id", r.binding->id},
                     {"utilization", r.binding->utilization}};
    }
    Json cut = Json::array();
    for (const auto& facility : r.bound.demand_cut) {
      cut.push_back(Json{
          {"kind", facility.kind}, {"id", facility.id}, {"capacity_mtpa", facility.capacity_mtpa}});
    }
    root["options"].push_back(
        Json{{"name", r.name},
             {"demand_mtpa", r.demand_mtpa},
             {"capacity_added_mtpa", r.capacity_added_mtpa},
             {"sustainable_scale", r.sustainable_scale},
             {"sustainable_mtpa", r.sustainable_mtpa},
             {"stable_at_search_top", r.stable_at_search_top},
             {"bound_scale", r.bound.demand_scale ? Json(*r.bound.demand_scale) : Json(nullptr)},
             {"bound_cut", cut},
             {"binding", binding},
             {"trials", trials}});
  }
  return root.dump(2) + "\n";
}

}  // namespace corridor::io
