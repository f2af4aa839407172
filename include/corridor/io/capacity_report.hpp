#pragma once
// The analytical capacity bound (analysis/capacity_bound.hpp) for people and as JSON
// (schema "corridor.capacity/1").

#include <string>

#include "corridor/analysis/capacity_bound.hpp"

namespace corridor::io {

inline constexpr const char* kCapacitySchema = "corridor.capacity/1";

[[nodiscard]] std::string format_capacity(const model::CorridorSpec& spec,
                                          const analysis::CapacityBound& bound);
[[nodiscard]] std::string capacity_json(const model::CorridorSpec& spec,
                                        const analysis::CapacityBound& bound);

}  // namespace corridor::io
