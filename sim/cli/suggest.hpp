#pragma once
// "did you mean": the nearest command or option to a mistyped one, for CLI11's parse
// errors (`corridor rn` -> run, `corridor run --sed 3` -> --seed).

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

// The command or option name nearest `word`, as the scenario's errors suggest keys
// (scenario::nearest).
[[nodiscard]] std::optional<std::string> nearest_name(const std::string& word,
                                                      const std::vector<std::string>& candidates);

// For arguments CLI11 refused: " ('rn' is not a command; did you mean 'run'?)" for a
// mistyped command, " (did you mean '--seed'?)" for a mistyped option of the command
// given, or empty.
[[nodiscard]] std::string did_you_mean(const CLI::App& app, int argc, const char* const* argv);

}  // namespace corridor::cli
