#pragma once
// Synthetic networks for measuring how the simulator scales: a square grid or a random
// geometric graph, with ports whose outgoing link is a ferry with a fleet, gate links
// with a capacity, block trains with unlimited stock, and origin-destination demand.
// The result is a scenario in the YAML format users write, so the same file runs
// through `corridor run` and `corridor routes` and through the benchmarks.

#include <cstdint>
#include <string>

namespace corridor::synthetic {

enum class Layout {
  grid,       // side x side nodes, each joined to its right and lower neighbour
  geometric,  // nodes at random in a square, joined when closer than radius_km
};

struct NetworkShape {
  Layout layout = Layout::grid;
  std::uint32_t side = 20;       // grid: nodes per row and column
  std::uint32_t nodes = 400;     // geometric: nodes
  double radius_km = 250.0;      // geometric: longest link
  double spacing_km = 100.0;     // grid: mean link length
  double spread = 0.2;           // grid: lengths vary by up to this share either way (0: all equal)
  std::uint32_t port_every = 7;  // every n-th node is a port with a ferry out of it
  std::uint32_t gate_every = 5;  // every n-th plain link has a capacity
  std::uint32_t train_every = 4;     // every n-th plain link runs block trains
  std::uint32_t demand_entries = 0;  // 0: half the node count
  double volume_mtpa = 0.05;         // each entry's flow
  std::uint32_t k = 3;               // candidate routes per entry
  std::string choice = "adaptive";   // routes.choice
  double horizon_days = 365.0;
  std::uint64_t seed = 1;  // the layout's and the demand's draws (the scenario's seed too)
};

// The scenario, as YAML text. The same shape and seed give the same text.
[[nodiscard]] std::string scenario_yaml(const NetworkShape& shape);

// "grid 40 x 40: 1600 nodes, 3120 links, 800 demand entries": what scenario_yaml built.
[[nodiscard]] std::string describe(const NetworkShape& shape);

}  // namespace corridor::synthetic
