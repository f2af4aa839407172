#include "suggest.hpp"

#include <algorithm>
#include <string_view>

#include "corridor/scenario/diagnostic.hpp"

namespace corridor::cli {
namespace {

std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  return names;
}

}  // namespace

std::optional<std::string> nearest_name(const std::string& word,
                                        const std::vector<std::string>& candidates) {
  const std::vector<std::string_view> views(candidates.begin(), candidates.end());
  const auto found = scenario::nearest(word, views);
  return found ? std::optional<std::string>(*found) : std::nullopt;
}

std::string did_you_mean(const CLI::App& app, int argc, const char* const* argv) {
  const auto given = app.get_subcommands();
  if (given.empty()) {
    // No command recognised: the first word that is not an option names one.
    for (int i = 1; i < argc; ++i) {
      const std::string word = argv[i];
      if (word.empty() || word[0] == '-') continue;
      const auto found = nearest_name(word, command_names(app));
      return " ('" + word + "' is not a command" +
             (found ? "; did you mean '" + *found + "'?)" : std::string(")"));
    }
    return "";
  }
  const CLI::App& command = *given.front();
  const auto known = option_names(command);
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) != 0) continue;
    word = word.substr(0, word.find('='));
    if (std::find(known.begin(), known.end(), word) != known.end()) continue;
    const auto found = nearest_name(word, known);
    if (found) return " (did you mean '" + *found + "'?)";
  }
  return "";
}

}  // namespace corridor::cli
