#include "corridor/analysis/network_warnings.hpp"

#include <fmt/format.h>

#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/model/effective_capacity.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/model/service_time.hpp"

namespace corridor::analysis {
namespace {

scenario::SourceLocation located(const std::map<std::string, scenario::SourceLocation>& where,
                                 const std::string& id) {
  const auto found = where.find(id);
  return found != where.end() ? found->second : scenario::SourceLocation{};
}

double mtpa(double t_per_h) {
  return t_per_h * model::kHoursPerYear / 1e6;
}

}  // namespace

std::vector<scenario::Diagnostic> network_warnings(const model::CorridorSpec& spec,
                                                   const model::CandidateRoutes& candidates,
                                                   const scenario::SourceIndex& sources) {
  std::vector<scenario::Diagnostic> warnings;
  const auto shortfall = demand_shortfall(spec, candidates);
  if (shortfall && !shortfall->cut.empty()) {
    double demand_mtpa = 0.0;
    for (const auto& demand : spec.demand) demand_mtpa += model::window_volume_mtpa(spec, demand);
    // The facilities whose capacity, raised, would let more through (up to three).
    std::string binding;
    for (std::size_t i = 0; i < shortfall->cut.size() && i < 3; ++i) {
      const CutFacility& facility = shortfall->cut[i];
      binding += fmt::format("{}{} '{}' ({:.3g} Mt/yr)", i == 0 ? "" : ", ", facility.kind,
                             facility.id, facility.capacity_mtpa);
    }
    const CutFacility& first = shortfall->cut.front();
    // A terminal is written in its node's entry: the warning points at the node.
    const std::string id =
        first.kind == "terminal" ? first.id.substr(0, first.id.find('/')) : first.id;
    warnings.push_back(
        {located(first.kind == "link" ? sources.links : sources.nodes, id),
         fmt::format("the demand ({:.3g} Mt/yr) is {:.2f} times what its routes can carry; "
                     "binding: {}; cargo will pile up there (`corridor capacity` shows the "
                     "bound)",
                     demand_mtpa, 1.0 / shortfall->carried_share, binding)});
  }
  const auto traffic = model::direction_traffic(spec, candidates);
  const auto vehicle_t_per_h =
      model::vehicle_capacity_t_per_h(spec, traffic, model::DirectionsWanted::boarded);
  for (std::uint32_t l = 0; l < spec.links.size(); ++l) {
    const model::LinkSpec& link = spec.links[l];
    if (link.vehicle == model::kNone) continue;
    const model::VehicleSpec& vehicle = spec.vehicles[link.vehicle];
    if (vehicle.fleet || sources.vehicles_setting_loading_positions.count(vehicle.id) != 0) {
      continue;
    }
    for (std::uint32_t d = 0; d < 2; ++d) {
      const double carry_t_per_h = vehicle_t_per_h[2 * l + d];
      const double routed_t_per_h = traffic[2 * l + d].lots_per_h * traffic[2 * l + d].lot_t(spec);
      const bool capped_lower =
          link.capacity_mtpa && model::tonnes_per_hour(*link.capacity_mtpa) <= carry_t_per_h;
      if (carry_t_per_h <= 0.0 || capped_lower || routed_t_per_h <= carry_t_per_h) continue;
      warnings.push_back(
          {located(sources.links, link.id),
           fmt::format("link '{}': vehicle '{}' loads one at a time at each end "
                       "(loading_positions defaults to 1), so it carries at most {:.3g} Mt/yr "
                       "a way, below the {:.3g} Mt/yr routed over it; set loading_positions "
                       "(tracks, berths) on the vehicle if more can load at once",
                       link.id, vehicle.id, mtpa(carry_t_per_h), mtpa(routed_t_per_h))});
      break;
    }
  }
  return warnings;
}

}  // namespace corridor::analysis
