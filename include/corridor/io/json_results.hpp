#pragma once
// The run results as JSON, schema "corridor.run/1" (docs/results.md). Keys are stable
// and ordered; no wall-clock or host value appears, so the same run gives the same bytes.

#include <string>

#include "corridor/model/results.hpp"

namespace corridor::io {

inline constexpr const char* kRunSchema = "corridor.run/1";

[[nodiscard]] std::string to_json(const model::RunResult& result);

}  // namespace corridor::io
