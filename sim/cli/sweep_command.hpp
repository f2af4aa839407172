#pragma once
// `corridor sweep SCENARIO --set PATH=V1,V2 --range PATH=FROM:TO:STEP --csv FILE`: a
// grid of variants, one CSV row per point, appended as each point completes.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

struct SweepArguments {
  std::string scenario;
  std::vector<std::string> sets;    // PATH=V (fixed) or PATH=V1,V2,... (varied)
  std::vector<std::string> ranges;  // PATH=FROM:TO:STEP
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 5;
  unsigned threads = 0;
  std::string csv_path;
  bool resume = false;
  bool force = false;  // replace an existing --csv file (and its manifest)
  bool quiet = false;
};

CLI::App* add_sweep_command(CLI::App& app, SweepArguments& args);
int sweep_command(const SweepArguments& args);

}  // namespace corridor::cli
