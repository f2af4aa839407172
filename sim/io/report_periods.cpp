// The report's periods: a multi-year run read year by year (or by quarter or month),
// each period's deliveries and what bound it, per scenario, and each alternative's
// difference from the base with its interval.

#include <fmt/format.h>

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/io/display_names.hpp"
#include "corridor/io/report_sections.hpp"
#include "report_figures.hpp"

namespace corridor::io {
namespace {

double delivered_mtpa(const model::PeriodResult& period) {
  double tonnes = 0.0;
  for (const auto& od : period.od) tonnes += od.delivered_t;
  return tonnes / 1e6 / ((period.end_day - period.start_day) / 365.0);
}

double created_mtpa(const model::PeriodResult& period) {
  double tonnes = 0.0;
  for (const auto& od : period.od) tonnes += od.window_generated_t;
  return tonnes / 1e6 / ((period.end_day - period.start_day) / 365.0);
}

}  // namespace

std::optional<ReportSection> periods_section(const std::vector<ReportScenario>& scenarios) {
  const auto& base_runs = *scenarios.front().runs;
  const auto& first = base_runs.front();
  if (first.periods.empty() || !first.period_length) return std::nullopt;
  // Periods are compared only where every scenario is cut the same way.
  for (const auto& scenario : scenarios) {
    const auto& run = scenario.runs->front();
    if (run.periods.size() != first.periods.size() || run.period_length != first.period_length ||
        run.start_date != first.start_date) {
      return std::nullopt;
    }
  }
  DisplayNames names;
  for (const auto& scenario : scenarios) names.add(*scenario.spec);
  ReportSection section{"Periods", {}, {}, {}, {}, {}};
  section.paragraphs.push_back(
      "Period by period: the cargo created in the period that was delivered by the horizon "
      "(annualised; cargo still queued at the horizon is not, so a period whose cargo piles "
      "up delivers less than it created) and the facility that binds in the period (ranked "
      "as in Bottlenecks, over the replications); with alternatives, each one's difference "
      "from the base, paired, ± the 95 % half-width, * where the interval excludes zero.");
  std::vector<std::string> header{"period"};
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    header.push_back(scenarios[s].name + ": created, Mt/yr");
    header.push_back(scenarios[s].name + ": of it delivered, Mt/yr");
    if (s > 0) header.push_back(scenarios[s].name + " − base");
    header.push_back(scenarios[s].name + " binds");
  }
  section.table.push_back(header);
  const model::Calendar calendar = first.calendar();
  for (std::size_t p = 0; p < first.periods.size(); ++p) {
    std::vector<std::string> row{
        model::period_label(calendar, *first.period_length, first.periods[p].start_day)};
    const auto in_period = [p](const model::RunResult& run) {
      return delivered_mtpa(run.periods[p]);
    };
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
      const auto& runs = *scenarios[s].runs;
      row.push_back(detail::plus_minus(
          detail::interval_over(
              runs, [p](const model::RunResult& run) { return created_mtpa(run.periods[p]); }),
          2));
      row.push_back(detail::plus_minus(detail::interval_over(runs, in_period), 2));
      if (s > 0) {
        const auto difference = detail::paired_over(base_runs, runs, in_period);
        row.push_back(detail::signed_plus_minus(difference, 2) +
                      (difference.significant() ? " *" : ""));
      }
      std::vector<model::RunResult> as_runs;
      for (const auto& run : runs) as_runs.push_back(model::period_as_run(run, run.periods[p]));
      const auto top = analysis::rank_bottlenecks(as_runs, 1);
      row.push_back(top.empty()
                        ? std::string("-")
                        : fmt::format("{} ({:.0f} %{})", names.facility(top[0].kind, top[0].id),
                                      top[0].utilization * 100.0,
                                      top[0].saturated ? ", saturated" : ""));
    }
    section.table.push_back(row);
  }
  return section;
}

}  // namespace corridor::io
