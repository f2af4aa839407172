// An M/M/1 queue two ways, both in customers (lots) served per second:
// - BM_MM1Model: through the whole model (scenario spec -> simulate -> results), with
//   bench/scenarios/mm1.yaml: Poisson lots at rho = 0.8 through one exponential server,
//   ten simulated years per iteration, routing, statistics and result collection included;
// - BM_MM1BareLoop: the same queue as a hand-written arrival/departure event loop on a
//   std::priority_queue, with the same random streams and the mean wait kept: the most a
//   C++ program can do for this model, the yardstick for the model's overhead.
// Both report their mean wait in the label, so that a faster but wrong model shows.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <queue>
#include <string>
#include <vector>

#include "corridor/engine/event.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/model/simulate.hpp"
#include "corridor/scenario/load.hpp"

namespace {

using corridor::engine::Event;
using corridor::engine::RandomStream;

void BM_MM1Model(benchmark::State& state) {
  const auto spec = corridor::scenario::load_scenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) /
                                                      "bench/scenarios/mm1.yaml");
  std::uint64_t customers = 0;
  double wait_h = 0.0;
  for (auto _ : state) {
    const auto result = corridor::model::simulate(spec, {spec.seed, 0});
    customers += result.totals.delivered_lots;
    wait_h = result.nodes.front().mean_wait_h.value_or(0.0);
    benchmark::DoNotOptimize(result.totals.delivered_lots);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(customers));
  state.SetLabel("items = customers; mean wait " + std::to_string(wait_h) + " h (theory 0.350)");
}

struct Later {
  bool operator()(const Event& a, const Event& b) const { return runs_before(b, a); }
};

// The same rates as mm1.yaml: lots arrive at 0.8e6 / 10 / 8760 per hour, and are served
// at 1.0e6 / 10 / 8760 per hour.
constexpr double kArrivalsPerHour = 0.8e6 / 10.0 / 8760.0;
constexpr double kServicesPerHour = 1.0e6 / 10.0 / 8760.0;
constexpr double kHorizonH = 3650.0 * 24.0;

void BM_MM1BareLoop(benchmark::State& state) {
  std::uint64_t customers = 0;
  double mean_wait_h = 0.0;
  for (auto _ : state) {
    RandomStream arrivals(1, 0, "arrivals");
    RandomStream services(1, 0, "services");
    std::priority_queue<Event, std::vector<Event>, Later> events;
    std::deque<double> waiting;  // arrival times, first come first served
    bool busy = false;
    std::uint64_t sequence = 0;
    std::uint64_t served = 0;
    double total_wait_h = 0.0;
    constexpr std::uint32_t kArrival = 0;
    constexpr std::uint32_t kDeparture = 1;
    events.push(Event{arrivals.exponential(1.0 / kArrivalsPerHour), sequence++, kArrival, 0, 0});
    while (!events.empty() && events.top().time <= kHorizonH) {
      const Event event = events.top();
      events.pop();
      if (event.kind == kArrival) {
        events.push(Event{event.time + arrivals.exponential(1.0 / kArrivalsPerHour), sequence++,
                          kArrival, 0, 0});
        if (busy) {
          waiting.push_back(event.time);
        } else {
          busy = true;
          events.push(Event{event.time + services.exponential(1.0 / kServicesPerHour), sequence++,
                            kDeparture, 0, 0});
        }
      } else {
        ++served;
        if (waiting.empty()) {
          busy = false;
        } else {
          total_wait_h += event.time - waiting.front();
          waiting.pop_front();
          events.push(Event{event.time + services.exponential(1.0 / kServicesPerHour), sequence++,
                            kDeparture, 0, 0});
        }
      }
    }
    customers += served;
    mean_wait_h = total_wait_h / static_cast<double>(served);
    benchmark::DoNotOptimize(total_wait_h);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(customers));
  state.SetLabel("items = customers; mean wait " + std::to_string(mean_wait_h) +
                 " h (theory 0.350)");
}

}  // namespace

BENCHMARK(BM_MM1Model)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MM1BareLoop)->Unit(benchmark::kMillisecond);
