#pragma once
// The shape of the tests of dated changes: a two-year run cut into years, with changes
// on the first day of the second, so each year's results show the value in force.

#include <cstdint>

#include "support/corridor_builder.hpp"

namespace corridor::testing {

inline constexpr double kYear = 365.0;

inline CorridorBuilder two_years(double lot_t) {
  CorridorBuilder corridor(2.0 * kYear, 0.0, lot_t);
  corridor.spec().report_periods = model::PeriodLength::year;
  return corridor;
}

inline void change_on_new_year(CorridorBuilder& corridor, model::FacilityKind facility,
                               std::uint32_t index, model::Attribute attribute, double value,
                               std::uint32_t terminal = model::kNone) {
  corridor.spec().changes.push_back(
      model::AttributeChange{kYear, facility, index, value, attribute, terminal});
}

}  // namespace corridor::testing
