#pragma once
// `corridor expand SCENARIO --option NAME:PATH=VALUE ...`: the sustainable throughput of
// the scenario and of each capacity expansion option, beside the capacity bound.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

struct ExpandArguments {
  std::string scenario;
  std::vector<std::string> options;    // NAME:PATH=VALUE, repeatable per NAME
  std::vector<std::string> overrides;  // applied to the base and every option
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 3;
  unsigned threads = 0;
  double backlog_tolerance = 0.02;
  double p95_max_multiple = 3.0;
  std::optional<double> p95_limit_days;
  double precision = 0.01;
  std::string json_path;
  std::string csv_directory;
  bool quiet = false;
};

CLI::App* add_expand_command(CLI::App& app, ExpandArguments& args);
int expand_command(const ExpandArguments& args);

}  // namespace corridor::cli
