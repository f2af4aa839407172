#pragma once
// `corridor compare BASE ALT [ALT...]`: scenarios side by side with common random numbers.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

struct CompareArguments {
  std::vector<std::string> scenarios;  // base first
  std::vector<std::string> overrides;  // applied to every scenario
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 10;
  unsigned threads = 0;
  bool independent_streams = false;
  std::string json_path;
  std::string csv_path;
  bool quiet = false;
  std::string period;  // empty: the default for the horizon
};

CLI::App* add_compare_command(CLI::App& app, CompareArguments& args);
int compare_command(const CompareArguments& args);

}  // namespace corridor::cli
