#include "report_command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common.hpp"
#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/analysis/interval.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "corridor/experiment/compare.hpp"
#include "corridor/experiment/replications.hpp"
#include "corridor/io/atomic_file.hpp"
#include "corridor/io/compare_report.hpp"
#include "corridor/io/diff_report.hpp"
#include "corridor/io/display_names.hpp"
#include "corridor/io/output_manifest.hpp"
#include "corridor/io/progress.hpp"
#include "corridor/io/report_document.hpp"
#include "corridor/io/report_sections.hpp"
#include "corridor/io/run_tables.hpp"
#include "corridor/scenario/bundled_files.hpp"
#include "corridor/scenario/diff.hpp"
#include "corridor/scenario/load.hpp"
#include "diff_command.hpp"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

std::string plus_minus(const analysis::MeanInterval& interval, int decimals) {
  if (!interval.mean) return "-";
  if (!interval.half_width) return fmt::format("{:.{}f}", *interval.mean, decimals);
  return fmt::format("{:.{}f} ± {:.{}f}", *interval.mean, decimals, *interval.half_width, decimals);
}

// The interpreter with Debian's matplotlib, and tools/plot.py: overridable for installs
// that move them.
std::string python() {
  const char* set = std::getenv("CORRIDOR_PYTHON");
  return set != nullptr ? set : "/usr/bin/python3";
}
// Throws scenario::BundledFileMissing when it is not set and not bundled.
std::string plot_script() {
  const char* set = std::getenv("CORRIDOR_PLOT_SCRIPT");
  return set != nullptr ? set : scenario::bundled_file("tools/plot.py").string();
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Per scenario and pair: delivered, mean and p95 transit over the replications.
io::ReportSection transit_section(const std::vector<std::string>& names,
                                  const std::vector<std::vector<model::RunResult>>& runs,
                                  const std::vector<std::vector<std::string>>& warnings,
                                  const io::DisplayNames& display) {
  io::ReportSection section{"Transit and deliveries", {}, {}, {}, {}};
  section.paragraphs.push_back(
      "Means over the replications, ± the half-width of their 95 % confidence interval "
      "(Student t). Delivered: in the statistics window, annualised, and as a share of the "
      "cargo created in the window. Transit counts delivered lots only; the p95 with "
      "undelivered lots counts each lot still in the system at its age so far, a lower "
      "bound on the true p95 when cargo piles up.");
  for (std::size_t s = 0; s < warnings.size(); ++s) {
    for (const auto& warning : warnings[s]) {
      section.paragraphs.push_back(fmt::format("Warning, {}: {}.", names[s], warning));
    }
  }
  section.table.push_back({"scenario", "origin → destination", "delivered, Mt/yr",
                           "delivered, % of created", "transit mean, days", "transit p95, days",
                           "p95 with undelivered, days"});
  for (std::size_t s = 0; s < runs.size(); ++s) {
    const auto& first = runs[s].front();
    const double years = (first.horizon_days - first.warmup_days) / 365.0;
    for (std::size_t i = 0; i < first.od.size(); ++i) {
      std::vector<double> table;
      for (const auto& run : runs[s]) {
        const auto& od = run.od[i];
        const double nan = std::numeric_limits<double>::quiet_NaN();
        table.push_back(od.delivered_t / 1e6 / years);
        table.push_back(od.delivered_share ? *od.delivered_share * 100.0 : nan);
        table.push_back(od.transit_days ? od.transit_days->mean : nan);
        table.push_back(od.transit_days ? od.transit_days->p95 : nan);
        table.push_back(od.censored_p95_days.value_or(nan));
      }
      const auto intervals = analysis::column_intervals(table, runs[s].size(), 5, 0.95);
      section.table.push_back({names[s], display.pair(first.od[i].origin, first.od[i].destination),
                               plus_minus(intervals[0], 3), plus_minus(intervals[1], 1),
                               plus_minus(intervals[2], 2), plus_minus(intervals[3], 2),
                               plus_minus(intervals[4], 2)});
    }
  }
  return section;
}

// Scenarios with several cargo classes: each class's deliveries and transit, with their
// intervals over the replications, in tonnes and, for containers, TEU.
std::optional<io::ReportSection> class_section(
    const std::vector<std::string>& names, const std::vector<std::vector<model::RunResult>>& runs) {
  io::ReportSection section{"Cargo classes", {}, {}, {}, {}};
  section.paragraphs.push_back(
      "Each cargo class over the statistics window, means over the replications ± the "
      "half-width of their 95 % confidence interval: what was delivered (annualised, in "
      "tonnes and, for containers, TEU) and its transit.");
  section.table.push_back({"scenario", "class", "delivered, Mt/yr", "delivered, TEU/yr",
                           "transit mean, days", "transit p95, days"});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t s = 0; s < runs.size(); ++s) {
    const auto& first = runs[s].front();
    const double years = (first.horizon_days - first.warmup_days) / 365.0;
    for (std::size_t c = 0; c < first.classes.size(); ++c) {
      std::vector<double> table;
      for (const auto& run : runs[s]) {
        const auto& cargo_class = run.classes[c];
        table.push_back(cargo_class.delivered_t / 1e6 / years);
        table.push_back(cargo_class.delivered_teu ? *cargo_class.delivered_teu / years : nan);
        table.push_back(cargo_class.transit_days ? cargo_class.transit_days->mean : nan);
        table.push_back(cargo_class.transit_days ? cargo_class.transit_days->p95 : nan);
      }
      const auto intervals = analysis::column_intervals(table, runs[s].size(), 4, 0.95);
      section.table.push_back({names[s], first.classes[c].id, plus_minus(intervals[0], 3),
                               first.classes[c].teu_per_lot ? plus_minus(intervals[1], 0) : "-",
                               plus_minus(intervals[2], 2), plus_minus(intervals[3], 2)});
    }
  }
  if (section.table.size() == 1) return std::nullopt;
  return section;
}

io::ReportSection bottleneck_section(const std::vector<std::string>& names,
                                     const std::vector<std::vector<model::RunResult>>& runs,
                                     const io::DisplayNames& display) {
  io::ReportSection section{"Bottlenecks", {}, {}, {}, {}};
  section.paragraphs.push_back(fmt::format(
      "The first five facilities of each scenario as every command ranks them, over the "
      "replications: saturated ones (mean utilization of at least {:.0f} % of the effective "
      "capacity) first, by the cargo waiting there; then the others by utilization.",
      analysis::kSaturatedUtilization * 100.0));
  section.table.push_back(
      {"scenario", "facility", "utilization", "mean queue, lots", "mean wait, h"});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t s = 0; s < runs.size(); ++s) {
    const auto column = [&](auto value_of) {
      std::vector<double> values;
      for (const auto& run : runs[s]) values.push_back(value_of(run));
      return analysis::column_intervals(values, values.size(), 1, 0.95).front();
    };
    for (const auto& bottleneck : analysis::rank_bottlenecks(runs[s], 5)) {
      // The facility's figures in each replication, for their intervals.
      const auto figures = [&](const model::RunResult& run) {
        struct Figures {
          double utilization;
          double queue;
          double wait;
        };
        const auto of = [&](const auto& facilities) {
          for (const auto& facility : facilities) {
            if (facility.id == bottleneck.id) {
              return Figures{facility.utilization.value_or(nan), facility.mean_queue_lots,
                             facility.mean_wait_h.value_or(nan)};
            }
          }
          return Figures{nan, nan, nan};
        };
        if (bottleneck.kind == "terminal") {
          for (const auto& node : run.nodes) {
            for (const auto& terminal : node.terminals) {
              if (node.id + "/" + terminal.id == bottleneck.id) {
                return Figures{terminal.utilization.value_or(nan), terminal.mean_queue_lots,
                               terminal.mean_wait_h.value_or(nan)};
              }
            }
          }
          return Figures{nan, nan, nan};
        }
        return bottleneck.kind == "node" ? of(run.nodes) : of(run.links);
      };
      analysis::MeanInterval percent =
          column([&](const model::RunResult& run) { return figures(run).utilization; });
      if (percent.mean) *percent.mean *= 100.0;
      if (percent.half_width) *percent.half_width *= 100.0;
      section.table.push_back(
          {names[s], bottleneck.kind + " " + display.facility(bottleneck.kind, bottleneck.id),
           plus_minus(percent, 1) + " %" + (bottleneck.saturated ? " (saturated)" : ""),
           plus_minus(column([&](const model::RunResult& run) { return figures(run).queue; }), 1),
           plus_minus(column([&](const model::RunResult& run) { return figures(run).wait; }), 2)});
    }
  }
  return section;
}

io::ReportSection capacity_section(const std::vector<std::string>& names,
                                   const std::vector<model::CorridorSpec>& specs,
                                   const io::DisplayNames& display) {
  io::ReportSection section{"Capacity bound", {}, {}, {}, {}};
  section.paragraphs.push_back(
      "The most the demand entries' routes could carry, each entry its own flow, through "
      "node and link capacities averaged over the window (closures and storms left out), "
      "and the facilities that bind it: an upper limit no simulation exceeds.");
  section.table.push_back({"scenario", "demand, Mt/yr", "network bound, Mt/yr", "binding"});
  for (std::size_t s = 0; s < specs.size(); ++s) {
    const auto bound = analysis::capacity_bound(specs[s]);
    std::string cut;
    for (const auto& facility : bound.network_cut) {
      cut += (cut.empty() ? "" : ", ") + facility.kind + " " +
             display.facility(facility.kind, facility.id);
    }
    section.table.push_back(
        {names[s], fmt::format("{:.3f}", bound.demand_mtpa),
         bound.network_mtpa ? fmt::format("{:.3f}", *bound.network_mtpa) : std::string("unbounded"),
         cut.empty() ? "-" : cut});
  }
  return section;
}

io::ReportSection difference_section(const experiment::Comparison& comparison,
                                     const io::DisplayNames& display) {
  io::ReportSection section{"Differences from the base", {}, {}, {}, {}};
  section.paragraphs.push_back(fmt::format(
      "Alternative − base, paired by replication under common random numbers, ± the 95 % "
      "half-width; * marks differences whose interval excludes zero. Base: {}.",
      comparison.base_name));
  section.table.push_back(
      {"alternative", "origin → destination", "transit, days", "delivered, Mt/yr"});
  const auto text = [](const experiment::Difference& d, int decimals) {
    if (!d.mean) return std::string("-");
    return fmt::format("{:+.{}f} ± {:.{}f}{}", *d.mean, decimals, d.half_width.value_or(0.0),
                       decimals, d.significant() ? " *" : "");
  };
  for (const auto& alternative : comparison.alternatives) {
    for (const auto& od : alternative.od) {
      section.table.push_back({alternative.name, display.entry(od.id, od.origin, od.destination),
                               text(od.transit_days, 2), text(od.delivered_mtpa, 3)});
    }
  }
  return section;
}

// What each alternative changes from the base, as `corridor diff` says it, and the
// global settings that make a comparison change more than one thing.
io::ReportSection what_differs_section(const ReportArguments& args,
                                       const std::vector<model::CorridorSpec>& specs) {
  io::ReportSection section{"What the alternatives change", {}, {}, {}, {}};
  section.paragraphs.push_back(
      "Each alternative against the base as they run (after extends and --set), key by key: "
      "+ only in the alternative, - only in the base, ~ changed. A comparison should "
      "change one thing.");
  section.table.push_back({"alternative", "", "key", "base", "alternative value"});
  for (std::size_t s = 1; s < specs.size(); ++s) {
    const auto changes = scenario::global_setting_changes(specs.front(), specs[s]);
    const std::string warning = io::global_settings_warning(args.scenarios[s], changes);
    if (!warning.empty()) section.paragraphs.push_back("Warning: " + warning + ".");
    for (const auto& difference :
         scenario::diff_scenarios(args.scenarios.front(), args.scenarios[s], args.overrides)) {
      const char* mark = difference.change == scenario::KeyDifference::Change::added     ? "+"
                         : difference.change == scenario::KeyDifference::Change::removed ? "-"
                                                                                         : "~";
      section.table.push_back({args.scenarios[s], mark, difference.path, difference.base_value,
                               difference.alternative_value});
    }
  }
  return section;
}

}  // namespace

CLI::App* add_report_command(CLI::App& app, ReportArguments& args) {
  auto* command = app.add_subcommand(
      "report",
      "Run scenarios and write a report: DIR/report.md, a self-contained DIR/report.html, "
      "the CSV tables and the charts");
  command->add_option("scenarios", args.scenarios, "SCENARIO [ALT...]: YAML files, base first")
      ->required();
  command->add_option("--out", args.out, "Directory for the report (created)")->required();
  command
      ->add_option("--replications,-r", args.replications,
                   fmt::format("Replications of each scenario (default: {})", args.replications))
      ->check(CLI::Range(2U, 10000U));
  command->add_option("--seed", args.seed, "Seed (default: the base's)")->check(whole_number());
  command->add_option("--threads,-j", args.threads, "Threads (default: every core)")
      ->check(CLI::Range(1U, 1024U));
  command->add_option("--set", args.overrides, "Override a value everywhere, PATH=VALUE")
      ->allow_extra_args(false);
  command->add_flag("--quiet,-q", args.quiet, "No progress");
  add_period_option(command, args.period);
  add_run_limit_option(command);
  add_strict_option(command);
  add_fast_paths_option(command);
  add_demand_scale_option(command, args.overrides);
  return command;
}

int report_command(const ReportArguments& args) {
  check_table_directory(args.out, "--out");
  std::vector<model::CorridorSpec> specs;
  std::vector<std::string> names;
  for (const auto& file : args.scenarios) {
    specs.push_back(load_for_run(file, args.overrides));
    apply_period(specs.back(), args.period);
    names.push_back(fs::path(file).stem().string());
  }
  announce_differences(args.scenarios, specs, args.overrides, args.quiet);
  io::Progress progress("runs", !args.quiet);
  const auto on_progress = [&](std::size_t done, std::size_t total) {
    progress.update(done, total);
  };
  std::vector<std::vector<model::RunResult>> runs;
  std::optional<experiment::Comparison> comparison;
  if (specs.size() == 1) {
    runs.push_back(experiment::run_replications(specs.front(), {.seed = args.seed,
                                                                .replications = args.replications,
                                                                .threads = args.threads,
                                                                .on_progress = on_progress}));
  } else {
    comparison = experiment::compare(specs, {.seed = args.seed,
                                             .replications = args.replications,
                                             .threads = args.threads,
                                             .keep_runs = true,
                                             .on_progress = on_progress});
    comparison->base_name = names.front();
    for (std::size_t i = 0; i < comparison->alternatives.size(); ++i) {
      comparison->alternatives[i].name = names[i + 1];
    }
    runs = comparison->runs;
  }
  progress.finish();
  std::vector<std::vector<std::string>> warnings;
  for (std::size_t s = 0; s < runs.size(); ++s) {
    warnings.push_back(analysis::delivery_warnings(runs[s]));
    for (const auto& warning : warnings.back()) {
      std::fprintf(stderr, "corridor: warning: %s: %s\n", names[s].c_str(), warning.c_str());
    }
  }

  const fs::path out(args.out);
  std::vector<io::ScenarioRuns> scenario_runs;
  for (std::size_t s = 0; s < specs.size(); ++s)
    scenario_runs.push_back({names[s], &specs[s], &runs[s]});
  auto tables = io::run_tables(scenario_runs);
  if (comparison) tables.push_back({"differences.csv", io::comparison_csv(*comparison)});
  write_tables((out / "tables").string(), tables);

  // Charts by tools/plot.py, which prints each file it wrote; a report without them is
  // still a report. Only charts drawn now are embedded: a previous report's stay out.
  std::vector<fs::path> written;
  for (const auto& table : tables) written.push_back(fs::path("tables") / table.file_name);
  std::string script;
  try {
    script = plot_script();
  } catch (const scenario::BundledFileMissing& error) {
    std::fprintf(stderr, "corridor: warning: the charts were not drawn: %s\n", error.what());
  }
  const std::string command = fmt::format("'{}' '{}' tables '{}' --out '{}'", python(), script,
                                          (out / "tables").string(), (out / "charts").string());
  std::set<std::string> charts_drawn;
  bool charts = false;
  FILE* plot = script.empty() ? nullptr : popen(command.c_str(), "r");
  if (plot != nullptr) {
    std::string printed;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, plot) != nullptr) printed += buffer;
    charts = pclose(plot) == 0;
    std::istringstream lines(printed);
    for (std::string line; std::getline(lines, line);) {
      const fs::path chart(line);
      written.push_back(fs::path("charts") / chart.filename());
      charts_drawn.insert(chart.filename().string());
    }
  }
  if (!charts && !script.empty()) {
    std::fprintf(stderr,
                 "corridor: warning: the charts were not drawn (%s failed); install "
                 "python3-matplotlib (tools/setup.sh) or set CORRIDOR_PYTHON\n",
                 script.c_str());
  }

  io::ReportDocument report;
  report.title = specs.size() == 1 ? fmt::format("{}: report", specs.front().name)
                                   : fmt::format("{} and {} alternative{}", specs.front().name,
                                                 specs.size() - 1, specs.size() > 2 ? "s" : "");
  io::ReportSection setup{"Scenarios", {}, {}, {}, {}};
  setup.table.push_back({"scenario", "file", "name", "days simulated", "warm-up, days"});
  for (std::size_t s = 0; s < specs.size(); ++s) {
    setup.table.push_back({names[s], args.scenarios[s], specs[s].name,
                           fmt::format("{:g}", specs[s].horizon_days),
                           fmt::format("{:g}", specs[s].warmup_days)});
  }
  setup.paragraphs.push_back(
      fmt::format("{} replications of each, seed {}{}.", args.replications,
                  args.seed.value_or(specs.front().seed),
                  specs.size() > 1 ? ", common random numbers across scenarios" : ""));
  // Each scenario's own description: an alternative that inherits the base's says
  // nothing new by repeating it.
  for (std::size_t s = 0; s < specs.size(); ++s) {
    std::string description = specs[s].description;
    description.erase(description.find_last_not_of(" \n") + 1);
    if (description.empty() || (s > 0 && specs[s].description == specs.front().description)) {
      continue;
    }
    setup.paragraphs.push_back(fmt::format("{}: {}", names[s], description));
  }
  std::vector<io::ReportScenario> report_scenarios;
  for (std::size_t s = 0; s < specs.size(); ++s) {
    io::ReportScenario scenario{names[s], &specs[s], &runs[s], {}, {}};
    if (s > 0) {
      scenario.differences =
          scenario::diff_scenarios(args.scenarios.front(), args.scenarios[s], args.overrides);
      scenario.global_changes = scenario::global_setting_changes(specs.front(), specs[s]);
    }
    report_scenarios.push_back(std::move(scenario));
  }
  const experiment::Comparison* compared = comparison ? &*comparison : nullptr;
  report.sections.push_back(io::summary_section(report_scenarios, compared));
  report.sections.push_back(setup);
  if (specs.size() > 1) report.sections.push_back(what_differs_section(args, specs));
  io::DisplayNames display;
  for (const auto& spec : specs) display.add(spec);
  report.sections.push_back(transit_section(names, runs, warnings, display));
  if (auto classes = class_section(names, runs)) report.sections.push_back(std::move(*classes));
  if (comparison) report.sections.push_back(difference_section(*comparison, display));
  report.sections.push_back(io::routes_section(report_scenarios));
  if (auto diversion = io::diversion_section(report_scenarios, compared)) {
    report.sections.push_back(std::move(*diversion));
  }
  report.sections.push_back(io::links_section(report_scenarios));
  if (auto links = io::link_difference_section(report_scenarios, compared)) {
    report.sections.push_back(std::move(*links));
  }
  if (auto periods = io::periods_section(report_scenarios)) {
    report.sections.push_back(std::move(*periods));
  }
  report.sections.push_back(bottleneck_section(names, runs, display));
  report.sections.push_back(capacity_section(names, specs, display));
  if (charts) {
    io::ReportSection pictures{"Charts", {}, {}, {}, {}};
    const std::vector<std::pair<std::string, std::string>> chart_list = {
        {"transit",
         "Transit time per origin–destination (box: 25th–75th percentile; "
         "whiskers: 5th–95th)"},
        {"time_split", "Where the days go: moving, queueing, dwell and consolidation"},
        {"queues", "Queues and handled/capacity at the busiest nodes, closures shaded"},
        {"map", "Flows on the corridor: width is throughput, colour is utilization"},
        {"map_difference", "Change in link throughput, alternative against base"},
        {"periods", "What binds, period by period: throughput against the capacity in force"}};
    for (const auto& [chart, caption] : chart_list) {
      if (charts_drawn.count(chart + ".png") == 0) continue;
      pictures.images.push_back("charts/" + chart + ".png");
      pictures.captions.push_back(caption);
    }
    report.sections.push_back(pictures);
  }
  io::ReportSection data{"Data", {}, {}, {}, {}};
  std::string files;
  for (const auto& table : tables)
    files += (files.empty() ? "" : ", ") + ("tables/" + table.file_name);
  data.paragraphs.push_back(fmt::format(
      "Every figure above comes from these tables (docs/outputs.md describes the columns): {}.",
      files));
  report.sections.push_back(data);

  io::write_file_atomically((out / "report.md").string(), io::report_markdown(report));
  io::write_file_atomically(
      (out / "report.html").string(),
      io::report_html(report, [&](const std::string& image) { return read_bytes(out / image); }));
  written.emplace_back("report.md");
  written.emplace_back("report.html");
  const auto removed = io::replace_manifest(out, written);
  if (!args.quiet) {
    std::fprintf(stderr, "corridor: wrote %s/report.md and report.html", args.out.c_str());
    if (!removed.empty()) {
      std::fprintf(stderr, " (and removed %zu file%s the previous report there wrote)",
                   removed.size(), removed.size() == 1 ? "" : "s");
    }
    std::fprintf(stderr, "\n");
  }
  return 0;
}

}  // namespace corridor::cli
