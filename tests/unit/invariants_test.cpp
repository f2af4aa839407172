// The run invariants: a sound run passes them, and each kind of broken result or broken
// event order is caught and named.

#include "corridor/model/invariants.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "corridor/engine/simulator.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"

using corridor::model::check_invariants;
using corridor::model::InvariantViolation;
using corridor::model::RunResult;

namespace {

RunResult sound_run() {
  const auto spec = corridor::scenario::load_scenario(
      std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/two-terminal-line.yaml",
      {"scenario.horizon_days=60", "scenario.warmup_days=10"});
  return corridor::model::simulate(spec, {.seed = 3});
}

// The message check_invariants gives for `result` broken by `breakage`.
std::string violation(const std::function<void(RunResult&)>& breakage) {
  static const RunResult sound = sound_run();
  RunResult result = sound;
  breakage(result);
  try {
    check_invariants(result);
  } catch (const InvariantViolation& error) {
    return error.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a sound run passes every invariant") {
  const RunResult result = sound_run();
  REQUIRE(result.totals.delivered_lots > 0);
  CHECK_NOTHROW(check_invariants(result));
}

TEST_CASE("broken results are caught, each with what and where") {
  CHECK(contains(violation([](RunResult& r) { ++r.totals.generated_lots; }), "lots not conserved"));
  CHECK(contains(violation([](RunResult& r) { r.totals.in_system_t += 1.0; }),
                 "tonnes not conserved"));
  CHECK(contains(violation([](RunResult& r) { r.nodes[1].mean_queue_lots = -0.5; }),
                 "the mean queue of node 'b' is negative"));
  CHECK(contains(violation([](RunResult& r) { r.nodes[1].daily_queue_lots[3] = -1.0; }),
                 "a day's queue of node 'b' is negative"));
  // A negative transit time is a lot delivered before it was created.
  CHECK(contains(violation([](RunResult& r) { r.od[0].transit_days->min = -0.1; }),
                 "transit days of pair a-c is negative"));
  CHECK(contains(violation([](RunResult& r) { r.od[0].transit_days->p95 = 0.0; }),
                 "transit percentiles of pair a-c are out of order"));
  CHECK(contains(violation([](RunResult& r) { r.od[0].time_split_days->queueing += 1.0; }),
                 "the time split of pair a-c sums to"));
  CHECK(contains(violation([](RunResult& r) { r.nodes[1].utilization = 1.5; }),
                 "utilization and 1 of node 'b' are out of order"));
  CHECK(contains(violation([](RunResult& r) {
                   r.links[0].throughput_t = std::numeric_limits<double>::quiet_NaN();
                 }),
                 "throughput of link 'a-b' is nan"));
  CHECK(contains(violation([](RunResult& r) { r.totals.window_delivered_t *= 2.0; }),
                 "window and run tonnes delivered"));
  CHECK(contains(violation([](RunResult& r) { ++r.demand[0].in_system.lots; }),
                 "lots in the system at the horizon"));
  CHECK(contains(violation([](RunResult& r) { ++r.od[0].in_system.lots; }),
                 "lots in the system at the horizon"));
  CHECK(contains(violation([](RunResult& r) { r.demand[0].in_system.age_days->max = 0.0; }),
                 "oldest undelivered age of demand 'a-c' are out of order"));
}

namespace {

// An event set that hands events back last in, first out: the clock goes back.
class StackEventSet {
 public:
  void push(const corridor::engine::Event& event) { events_.push_back(event); }
  [[nodiscard]] corridor::engine::Event top() const { return events_.back(); }
  void pop() { events_.pop_back(); }
  [[nodiscard]] std::size_t size() const { return events_.size(); }
  [[nodiscard]] bool empty() const { return events_.empty(); }
  void clear() { events_.clear(); }
  void reserve(std::size_t n) { events_.reserve(n); }

 private:
  std::vector<corridor::engine::Event> events_;
};

}  // namespace

TEST_CASE("an event set out of order stops the run: the clock never goes back") {
  corridor::engine::Simulator<StackEventSet> sim;
  sim.schedule_at(1.0, 0);
  sim.schedule_at(2.0, 0);
  CHECK_THROWS_WITH(sim.run_until(10.0, [](const corridor::engine::Event&) {}),
                    "the clock went back");
}
