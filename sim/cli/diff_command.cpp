#include "diff_command.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "corridor/io/diff_report.hpp"
#include "corridor/scenario/diff.hpp"

namespace corridor::cli {

CLI::App* add_diff_command(CLI::App& app, DiffArguments& args) {
  auto* command = app.add_subcommand(
      "diff",
      "What differs between two scenarios as they would run (after extends and --set), key "
      "by key: global settings, facilities and demand, labels");
  command->add_option("scenarios", args.scenarios, "BASE ALT: scenario YAML files")
      ->required()
      ->expected(2);
  command->add_option("--set", args.overrides, "Override a value in both scenarios, PATH=VALUE")
      ->allow_extra_args(false);
  return command;
}

int diff_command(const DiffArguments& args) {
  const auto differences =
      scenario::diff_scenarios(args.scenarios[0], args.scenarios[1], args.overrides);
  std::fputs(io::format_differences(args.scenarios[0], args.scenarios[1], differences).c_str(),
             stdout);
  return 0;
}

void announce_differences(const std::vector<std::string>& files,
                          const std::vector<model::CorridorSpec>& specs,
                          const std::vector<std::string>& overrides, bool quiet) {
  for (std::size_t i = 1; i < files.size(); ++i) {
    if (!quiet) {
      const auto differences = scenario::diff_scenarios(files[0], files[i], overrides);
      std::fputs(io::format_differences(files[0], files[i], differences).c_str(), stdout);
      std::fputs("\n", stdout);
    }
    const std::string warning =
        io::global_settings_warning(files[i], scenario::global_setting_changes(specs[0], specs[i]));
    if (!warning.empty()) spdlog::warn("warning: {}", warning);
  }
}

}  // namespace corridor::cli
