#pragma once
// `corridor report SCENARIO [ALT...] --out DIR`: runs, tables, charts and a report in one
// command: DIR/report.md, a self-contained DIR/report.html, DIR/tables/*.csv and
// DIR/charts/*.png|svg.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

struct ReportArguments {
  std::vector<std::string> scenarios;  // the first is the base
  std::vector<std::string> overrides;
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 5;
  unsigned threads = 0;
  std::string out;
  std::string period;  // --period: empty, the default for the horizon
  bool quiet = false;
};

CLI::App* add_report_command(CLI::App& app, ReportArguments& args);
int report_command(const ReportArguments& args);

}  // namespace corridor::cli
