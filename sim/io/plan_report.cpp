#include "corridor/io/plan_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "run_json.hpp"

namespace corridor::io {
namespace {

std::string chosen_text(const experiment::PlanOutcome& outcome) {
  if (outcome.chosen.empty()) return "build nothing";
  std::string text;
  for (const auto& investment : outcome.chosen) {
    text += fmt::format("{}{} ({})", text.empty() ? "" : ", ", investment.id, investment.year);
  }
  return text;
}

std::string npv_text(const experiment::PlanOutcome& outcome) {
  std::string text = fmt::format("{:.1f}", std::round(*outcome.npv_musd.mean * 10.0) / 10.0 + 0.0);
  if (outcome.npv_musd.half_width) text += fmt::format(" ± {:.1f}", *outcome.npv_musd.half_width);
  return text;
}

std::string row(const experiment::PlanOutcome& outcome) {
  const std::string diverted =
      outcome.worst_diverted_share > 0.0
          ? fmt::format("{:.1f} % ({})", outcome.worst_diverted_share * 100.0, outcome.worst_year)
          : std::string("none");
  std::string below = "-";
  if (const auto& gap = outcome.npv_below_best_musd; gap.mean) {
    below = fmt::format("{:.1f}", std::round(*gap.mean * 10.0) / 10.0 + 0.0);
    if (gap.half_width) below += fmt::format(" ± {:.1f}", *gap.half_width);
  }
  return fmt::format("| {} | {:.1f} | {} | {} | {} | {} |\n", chosen_text(outcome),
                     outcome.pv_costs_musd, npv_text(outcome), below,
                     outcome.bcr.mean ? fmt::format("{:.2f}", *outcome.bcr.mean) : "-", diverted);
}

Json outcome_json(const experiment::PlanOutcome& outcome) {
  Json chosen = Json::array();
  for (const auto& investment : outcome.chosen) {
    chosen.push_back(Json{{"id", investment.id},
                          {"name", investment.name},
                          {"year", investment.year},
                          {"opening_date", investment.opening_date}});
  }
  return Json{
      {"chosen", chosen},
      {"pv_costs_musd", outcome.pv_costs_musd},
      {"npv_musd", *outcome.npv_musd.mean},
      {"npv_musd_ci95",
       outcome.npv_musd.half_width ? Json(*outcome.npv_musd.half_width) : Json(nullptr)},
      {"npv_below_best_musd",
       outcome.npv_below_best_musd.mean ? Json(*outcome.npv_below_best_musd.mean) : Json(nullptr)},
      {"npv_below_best_musd_ci95", outcome.npv_below_best_musd.half_width
                                       ? Json(*outcome.npv_below_best_musd.half_width)
                                       : Json(nullptr)},
      {"bcr", outcome.bcr.mean ? Json(*outcome.bcr.mean) : Json(nullptr)},
      {"worst_diverted_share", outcome.worst_diverted_share},
      {"worst_year", outcome.worst_year},
      {"serves", outcome.serves}};
}

}  // namespace

std::string format_plan(const experiment::PlanResult& plan) {
  std::string out = fmt::format(
      "Investment plan for '{}': a budget of {:g} MUSD of capital a year; candidates {}, each "
      "left out or opening on its earliest date or on 1 January of one of the next {} years.\n"
      "Serving the demand: from {} on, in every year at most {:g} % of each class's tonnes "
      "diverted (past the diversion bound). {} replications under common random numbers.\n"
      "Plans: {} in all, {} within the budget, {} carried by the capacity bound every year; "
      "{} simulated, {} from the cache.\n\n",
      plan.scenario_name, plan.budget_musd_per_year, fmt::join(plan.candidates, ", "), plan.delays,
      plan.serve_from_year, plan.max_diverted_share * 100.0, plan.replications, plan.plans,
      plan.within_budget, plan.carried_by_bound, plan.simulated, plan.from_cache);
  const char* header =
      "| plan (opening year) | PV costs, MUSD | NPV, MUSD | below the best, MUSD | BCR | most "
      "diverted (year) |\n"
      "|---|---:|---:|---:|---:|---:|\n";
  if (plan.best) {
    out +=
        "Best plan and runners-up (below the best: the NPV it gives up, paired by "
        "replication; an interval that includes 0 is no worse within the noise):\n\n";
    out += header;
    out += row(*plan.best);
    for (const auto& outcome : plan.runners_up) out += row(outcome);
  } else if (!plan.closest.empty()) {
    out += "No plan within the budget serves the demand. The closest:\n\n";
    out += header;
    for (const auto& outcome : plan.closest) out += row(outcome);
  } else {
    out +=
        "No plan within the budget serves the demand: none is carried by the capacity "
        "bound in every year.\n";
    if (!plan.shortfall_with_every_candidate) {
      out +=
          "Every candidate at its earliest date would be: the budget and the opening "
          "dates tried are what stop it (raise --budget-musd-per-year or --delays).\n";
    }
  }
  if (const auto& shortfall = plan.shortfall_with_every_candidate) {
    out += fmt::format(
        "Even with every candidate at its earliest date, the routes carry at most {:.0f} % of "
        "{}'s demand (binding: {}): the candidates cannot serve it at any budget.\n",
        shortfall->carried_share * 100.0, shortfall->year, fmt::join(shortfall->binding, ", "));
  }
  return out;
}

std::string plan_json(const experiment::PlanResult& plan) {
  Json root;
  root["schema"] = kPlanSchema;
  root["scenario"] = plan.scenario_name;
  root["seed"] = plan.seed;
  root["replications"] = plan.replications;
  root["budget_musd_per_year"] = plan.budget_musd_per_year;
  root["max_diverted_share"] = plan.max_diverted_share;
  root["delays"] = plan.delays;
  root["serve_from_year"] = plan.serve_from_year;
  root["candidates"] = plan.candidates;
  root["plans"] = plan.plans;
  root["within_budget"] = plan.within_budget;
  root["carried_by_bound"] = plan.carried_by_bound;
  root["simulated"] = plan.simulated;
  root["from_cache"] = plan.from_cache;
  if (plan.best) {
    const Json best = outcome_json(*plan.best);
    root["chosen"] = best["chosen"];
    root["npv_musd"] = best["npv_musd"];
    root["npv_musd_ci95"] = best["npv_musd_ci95"];
    root["best"] = best;
  } else {
    root["chosen"] = nullptr;
    root["npv_musd"] = nullptr;
    root["npv_musd_ci95"] = nullptr;
    root["best"] = nullptr;
  }
  root["runners_up"] = Json::array();
  for (const auto& outcome : plan.runners_up) root["runners_up"].push_back(outcome_json(outcome));
  if (const auto& shortfall = plan.shortfall_with_every_candidate) {
    root["shortfall_with_every_candidate"] = Json{{"year", shortfall->year},
                                                  {"carried_share", shortfall->carried_share},
                                                  {"binding", shortfall->binding}};
  } else {
    root["shortfall_with_every_candidate"] = nullptr;
  }
  root["closest"] = Json::array();
  for (const auto& outcome : plan.closest) root["closest"].push_back(outcome_json(outcome));
  return root.dump(2) + "\n";
}

}  // namespace corridor::io
