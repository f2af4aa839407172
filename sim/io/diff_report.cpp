#include "corridor/io/diff_report.hpp"

#include <fmt/format.h>

namespace corridor::io {
namespace {

using scenario::KeyDifference;

std::string line(const KeyDifference& difference) {
  switch (difference.change) {
    case KeyDifference::Change::added:
      return fmt::format("  + {}: {}    ({})\n", difference.path, difference.alternative_value,
                         difference.alternative_location);
    case KeyDifference::Change::removed:
      return fmt::format("  - {}: {}    ({})\n", difference.path, difference.base_value,
                         difference.base_location);
    case KeyDifference::Change::changed:
      return fmt::format("  ~ {}: {} → {}    ({} → {})\n", difference.path, difference.base_value,
                         difference.alternative_value, difference.base_location,
                         difference.alternative_location);
  }
  return {};
}

}  // namespace

std::string format_differences(const std::string& base_name, const std::string& alternative_name,
                               const std::vector<KeyDifference>& differences) {
  std::string text = fmt::format(
      "What differs from {} to {} as they would run, after extends and --set (+ only in "
      "the second, - only in the first, ~ changed):\n",
      base_name, alternative_name);
  const struct {
    KeyDifference::Group group;
    const char* title;
  } sections[] = {
      {KeyDifference::Group::global, "Global settings (they change every result)"},
      {KeyDifference::Group::facilities, "Facilities and demand"},
      {KeyDifference::Group::labels, "Labels"},
  };
  for (const auto& section : sections) {
    std::string lines;
    for (const KeyDifference& difference : differences) {
      if (difference.group == section.group) lines += line(difference);
    }
    text += fmt::format("{}:{}\n{}", section.title, lines.empty() ? " the same" : "", lines);
  }
  return text;
}

std::string global_settings_warning(const std::string& alternative_name,
                                    const std::vector<std::string>& changes) {
  if (changes.empty()) return {};
  std::string list;
  for (const std::string& change : changes) list += (list.empty() ? "" : "; ") + change;
  return fmt::format(
      "{} differs from the base in more than facilities: {} (a comparison should change one "
      "thing; give it a control that differs only in what is studied)",
      alternative_name, list);
}

}  // namespace corridor::io
