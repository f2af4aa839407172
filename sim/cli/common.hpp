#pragma once
// What the `corridor` subcommands share: exit codes, argument checks, output files.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/io/run_tables.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::cli {

inline constexpr int kExitInvalidInput = 2;
inline constexpr int kExitInternalError = 1;

// Thrown for a command-line argument that cannot work; exits 2 like a scenario error.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// CLI11 would wrap "-1" into an unsigned seed; only digits are a seed.
[[nodiscard]] const CLI::Validator& whole_number();

[[nodiscard]] std::filesystem::path scenario_or_default(const std::string& scenario);
// The help text of a command's optional scenario argument, naming the file the default is
// (or why there is none) so that a user sees which copy of the baseline runs.
[[nodiscard]] std::string default_scenario_help();

// --max-lots-in-flight, on every command that simulates; one value for the process.
void add_run_limit_option(CLI::App* command);
// --no-fast-paths, on every command that simulates: the plain event-driven path.
void add_fast_paths_option(CLI::App* command);
// --demand-scale X: every demand entry's volume times X, as `--set
// scenario.demand_scale=X` would (so sweeps record it and vary it alike). `overrides`
// is the command's own list, which gets that override after parsing.
void add_demand_scale_option(CLI::App* command, std::vector<std::string>& overrides);
// --period year|quarter|month|none, on the commands that report by period; empty: the
// default for the horizon (model::default_report_periods).
void add_period_option(CLI::App* command, std::string& period);
void apply_period(model::CorridorSpec& spec, const std::string& period);
// --strict, on every command that loads a scenario: its warnings become errors (exit 2).
void add_strict_option(CLI::App* command);
// How much load_for_run checks beyond validity: the scenario's own values only, or the
// network too (the capacity bound, defaults that limit a link), which solves the bound.
enum class Checks { values, network };
// Loads a scenario to simulate, with the run limit the command line set. Prints its
// warnings on stderr (each text once per process: a sweep loads many variants), or
// under --strict throws them as errors.
// Given `candidates`, keeps there the routes planned as the scenario was checked
// (model::plan_routes of the spec returned), for the run.
[[nodiscard]] model::CorridorSpec load_for_run(const std::filesystem::path& file,
                                               const std::vector<std::string>& overrides,
                                               Checks checks = Checks::network,
                                               model::CandidateRoutes* candidates = nullptr);

// Fails before a long run rather than after it, if the results have nowhere to go: the
// file's directory must exist and take a new file, and the path must not be a directory.
void check_output_directory(const std::string& path, std::string_view option = "--json");

// Writes `text` to standard output for "-", else atomically to the file; nothing for "".
void write_output(const std::string& path, const std::string& text);

// Checks that a --csv DIR can be made and written: it exists as a directory, or its
// parent does, and takes a new file.
void check_table_directory(const std::string& directory, std::string_view option = "--csv");
// Writes each table atomically into `directory`, creating it if needed.
void write_tables(const std::string& directory, const std::vector<io::CsvTable>& tables);

}  // namespace corridor::cli
