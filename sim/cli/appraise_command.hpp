#pragma once
// `corridor appraise SCENARIO`: what each of the scenario's investments is worth against
// its do-nothing case (NPV, BCR, EIRR, payback year), and what a set of them is worth
// together.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

struct AppraiseArguments {
  std::string scenario;
  std::vector<std::string> overrides;
  std::vector<std::string> together;  // investment ids, or "all"
  std::optional<std::uint64_t> seed;
  std::uint32_t replications = 10;
  unsigned threads = 0;
  std::string json_path;
  std::string csv_directory;
  bool quiet = false;
};

CLI::App* add_appraise_command(CLI::App& app, AppraiseArguments& args);
int appraise_command(const AppraiseArguments& args);

}  // namespace corridor::cli
