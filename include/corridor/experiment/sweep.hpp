#pragma once
// Sweeps: a grid of scenario variants (the product of every varied parameter's values),
// each run for R replications. Points are handed to a sink strictly in grid order as
// they complete, so a file written point by point is the same whatever the thread
// count, and an interrupted sweep leaves a prefix of it that --resume can extend.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::experiment {

// A parameter and the values it takes, as override text (PATH=VALUE for each value).
struct SweepAxis {
  std::string path;
  std::vector<std::string> values;
};

struct GridError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "PATH=V1,V2,..." (commas inside braces or brackets belong to the value).
[[nodiscard]] SweepAxis parse_value_list(const std::string& text);
// "PATH=FROM:TO:STEP", FROM to TO inclusive (to a millionth of a step), STEP > 0.
[[nodiscard]] SweepAxis parse_range(const std::string& text);

// Every point's overrides ("PATH=VALUE", one per axis), the first axis varying slowest.
[[nodiscard]] std::vector<std::vector<std::string>> grid_points(const std::vector<SweepAxis>& axes);

struct SweepPoint {
  std::size_t index = 0;  // in the whole grid
  model::CorridorSpec spec;
};

struct SweepPlan {
  std::optional<std::uint64_t> seed;  // default: each point's scenario seed
  std::uint32_t replications = 1;
  unsigned threads = 0;
  const std::atomic<bool>* cancel = nullptr;  // set: no new run starts
  std::function<void(std::size_t, std::size_t)> on_progress;
};

// Runs the points (a grid, or what is left of one) and calls `sink(point, runs)` for
// each in the order given, one call at a time. Returns the number of points sunk: all
// of them unless cancelled.
std::size_t run_sweep(
    const std::vector<SweepPoint>& points, const SweepPlan& plan,
    const std::function<void(const SweepPoint&, const std::vector<model::RunResult>&)>& sink);

}  // namespace corridor::experiment
