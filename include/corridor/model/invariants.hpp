#pragma once
// What every run must satisfy whatever the scenario: cargo conserved, no negative queue
// or wait, no lot delivered before it was created, percentiles in order, every figure
// finite. A result that breaks one is a bug in corridor, never a finding: simulate()
// throws rather than return it.

#include <stdexcept>
#include <string>

#include "corridor/model/results.hpp"

namespace corridor::model {

struct InvariantViolation : std::logic_error {
  explicit InvariantViolation(const std::string& what)
      : std::logic_error("simulation invariant violated: " + what) {}
};

// Throws InvariantViolation naming the first broken invariant and where.
void check_invariants(const RunResult& result);

}  // namespace corridor::model
