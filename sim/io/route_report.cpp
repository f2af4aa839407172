#include "corridor/io/route_report.hpp"

#include <fmt/format.h>

namespace corridor::io {

std::string format_routes(const model::CorridorSpec& spec,
                          const std::vector<std::vector<model::Route>>& routes) {
  std::string out =
      fmt::format("{} — candidate routes (choice: {}; value of time {:g} USD per t-h)\n", spec.name,
                  model::to_string(spec.routing.choice), spec.routing.value_of_time_usd_per_t_h);
  for (std::size_t d = 0; d < spec.demand.size(); ++d) {
    const model::DemandSpec& demand = spec.demand[d];
    out += fmt::format("\n{}: {} -> {}, {:g} Mt/yr\n", demand.id, spec.nodes[demand.origin].id,
                       spec.nodes[demand.destination].id, demand.volume_mtpa);
    out += fmt::format("  {:>2}  {:>8}  {:>9}  {:>10}  {:>9}  {:>8}  {}\n", "#", "km", "free days",
                       "gen. USD/t", "tariff", "kg CO2/t", "path");
    for (std::size_t r = 0; r < routes[d].size(); ++r) {
      const model::Route& route = routes[d][r];
      out += fmt::format("  {:>2}  {:>8.0f}  {:>9.2f}  {:>10.1f}  {:>9.1f}  {:>8.1f}  {}{}\n",
                         r + 1, route.length_km, route.free_flow_h / 24.0, route.cost_usd_per_t,
                         route.tariff_usd_per_t, route.co2_kg_per_t, model::describe(spec, route),
                         route.pinned ? "  (via)" : "");
    }
  }
  out +=
      "\ngen. USD/t: generalized cost, value of time x free-flow time + tariff (what routes "
      "rank by); tariff: the freight rates and fees alone\n";
  return out;
}

}  // namespace corridor::io
