#include "corridor/io/appraise_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "csv_field.hpp"
#include "run_json.hpp"

namespace corridor::io {
namespace {

// "12.3 ± 4.5" at `digits` decimals, "-" when nothing was measured; rounded first, so
// that no figure prints as -0.0.
std::string shown(const experiment::Estimate& value, int digits, double scale = 1.0) {
  if (!value.mean) return "-";
  const double unit = std::pow(10.0, -digits);
  const double mean = std::round(*value.mean * scale / unit) * unit + 0.0;
  std::string text = fmt::format("{:.{}f}", mean, digits);
  if (value.half_width) text += fmt::format(" ± {:.{}f}", *value.half_width * scale, digits);
  return text;
}

// A figure some replications lack is shown with the count that has it.
std::string shown_of(const experiment::Estimate& value, int digits, std::uint32_t replications,
                     double scale = 1.0) {
  std::string text = shown(value, digits, scale);
  if (value.mean && value.count < replications) {
    text += fmt::format(" ({} of {})", value.count, replications);
  }
  return text;
}

Json estimate_json(const experiment::Estimate& value) {
  return value.mean ? Json(*value.mean) : Json(nullptr);
}
Json half_width_json(const experiment::Estimate& value) {
  return value.half_width ? Json(*value.half_width) : Json(nullptr);
}

std::string number_field(const experiment::Estimate& value) {
  return value.mean ? fmt::format("{}", *value.mean) : std::string();
}
std::string half_width_field(const experiment::Estimate& value) {
  return value.half_width ? fmt::format("{}", *value.half_width) : std::string();
}

}  // namespace

std::string format_appraisal(const experiment::Appraisal& appraisal) {
  std::string out = fmt::format(
      "Appraisal of the investments of '{}' against its do-nothing case: {} replications under "
      "common random numbers, flows {}-{} in million USD at {} prices, discounted at {:g} %.\n"
      "Each figure is a mean with its {:g} % interval over replications; EIRR and payback "
      "where a replication has one.\n\n",
      appraisal.scenario_name, appraisal.replications, appraisal.first_year, appraisal.last_year,
      appraisal.price_base_year, appraisal.discount_rate * 100.0, appraisal.confidence * 100.0);
  out +=
      "| investment | opens | PV costs, MUSD | PV benefits, MUSD | NPV, MUSD | BCR | EIRR, % | "
      "payback year |\n";
  out += "|---|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& one : appraisal.cases) {
    const std::string opens = fmt::format("{}", fmt::join(one.opening_years, ", "));
    out += fmt::format("| {} | {} | {:.1f} | {} | {} | {} | {} | {} |\n", one.name, opens,
                       one.pv_costs_musd, shown(one.pv_benefits_musd, 1), shown(one.npv_musd, 1),
                       shown(one.bcr, 2), shown_of(one.eirr, 1, appraisal.replications, 100.0),
                       shown_of(one.payback_year, 0, appraisal.replications));
  }
  out += fmt::format(
      "\nBenefits: shippers' transit time saved, each class at its value of time, each tonne's "
      "time valued up to {:g} times its route's free-flow time (beyond it, the tonne goes by "
      "its alternative); tonnes won back from that alternative at the margin per tonne; CO2 "
      "saved at the carbon price; carriage costs saved by the routes taken (at the tariffs of "
      "the start: a tariff cut is a transfer). Costs: capital, operation, less the residual "
      "value of a life beyond the horizon. Margin {:g} USD/t, carbon {:g} USD/t CO2.\n",
      appraisal.diversion_multiple, appraisal.benefit_usd_per_t, appraisal.carbon_price_usd_per_t);
  for (const std::string& warning : appraisal.warnings) out += "\nwarning: " + warning + "\n";
  return out;
}

std::vector<CsvTable> appraisal_tables(const experiment::Appraisal& appraisal) {
  CsvTable cases{"appraise.csv",
                 "id,name,opens,pv_costs_musd,pv_benefits_musd,pv_benefits_musd_ci95,npv_musd,"
                 "npv_musd_ci95,bcr,bcr_ci95,eirr,eirr_ci95,eirr_replications,payback_year,"
                 "payback_year_ci95,payback_replications\n"};
  CsvTable years{"appraise_years.csv",
                 "id,year,capex_musd,opex_musd,residual_musd,time_musd,tonnes_musd,co2_musd,"
                 "carriage_musd,benefit_musd,benefit_musd_ci95,net_musd,net_musd_ci95,"
                 "won_back_t,saved_t_h\n"};
  for (const auto& one : appraisal.cases) {
    const std::string opens = fmt::format("{}", fmt::join(one.opening_years, " "));
    cases.text += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(one.id), csv_field(one.name),
        opens, one.pv_costs_musd, number_field(one.pv_benefits_musd),
        half_width_field(one.pv_benefits_musd), number_field(one.npv_musd),
        half_width_field(one.npv_musd), number_field(one.bcr), half_width_field(one.bcr),
        number_field(one.eirr), half_width_field(one.eirr), one.eirr.count,
        number_field(one.payback_year), half_width_field(one.payback_year), one.payback_year.count);
    for (const auto& year : one.years) {
      years.text +=
          fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(one.id),
                      year.year, year.capex_musd, year.opex_musd, year.residual_musd,
                      number_field(year.time_musd), number_field(year.tonnes_musd),
                      number_field(year.co2_musd), number_field(year.carriage_musd),
                      number_field(year.benefit_musd), half_width_field(year.benefit_musd),
                      number_field(year.net_musd), half_width_field(year.net_musd),
                      number_field(year.won_back_t), number_field(year.saved_t_h));
    }
  }
  return {cases, years};
}

std::string appraisal_json(const experiment::Appraisal& appraisal) {
  Json root;
  root["schema"] = kAppraiseSchema;
  root["scenario"] = appraisal.scenario_name;
  root["seed"] = appraisal.seed;
  root["replications"] = appraisal.replications;
  root["confidence"] = appraisal.confidence;
  root["discount_rate"] = appraisal.discount_rate;
  root["price_base_year"] = appraisal.price_base_year;
  root["carbon_price_usd_per_t"] = appraisal.carbon_price_usd_per_t;
  root["benefit_usd_per_t"] = appraisal.benefit_usd_per_t;
  root["diversion_multiple"] = appraisal.diversion_multiple;
  root["first_year"] = appraisal.first_year;
  root["last_year"] = appraisal.last_year;
  root["investments"] = Json::array();
  for (const auto& one : appraisal.cases) {
    Json years = Json::array();
    for (const auto& year : one.years) {
      years.push_back(Json{{"year", year.year},
                           {"capex_musd", year.capex_musd},
                           {"opex_musd", year.opex_musd},
                           {"residual_musd", year.residual_musd},
                           {"time_musd", estimate_json(year.time_musd)},
                           {"tonnes_musd", estimate_json(year.tonnes_musd)},
                           {"co2_musd", estimate_json(year.co2_musd)},
                           {"carriage_musd", estimate_json(year.carriage_musd)},
                           {"benefit_musd", estimate_json(year.benefit_musd)},
                           {"benefit_musd_ci95", half_width_json(year.benefit_musd)},
                           {"net_musd", estimate_json(year.net_musd)},
                           {"net_musd_ci95", half_width_json(year.net_musd)},
                           {"won_back_t", estimate_json(year.won_back_t)},
                           {"saved_t_h", estimate_json(year.saved_t_h)}});
    }
    root["investments"].push_back(
        Json{{"id", one.id},
             {"name", one.name},
             {"members", one.members},
             {"opening_dates", one.opening_dates},
             {"pv_costs_musd", one.pv_costs_musd},
             {"pv_benefits_musd", estimate_json(one.pv_benefits_musd)},
             {"pv_benefits_musd_ci95", half_width_json(one.pv_benefits_musd)},
             {"npv_musd", estimate_json(one.npv_musd)},
             {"npv_musd_ci95", half_width_json(one.npv_musd)},
             {"bcr", estimate_json(one.bcr)},
             {"bcr_ci95", half_width_json(one.bcr)},
             {"eirr", estimate_json(one.eirr)},
             {"eirr_ci95", half_width_json(one.eirr)},
             {"eirr_replications", one.eirr.count},
             {"payback_year", estimate_json(one.payback_year)},
             {"payback_year_ci95", half_width_json(one.payback_year)},
             {"payback_replications", one.payback_year.count},
             {"years", years}});
  }
  root["warnings"] = appraisal.warnings;
  return root.dump(2) + "\n";
}

}  // namespace corridor::io
