#pragma once
// Checks a scenario tree against the key schema: unknown keys (with the nearest known
// key suggested), missing required keys, wrong types and out-of-range values. References
// between entries are checked later, by the builder.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "schema.hpp"

namespace corridor::scenario::detail {

void validate(const Value& root, std::vector<Diagnostic>& diagnostics);

// Strict scalar parsing: the whole text, finite values only.
[[nodiscard]] std::optional<double> parse_number(const std::string& text);
[[nodiscard]] std::optional<std::int64_t> parse_integer(const std::string& text);

using scenario::nearest;  // corridor/scenario/diagnostic.hpp

}  // namespace corridor::scenario::detail
