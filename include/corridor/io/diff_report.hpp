#pragma once
// `corridor diff` as text: what differs between two scenarios as they would run, global
// settings first (they change every result), then facilities and demand, then labels.

#include <string>
#include <vector>

#include "corridor/scenario/diff.hpp"

namespace corridor::io {

[[nodiscard]] std::string format_differences(
    const std::string& base_name, const std::string& alternative_name,
    const std::vector<scenario::KeyDifference>& differences);

// The warning `compare` and `report` give when an alternative differs from the base in
// more than facilities and demand, or empty: "the alternatives differ in more than
// facilities: routes.choice shortest → adaptive".
[[nodiscard]] std::string global_settings_warning(const std::string& alternative_name,
                                                  const std::vector<std::string>& changes);

}  // namespace corridor::io
