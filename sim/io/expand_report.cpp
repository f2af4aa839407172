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
    text += (text.empty() ? "" : ", ") + facility.kind + " " + facility.id;
  }
  return text.empty() ? std::string("-") : text;
}

std::string stability_rule(const experiment::ExpandPlan& plan) {
  std::string rule =
      fmt::format("every pair delivers at least {:g} % of the cargo created for it in the window",
                  (1.0 - plan.backlog_tolerance) * 100.0);
  if (plan.p95_max_multiple > 0.0) {
    rule += fmt::format(
        ", every pair's p95 transit is within {:g}x its free-flow time (moving, handling and "
        "dwell on its fastest route, no queue)",
        plan.p95_max_multiple);
  }
  if (plan.p95_limit_days) {
    rule += fmt::format(", no pair's p95 transit exceeds {:g} days", *plan.p95_limit_days);
  }
  return rule;
}

}  // namespace

std::string format_expansions(const std::string& scenario_name, const experiment::ExpandPlan& plan,
                              const std::vector<experiment::ExpansionResult>& results) {
  std::string out = fmt::format(
      "Sustainable throughput of '{}': the largest multiple of its demand (all volumes "
      "scaled alike) that is stable, over {} replications, to {:g} % of the multiple.\n"
      "Stable: {}.\n"
      "Capacity added: the change in effective capacity of the stages an option changes. "
      "Gain: the change in sustainable throughput, with its 95 % interval over replications "
      "(common random numbers).\n\n",
      scenario_name, plan.replications, plan.precision * 100.0, stability_rule(plan));
  out +=
      "| option | capacity added, Mt/yr | sustainable, Mt/yr | capacity bound, Mt/yr | gain, "
      "Mt/yr | gain per Mt/yr added | binds at the limit | binds the bound |\n";
  out += "|---|---:|---:|---:|---:|---:|---|---|\n";
  // Rounded first, so that no figure prints as -0.00.
  const auto rounded = [](double value, double unit) {
    return std::round(value / unit) * unit + 0.0;
  };
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const std::string bound =
        r.bound.demand_scale ? fmt::format("{:.2f}", *r.bound.demand_scale * r.demand_mtpa) : "-";
    const std::string sustainable =
        fmt::format("{}{:.2f}", r.stable_at_search_top ? "≥ " : "", r.sustainable_mtpa);
    std::string gain = "-";
    std::string per_added = "-";
    if (r.gain_mtpa) {
      gain = fmt::format("{:+.2f}", rounded(*r.gain_mtpa, 0.01));
      if (r.gain_half_width_mtpa) gain += fmt::format(" ± {:.2f}", *r.gain_half_width_mtpa);
      if (r.capacity_added_mtpa > 0.0) {
        per_added = fmt::format("{:.3f}", rounded(*r.gain_mtpa / r.capacity_added_mtpa, 0.001));
      }
    }
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", r.name,
                       i == 0 ? "-" : fmt::format("{:.2f}", r.capacity_added_mtpa), sustainable,
                       bound, gain, per_added, binding_text(r.binding), cut_text(r.bound));
  }
  std::string changes;
  for (std::size_t i = 1; i < results.size(); ++i) {
    for (const auto& stage : results[i].changed_stages) {
      const auto figure = [](const std::optional<double>& mtpa) {
        return mtpa ? fmt::format("{:.2f}", *mtpa) : std::string("unlimited");
      };
      changes += fmt::format("- {}: {} {}, {} -> {} Mt/yr\n", results[i].name, stage.kind, stage.id,
                             figure(stage.before_mtpa), figure(stage.after_mtpa));
    }
  }
  if (!changes.empty()) out += "\nStages changed (effective capacity):\n" + changes;
  return out;
}

std::vector<CsvTable> expansion_tables(const std::vector<experiment::ExpansionResult>& results) {
  const auto number = [](double value) { return fmt::format("{}", value); };
  CsvTable options{"expand.csv",
                   "option,demand_mtpa,capacity_added_mtpa,sustainable_scale,sustainable_mtpa,"
                   "stable_at_search_top,bound_scale,bound_mtpa,binding_kind,binding_id,"
                   "binding_utilization,gain_mtpa,gain_half_width_mtpa\n"};
  CsvTable trials{"trials.csv",
                  "option,trial,scale,offered_mtpa,stable,delivered_share,delivered_mtpa,"
                  "worst_p95_days,worst_p95_multiple\n"};
  for (const auto& r : results) {
    options.text += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(r.name), number(r.demand_mtpa),
        number(r.capacity_added_mtpa), number(r.sustainable_scale), number(r.sustainable_mtpa),
        r.stable_at_search_top ? "true" : "false",
        r.bound.demand_scale ? number(*r.bound.demand_scale) : "",
        r.bound.demand_scale ? number(*r.bound.demand_scale * r.demand_mtpa) : "",
        r.binding ? r.binding->kind : "", r.binding ? csv_field(r.binding->id) : "",
        r.binding ? number(r.binding->utilization) : "", r.gain_mtpa ? number(*r.gain_mtpa) : "",
        r.gain_half_width_mtpa ? number(*r.gain_half_width_mtpa) : "");
    for (std::size_t t = 0; t < r.trials.size(); ++t) {
      const auto& trial = r.trials[t];
      trials.text +=
          fmt::format("{},{},{},{},{},{},{},{},{}\n", csv_field(r.name), t, number(trial.scale),
                      number(trial.scale * r.demand_mtpa), trial.stable ? "true" : "false",
                      number(trial.delivered_share), number(trial.delivered_mtpa),
                      number(trial.worst_p95_days), number(trial.worst_p95_multiple));
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
  root["p95_max_multiple"] = plan.p95_max_multiple;
  root["p95_limit_days"] = plan.p95_limit_days ? Json(*plan.p95_limit_days) : Json(nullptr);
  root["stability_rule"] = stability_rule(plan);
  root["precision"] = plan.precision;
  root["options"] = Json::array();
  for (const auto& r : results) {
    Json trials = Json::array();
    for (const auto& t : r.trials) {
      trials.push_back(Json{{"scale", t.scale},
                            {"stable", t.stable},
                            {"delivered_share", t.delivered_share},
                            {"worst_p95_days", t.worst_p95_days},
                            {"worst_p95_multiple", t.worst_p95_multiple},
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
    Json changed = Json::array();
    const auto figure = [](const std::optional<double>& mtpa) {
      return mtpa ? Json(*mtpa) : Json(nullptr);
    };
    for (const auto& stage : r.changed_stages) {
      changed.push_back(Json{{"kind", stage.kind},
                             {"id", stage.id},
                             {"before_mtpa", figure(stage.before_mtpa)},
                             {"after_mtpa", figure(stage.after_mtpa)}});
    }
    root["options"].push_back(
        Json{{"name", r.name},
             {"demand_mtpa", r.demand_mtpa},
             {"capacity_added_mtpa", r.capacity_added_mtpa},
             {"changed_stages", changed},
             {"gain_mtpa", figure(r.gain_mtpa)},
             {"gain_half_width_mtpa", figure(r.gain_half_width_mtpa)},
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
