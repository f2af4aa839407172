#pragma once
// A facility attribute over the run: a step function of time, its starting value and
// the dated changes in force from their day on. One answer to "does this ever change,
// and what is it on day t?" for the simulation (which facilities may be booked ahead or
// flow freely), the capacity bound (the mean over the window) and the results.

#include <cstdint>
#include <vector>

#include "corridor/model/spec.hpp"

namespace corridor::model {

class Timeline {
 public:
  struct Step {
    double from_day;
    double value;
  };

  explicit Timeline(double initial) : steps_{{0.0, initial}} {}

  // From `day` on the value is `value`; a later call for the same day wins.
  void set(double day, double value);

  [[nodiscard]] bool constant() const noexcept { return steps_.size() == 1; }
  [[nodiscard]] double at(double day) const;
  // The time-weighted mean over [from_day, to_day] (its value at from_day if empty).
  [[nodiscard]] double mean(double from_day, double to_day) const;
  [[nodiscard]] const std::vector<Step>& steps() const noexcept { return steps_; }

 private:
  std::vector<Step> steps_;  // by from_day, the first from day 0
};

// A facility attribute's timeline in `spec`: its value in the scenario (0 for a
// capacity it does not have, or a node without dwell) and its dated changes, in the
// scenario's order for changes on the same day.
[[nodiscard]] Timeline timeline_of(const CorridorSpec& spec, FacilityKind facility,
                                   std::uint32_t index, Attribute attribute,
                                   std::uint32_t terminal = kNone);

// `spec` with `change` applied: the attribute takes its new value (a terminal's capacity
// in tonnes replaces one in TEU, and back). The simulation applies each change so as it
// falls due; analyses use spec_on_day.
void apply_change(CorridorSpec& spec, const AttributeChange& change);
// `spec` as it stands on `day`: every dated change up to that day applied, in day order
// (the scenario's order on one day).
[[nodiscard]] CorridorSpec spec_on_day(const CorridorSpec& spec, double day);

// Whether any attribute of the facility (a node's terminals included) has a dated change.
[[nodiscard]] bool ever_changes(const CorridorSpec& spec, FacilityKind facility,
                                std::uint32_t index);

}  // namespace corridor::model
