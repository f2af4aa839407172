#pragma once
// The investment plan (experiment/plan.hpp) as Markdown and as JSON (schema
// "corridor.plan/1"; docs/results.md, "Investment plan").

#include <string>

#include "corridor/experiment/plan.hpp"

namespace corridor::io {

inline constexpr const char* kPlanSchema = "corridor.plan/1";

[[nodiscard]] std::string format_plan(const experiment::PlanResult& plan);
[[nodiscard]] std::string plan_json(const experiment::PlanResult& plan);

}  // namespace corridor::io
