#include "corridor/experiment/sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "corridor/experiment/replications.hpp"
#include "corridor/model/simulate.hpp"
#include "shared_route_plans.hpp"

namespace corridor::experiment {
namespace {

// Splits "PATH=REST" at the first '='.
std::pair<std::string, std::string> split_assignment(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
    throw GridError(fmt::format("'{}' is not PATH=VALUES", text));
  }
  return {text.substr(0, equals), text.substr(equals + 1)};
}

double parse_number(const std::string& text, const std::string& whole) {
  std::size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !std::isfinite(value)) {
    throw GridError(fmt::format("'{}' in '{}' is not a number", text, whole));
  }
  return value;
}

}  // namespace

SweepAxis parse_value_list(const std::string& text) {
  auto [path, rest] = split_assignment(text);
  SweepAxis axis{path, {}};
  int depth = 0;
  std::string value;
  for (const char c : rest) {
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if (c == ',' && depth == 0) {
      axis.values.push_back(value);
      value.clear();
    } else {
      value += c;
    }
  }
  axis.values.push_back(value);
  for (const auto& v : axis.values) {
    if (v.empty()) throw GridError(fmt::format("an empty value in '{}'", text));
  }
  return axis;
}

SweepAxis parse_range(const std::string& text) {
  auto [path, rest] = split_assignment(text);
  const auto first = rest.find(':');
  const auto second = first == std::string::npos ? first : rest.find(':', first + 1);
  if (second == std::string::npos || rest.find(':', second + 1) != std::string::npos) {
    throw GridError(fmt::format("'{}' is not PATH=FROM:TO:STEP", text));
  }
  const double from = parse_number(rest.substr(0, first), text);
  const double to = parse_number(rest.substr(first + 1, second - first - 1), text);
  const double step = parse_number(rest.substr(second + 1), text);
  if (!(step > 0.0)) throw GridError(fmt::format("the step in '{}' must be above 0", text));
  if (to < from) throw GridError(fmt::format("TO is below FROM in '{}'", text));
  const double steps = std::floor((to - from) / step + 1e-6);
  if (steps >= 100000.0) throw GridError(fmt::format("'{}' makes over 100000 values", text));
  // Values are written with as many decimals as FROM and STEP carry, so that 0.9 + 3 x 0.1
  // reads 1.2 and not 1.2000000000000002.
  const auto decimals_of = [](const std::string& number_text) {
    const auto dot = number_text.find('.');
    if (dot == std::string::npos) return 0;
    const auto exponent = number_text.find_first_of("eE", dot);
    return static_cast<int>((exponent == std::string::npos ? number_text.size() : exponent) - dot -
                            1);
  };
  const int decimals =
      std::max(decimals_of(rest.substr(0, first)), decimals_of(rest.substr(second + 1)));
  SweepAxis axis{path, {}};
  for (int i = 0; i <= static_cast<int>(steps); ++i) {
    std::string value = fmt::format("{:.{}f}", from + i * step, decimals);
    if (value == "-0") value = "0";
    axis.values.push_back(value);
  }
  return axis;
}

std::vector<std::vector<std::string>> grid_points(const std::vector<SweepAxis>& axes) {
  std::vector<std::vector<std::string>> points{{}};
  for (const auto& axis : axes) {
    std::vector<std::vector<std::string>> next;
    for (const auto& point : points) {
      for (const auto& value : axis.values) {
        auto extended = point;
        extended.push_back(axis.path + "=" + value);
        next.push_back(std::move(extended));
      }
    }
    if (next.size() > 1000000) throw GridError("the grid has over a million points");
    points = std::move(next);
  }
  return points;
}

std::size_t run_sweep(
    const std::vector<SweepPoint>& points, const SweepPlan& plan,
    const std::function<void(const SweepPoint&, const std::vector<model::RunResult>&)>& sink) {
  const std::size_t replications = plan.replications;
  std::vector<std::vector<model::RunResult>> runs(points.size());
  for (auto& point_runs : runs) point_runs.resize(replications);
  std::vector<std::size_t> finished(points.size(), 0);
  std::size_t next_to_sink = 0;
  std::mutex sink_mutex;
  detail::SharedRoutePlans route_plans(points.size());
  run_parallel(
      points.size() * replications, plan.threads,
      [&](std::size_t job) {
        const std::size_t p = job / replications;
        const std::size_t r = job % replications;
        const auto& spec = points[p].spec;
        runs[p][r] = model::simulate(spec, route_plans.of(p, spec),
                                     model::RunOptions{plan.seed.value_or(spec.seed), r});
        const std::lock_guard lock(sink_mutex);
        ++finished[p];
        // Hand over every point now complete whose predecessors are all handed over.
        while (next_to_sink < points.size() && finished[next_to_sink] == replications) {
          sink(points[next_to_sink], runs[next_to_sink]);
          runs[next_to_sink].clear();
          runs[next_to_sink].shrink_to_fit();
          route_plans.release(next_to_sink);
          ++next_to_sink;
        }
      },
      plan.on_progress, plan.cancel);
  return next_to_sink;
}

}  // namespace corridor::experiment
