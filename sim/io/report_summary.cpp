// The report's first section: in sentences generated from the figures, what each
// scenario delivers and what binds it, what each alternative changes, and the largest
// differences that are not noise, each with its interval.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/io/diff_report.hpp"
#include "corridor/io/display_names.hpp"
#include "corridor/io/report_sections.hpp"
#include "report_figures.hpp"

namespace corridor::io {
namespace {

// Flows below this (0.5 kt/yr) read as 0.00 Mt/yr: no sentence for them.
constexpr double kShownMtpa = 0.0005;

double delivered_mtpa(const model::RunResult& run) {
  double tonnes = 0.0;
  for (const auto& od : run.od) tonnes += od.delivered_t;
  return tonnes / 1e6 / detail::window_years(run);
}

double created_mtpa(const model::RunResult& run) {
  double tonnes = 0.0;
  for (const auto& od : run.od) tonnes += od.window_generated_t;
  return tonnes / 1e6 / detail::window_years(run);
}

std::string scenario_sentence(const ReportScenario& scenario, const DisplayNames& names) {
  const auto& runs = *scenario.runs;
  const auto delivered = detail::interval_over(runs, delivered_mtpa);
  const auto created = detail::interval_over(runs, created_mtpa);
  std::string text =
      fmt::format("{} delivers {} Mt/yr of the {:.2f} Mt/yr it creates", scenario.name,
                  detail::plus_minus(delivered, 2), created.mean.value_or(0.0));
  const auto top = analysis::rank_bottlenecks(runs, 1);
  if (top.empty()) return text + "; no facility has a capacity.";
  const auto& binds = top.front();
  const std::string where =
      fmt::format("the {} {}", binds.kind, names.facility(binds.kind, binds.id));
  if (binds.saturated) {
    return text +
           fmt::format("; it binds at {} ({:.0f} % utilized, {:.0f} lots waiting on average).",
                       where, binds.utilization * 100.0, binds.mean_queue_lots);
  }
  return text + fmt::format("; nothing is saturated, the busiest stage is {} ({:.0f} % utilized).",
                            where, binds.utilization * 100.0);
}

// A run cut into periods: the first period in which a facility saturates, and which.
std::optional<std::string> first_saturation(const ReportScenario& scenario,
                                            const DisplayNames& names) {
  const auto& runs = *scenario.runs;
  const auto& first = runs.front();
  if (first.periods.empty() || !first.period_length) return std::nullopt;
  const model::Calendar calendar = first.calendar();
  for (std::size_t p = 0; p < first.periods.size(); ++p) {
    std::vector<model::RunResult> as_runs;
    for (const auto& run : runs) as_runs.push_back(model::period_as_run(run, run.periods[p]));
    const auto top = analysis::rank_bottlenecks(as_runs, 1);
    if (top.empty() || !top.front().saturated) continue;
    return fmt::format(
        "{}, period by period: the {} {} saturates first, in {} (section Periods).", scenario.name,
        top.front().kind, names.facility(top.front().kind, top.front().id),
        model::period_label(calendar, *first.period_length, first.periods[p].start_day));
  }
  return fmt::format("{}, period by period: no facility saturates in any period.", scenario.name);
}

// Links only the alternative has (a new line): whether they carry anything, since a
// new line that carries nothing reads as no difference everywhere else.
std::optional<std::string> new_links_sentence(const experiment::AlternativeComparison& alternative,
                                              const DisplayNames& names) {
  const experiment::LinkDifference* busiest = nullptr;
  std::size_t count = 0;
  for (const auto& link : alternative.links) {
    if (link.presence.in_base) continue;
    ++count;
    const double carried = link.throughput_mtpa.alternative_mean.value_or(0.0);
    if (busiest == nullptr || carried > busiest->throughput_mtpa.alternative_mean.value_or(0.0)) {
      busiest = &link;
    }
  }
  if (busiest == nullptr) return std::nullopt;
  const double carried = busiest->throughput_mtpa.alternative_mean.value_or(0.0);
  if (carried < kShownMtpa) {
    return fmt::format("None of the {} link{} only {} has carries any cargo.", count,
                       count == 1 ? "" : "s", alternative.name);
  }
  return fmt::format("Of the {} link{} only {} has, the busiest, {}, carries {:.2f} Mt/yr.", count,
                     count == 1 ? "" : "s", alternative.name, names.link(busiest->id), carried);
}

std::string what_changes(const ReportScenario& alternative, const std::string& base) {
  std::vector<std::string> keys;
  for (const auto& difference : alternative.differences) {
    if (difference.group == scenario::KeyDifference::Group::labels) continue;
    keys.push_back(difference.path);
  }
  if (keys.empty())
    return fmt::format("{} runs as {} does: nothing but labels differs.", alternative.name, base);
  std::string listed;
  for (std::size_t i = 0; i < keys.size() && i < 4; ++i) listed += (i > 0 ? ", " : "") + keys[i];
  if (keys.size() > 4) listed += fmt::format(" and {} more", keys.size() - 4);
  return fmt::format(
      "{} differs from {} in {} key{}: {} (section \"What the alternatives change\").",
      alternative.name, base, keys.size(), keys.size() == 1 ? "" : "s", listed);
}

// A difference worth a sentence: significant, ranked by its size against what it
// changes (a floor keeps a tiny flow's doubling from outranking the corridor's main one).
struct Finding {
  double weight = 0.0;
  std::string sentence;
  int kind = 0;  // delivered, transit, link, diversion: the summary takes a few of each
};

double weight_of(const experiment::Difference& difference, double floor) {
  const double base = difference.base_mean ? std::abs(*difference.base_mean) : 0.0;
  return std::abs(*difference.mean) / std::max(base, floor);
}

std::string change_text(const experiment::Difference& difference, int decimals, const char* unit) {
  const std::string before = detail::value_or_dash(difference.base_mean, decimals);
  const std::string after = detail::value_or_dash(difference.alternative_mean, decimals);
  return fmt::format("{} → {} {} ({} {})", before, after, unit,
                     detail::signed_plus_minus(difference, decimals), unit);
}

std::vector<Finding> findings(const experiment::AlternativeComparison& alternative,
                              const DisplayNames& names) {
  std::vector<Finding> found;
  for (const auto& od : alternative.od) {
    const std::string entry = names.entry(od.id, od.origin, od.destination);
    if (od.delivered_mtpa.significant()) {
      found.push_back(
          {weight_of(od.delivered_mtpa, 0.1),
           fmt::format("{} delivers {}.", entry, change_text(od.delivered_mtpa, 2, "Mt/yr")), 0});
    }
    if (od.transit_days.significant()) {
      found.push_back(
          {weight_of(od.transit_days, 1.0),
           fmt::format("{}: mean transit {}.", entry, change_text(od.transit_days, 2, "days")), 1});
    }
  }
  for (const auto& link : alternative.links) {
    if (!link.throughput_mtpa.significant()) continue;
    const char* note = !link.presence.in_base
                           ? " (only in the alternative)"
                           : (!link.presence.in_alternative ? " (only in the base)" : "");
    found.push_back({weight_of(link.throughput_mtpa, 0.1),
                     fmt::format("Link {}{} carries {}.", names.link(link.id), note,
                                 change_text(link.throughput_mtpa, 2, "Mt/yr")),
                     2});
  }
  for (const auto& moved : alternative.diversion) {
    if (moved.mtpa < kShownMtpa) continue;
    const auto [from_route, to_route] =
        names.routes(moved.from_path, moved.from_links, moved.to_path, moved.to_links);
    found.push_back(
        {moved.mtpa / 0.5,
         fmt::format("{:.2f} Mt/yr of {} moves from the route {} to the route {}.", moved.mtpa,
                     names.pair(moved.origin, moved.destination), from_route, to_route),
         3});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Finding& a, const Finding& b) { return a.weight > b.weight; });
  // The largest two of each kind first, so that one kind (a new line's every link) does
  // not crowd out the others; the rest after them.
  std::vector<Finding> ordered;
  std::vector<Finding> rest;
  std::array<int, 4> taken{};
  for (auto& finding : found) {
    (taken[static_cast<std::size_t>(finding.kind)]++ < 2 ? ordered : rest)
        .push_back(std::move(finding));
  }
  ordered.insert(ordered.end(), rest.begin(), rest.end());
  return ordered;
}

}  // namespace

ReportSection summary_section(const std::vector<ReportScenario>& scenarios,
                              const experiment::Comparison* comparison) {
  ReportSection section{"Summary", {}, {}, {}, {}, {}};
  DisplayNames names;
  for (const auto& scenario : scenarios) names.add(*scenario.spec);
  const std::size_t replications = scenarios.front().runs->size();
  section.paragraphs.push_back(fmt::format(
      "{} replications of each scenario. Figures are means ± the half-width of their 95 % "
      "confidence interval{}.",
      replications,
      comparison ? "; a difference is alternative − base, paired replication by replication "
                   "under common random numbers, and is told here only where its interval "
                   "excludes zero"
                 : ""));
  for (const auto& scenario : scenarios) {
    section.bullets.push_back(scenario_sentence(scenario, names));
    if (auto periods = first_saturation(scenario, names)) section.bullets.push_back(*periods);
  }
  if (!comparison) return section;
  const auto& base = scenarios.front();
  constexpr std::size_t kFindingsPerAlternative = 6;
  for (std::size_t a = 0; a < comparison->alternatives.size(); ++a) {
    const ReportScenario& alternative = scenarios[a + 1];
    section.bullets.push_back(what_changes(alternative, base.name));
    const std::string warning =
        global_settings_warning(alternative.name, alternative.global_changes);
    if (!warning.empty())
      section.bullets.push_back("Warning: " + warning + ": its differences mix several causes.");
    const auto total = detail::paired_over(*base.runs, *alternative.runs, delivered_mtpa);
    section.bullets.push_back(
        total.significant()
            ? fmt::format("In all, {} delivers {}.", alternative.name,
                          change_text(total, 2, "Mt/yr"))
            : fmt::format("In all, {} delivers as much as {} within the noise ({} Mt/yr).",
                          alternative.name, base.name, detail::signed_plus_minus(total, 2)));
    if (auto new_links = new_links_sentence(comparison->alternatives[a], names)) {
      section.bullets.push_back(*new_links);
    }
    const auto found = findings(comparison->alternatives[a], names);
    for (std::size_t i = 0; i < found.size() && i < kFindingsPerAlternative; ++i) {
      section.bullets.push_back(found[i].sentence);
    }
    if (found.empty()) {
      section.bullets.push_back(fmt::format(
          "No demand entry's delivered tonnage or transit, and no link's throughput, differs "
          "from {}'s beyond the noise of {} replications.",
          base.name, replications));
    } else if (found.size() > kFindingsPerAlternative) {
      section.bullets.push_back(
          fmt::format("{} more differences exceed their noise; the sections below list them all.",
                      found.size() - kFindingsPerAlternative));
    }
  }
  return section;
}

}  // namespace corridor::io
