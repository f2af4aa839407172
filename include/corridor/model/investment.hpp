#pragma once
// An investment in service: a scenario runs without its investments (its do-nothing
// case); one enters service on an opening day, from which its changes apply as dated
// events would. The investments and the appraisal's parameters are in spec.hpp.

#include "corridor/model/spec.hpp"

namespace corridor::model {

// `spec` with `investment` in service from `opening_day`: its changes appended, dated.
[[nodiscard]] CorridorSpec with_investment(CorridorSpec spec, const InvestmentSpec& investment,
                                           double opening_day);

}  // namespace corridor::model
