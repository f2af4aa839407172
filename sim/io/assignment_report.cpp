#include "corridor/io/assignment_report.hpp"

#include <fmt/format.h>

namespace corridor::io {

std::string format_assignment(const model::CorridorSpec& spec,
                              const std::vector<std::vector<model::Route>>& candidates,
                              const analysis::AssignmentResult& assignment) {
  std::string out = fmt::format(
      "{} — static assignment (Frank-Wolfe): {} after {} iterations, relative gap {:.2e}\n",
      spec.name, assignment.converged ? "converged" : "NOT converged", assignment.iterations,
      assignment.relative_gap);
  for (std::size_t d = 0; d < spec.demand.size(); ++d) {
    const model::DemandSpec& demand = spec.demand[d];
    out += fmt::format("\n{}: {} -> {}, {:g} Mt/yr\n", demand.id, spec.nodes[demand.origin].id,
                       spec.nodes[demand.destination].id, demand.volume_mtpa);
    out += fmt::format("  {:>2}  {:>8}  {:>6}  {:>10}  {}\n", "#", "Mt/yr", "share", "gen. USD/t",
                       "path");
    for (std::size_t r = 0; r < candidates[d].size(); ++r) {
      const analysis::AssignedRoute& route = assignment.routes[d][r];
      out += fmt::format("  {:>2}  {:>8.3f}  {:>5.1f}%  {:>10.1f}  {}\n", r + 1, route.flow_mtpa,
                         route.share * 100.0, route.cost_usd_per_t,
                         model::describe(spec, candidates[d][r]));
    }
  }
  out += fmt::format("\n{:<24}  {:>8}  {:>8}  {:>11}  {:>8}\n", "Facility", "Mt/yr", "capacity",
                     "utilization", "delay h");
  for (const analysis::FacilityLoad& facility : assignment.facilities) {
    if (facility.flow_mtpa <= 0.0) continue;
    out +=
        fmt::format("{:<24}  {:>8.3f}  {:>8.3f}  {:>10.1f}%  {:>8.2f}\n",
                    facility.kind + " " + facility.id, facility.flow_mtpa, facility.capacity_mtpa,
                    facility.flow_mtpa / facility.capacity_mtpa * 100.0, facility.delay_h);
  }
  return out;
}

}  // namespace corridor::io
