#pragma once
// How tests that run every bundled scenario run the long ones: the sixteen-year
// outlooks run their first five years (2025-2029, up to their last project on 1 January
// 2030: a dated event past the end of a run is an error), which hold every project and
// a year cut into periods either side of each. Whole, they take seconds each, minutes
// under the sanitizers; bench/ runs them whole (BM_Outlook), and tools/update-golden.py
// runs them as the golden test does. The appraisal on the outlook runs alike: a run
// is its do-nothing case, its investments left out.

#include <filesystem>
#include <string>
#include <vector>

namespace corridor::testing {

inline std::vector<std::string> bundled_run_overrides(const std::filesystem::path& scenario) {
  const std::string name = scenario.filename().string();
  if (name.rfind("outlook-", 0) == 0 || name.rfind("appraisal-", 0) == 0) {
    return {"scenario.horizon_days=1826"};
  }
  return {};
}

}  // namespace corridor::testing
