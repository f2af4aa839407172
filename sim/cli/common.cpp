#include "common.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#include "corridor/analysis/network_warnings.hpp"
#include "corridor/io/atomic_file.hpp"
#include "corridor/model/calendar.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/bundled_files.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/plausibility.hpp"

namespace corridor::cli {
namespace {

std::uint64_t max_lots_in_flight = model::kDefaultMaxLotsInFlight;
bool strict = false;
bool no_fast_paths = false;

}  // namespace

void add_strict_option(CLI::App* command) {
  command->add_flag("--strict", strict,
                    "Treat the scenario's warnings (implausible values, demand above the "
                    "capacity bound) as errors: exit 2");
}

const CLI::Validator& whole_number() {
  static const CLI::Validator validator(
      [](std::string& text) {
        const bool digits =
            !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : "must be a whole number, 0 or more, got '" + text + "'";
      },
      "N");
  return validator;
}

std::filesystem::path scenario_or_default(const std::string& scenario) {
  return scenario.empty() ? scenario::default_scenario_path() : std::filesystem::path(scenario);
}

std::string default_scenario_help() {
  try {
    return fmt::format("Scenario YAML file (default: the bundled Middle Corridor baseline, {})",
                       scenario::default_scenario_path().string());
  } catch (const scenario::BundledFileMissing& error) {
    return fmt::format("Scenario YAML file (no default here: {})", error.what());
  }
}

void add_fast_paths_option(CLI::App* command) {
  command->add_flag("--no-fast-paths", no_fast_paths,
                    "Run the plain event-driven path, without booking ahead what is already "
                    "decided: the same results, more slowly; a check of the fast paths and a "
                    "reference for bug reports");
}

void add_demand_scale_option(CLI::App* command, std::vector<std::string>& overrides) {
  command
      ->add_option_function<double>(
          "--demand-scale",
          [&overrides](double scale) {
            overrides.push_back(fmt::format("scenario.demand_scale={}", scale));
          },
          "Every demand entry's volume times X (scenario.demand_scale; default: the scenario's, "
          "else 1)")
      ->check(CLI::Range(1e-6, 100.0));
}

void add_run_limit_option(CLI::App* command) {
  command
      ->add_option("--max-lots-in-flight", max_lots_in_flight,
                   fmt::format("Stop a run with an error once more lots than this are in the "
                               "system at once, rather than run out of memory (default: {})",
                               model::kDefaultMaxLotsInFlight))
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 32U));
}

model::CorridorSpec load_for_run(const std::filesystem::path& file,
                                 const std::vector<std::string>& overrides, Checks checks,
                                 model::CandidateRoutes* candidates) {
  scenario::CheckedScenario checked = scenario::load_checked(file, overrides);
  std::vector<scenario::Diagnostic> warnings = std::move(checked.warnings);
  if (checks == Checks::network) {
    for (auto& warning :
         analysis::network_warnings(checked.spec, checked.candidates, checked.sources)) {
      warnings.push_back(std::move(warning));
    }
  }
  if (strict && !warnings.empty()) throw scenario::ScenarioError(std::move(warnings));
  static std::set<std::string> printed;
  for (const auto& warning : warnings) {
    const std::string line = scenario::format_warning(warning);
    if (printed.insert(line).second) std::fprintf(stderr, "%s\n", line.c_str());
  }
  model::CorridorSpec spec = std::move(checked.spec);
  if (candidates != nullptr) *candidates = std::move(checked.candidates);
  spec.fast_paths = !no_fast_paths;
  spec.max_lots_in_flight = max_lots_in_flight;
  return spec;
}

namespace {

// Whether a file can be made in `directory`, found by making one: permission bits alone
// miss read-only file systems, and root passes them all.
void check_can_create_in(const std::filesystem::path& directory, std::string_view option,
                         const std::string& path) {
  const std::filesystem::path probe =
      directory / fmt::format(".corridor-write-check.{}", ::getpid());
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    throw UsageError(fmt::format("{} {}: cannot write into directory '{}': {}", option, path,
                                 directory.string(), std::strerror(error)));
  }
  ::close(fd);
  ::unlink(probe.c_str());
}

}  // namespace

void check_output_directory(const std::string& path, std::string_view option) {
  if (path.empty() || path == "-") return;
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    throw UsageError(
        fmt::format("{} {}: directory '{}' does not exist", option, path, directory.string()));
  }
  if (std::filesystem::is_directory(path, error)) {
    throw UsageError(fmt::format("{} {}: is a directory; give a file name", option, path));
  }
  check_can_create_in(directory, option, path);
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty()) return;
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    io::write_file_atomically(path, text);
  }
}

void check_table_directory(const std::string& directory, std::string_view option) {
  if (directory.empty()) return;
  std::error_code error;
  const std::filesystem::path path(directory);
  if (std::filesystem::is_directory(path, error)) {
    check_can_create_in(path, option, directory);
    return;
  }
  if (std::filesystem::exists(path, error)) {
    throw UsageError(fmt::format("{} {}: exists and is not a directory", option, directory));
  }
  std::filesystem::path parent = path.parent_path();
  if (parent.empty()) parent = ".";
  if (!std::filesystem::is_directory(parent, error)) {
    throw UsageError(
        fmt::format("{} {}: directory '{}' does not exist", option, directory, parent.string()));
  }
  check_can_create_in(parent, option, directory);
}

void write_tables(const std::string& directory, const std::vector<io::CsvTable>& tables) {
  if (directory.empty()) return;
  std::filesystem::create_directories(directory);
  for (const auto& table : tables) {
    io::write_file_atomically((std::filesystem::path(directory) / table.file_name).string(),
                              table.text);
  }
}

void add_period_option(CLI::App* command, std::string& period) {
  command
      ->add_option("--period", period,
                   "Also report each year, quarter or month (none: the whole run only); "
                   "default: year when the run is longer than a year")
      ->check(CLI::IsMember({"year", "quarter", "month", "none"}));
}

void apply_period(model::CorridorSpec& spec, const std::string& period) {
  spec.report_periods =
      period.empty() ? model::default_report_periods(spec) : model::parse_period_length(period);
}

}  // namespace corridor::cli
