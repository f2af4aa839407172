// One berth between two terminals, built in code and simulated through the installed
// corridor library: its mean wait against the M/M/1 formula, the check corridor's own
// validation tests make. Prints both and exits 1 if they disagree beyond 10 %.

#include <cmath>
#include <corridor/analysis/queueing_theory.hpp>
#include <corridor/model/simulate.hpp>
#include <corridor/model/spec.hpp>
#include <cstdio>

namespace model = corridor::model;

int main() {
  constexpr double capacity_mtpa = 1.0;
  constexpr double demand_mtpa = 0.7;
  constexpr double lot_t = 10.0;

  model::CorridorSpec spec;
  spec.name = "one berth";
  spec.horizon_days = 3650.0;
  spec.warmup_days = 100.0;
  spec.classes.front().lot_t = lot_t;
  for (const char* id : {"origin", "berth", "destination"}) {
    model::NodeSpec node;
    node.id = id;
    spec.nodes.push_back(node);
  }
  spec.nodes[1].capacity_mtpa = capacity_mtpa;
  spec.nodes[1].service = model::DistributionKind::exponential;
  for (std::uint32_t from : {0U, 1U}) {
    model::LinkSpec link;
    link.id = spec.nodes[from].id + "-" + spec.nodes[from + 1].id;
    link.from = from;
    link.to = from + 1;
    link.length_km = 100.0;
    link.speed_kmh = 50.0;
    spec.links.push_back(link);
  }
  model::DemandSpec demand;
  demand.id = "origin-destination";
  demand.origin = 0;
  demand.destination = 2;
  demand.volume_mtpa = demand_mtpa;
  spec.demand.push_back(demand);

  const model::RunResult result = model::simulate(spec, model::RunOptions{.seed = 42});
  const double arrivals_per_h = model::tonnes_per_hour(demand_mtpa) / lot_t;
  const double services_per_h = model::tonnes_per_hour(capacity_mtpa) / lot_t;
  const double theory_h = corridor::analysis::mm1_wait_h(arrivals_per_h, services_per_h);
  const double simulated_h = result.nodes[1].mean_wait_h.value_or(0.0);
  std::printf("berth at %.0f %% utilization: mean wait %.2f h simulated, %.2f h by M/M/1\n",
              100.0 * demand_mtpa / capacity_mtpa, simulated_h, theory_h);
  return std::abs(simulated_h - theory_h) <= 0.1 * theory_h ? 0 : 1;
}
