#include "corridor/io/capacity_explain.hpp"

#include <fmt/format.h>

#include "corridor/model/effective_capacity.hpp"
#include "corridor/model/routing.hpp"

namespace corridor::io {
namespace {

double mtpa(double t_per_h) {
  return t_per_h * model::kHoursPerYear / 1e6;
}

// What a direction's vehicles carry, and why.
std::string vehicle_reason(const model::VehicleSpec& vehicle,
                           const scenario::SourceIndex& sources) {
  if (vehicle.fleet) {
    return fmt::format("a fleet of {} x {} lots, by its shuttle cycle", *vehicle.fleet,
                       vehicle.capacity_lots);
  }
  const bool defaulted = sources.vehicles_setting_loading_positions.count(vehicle.id) == 0;
  return fmt::format("{} loading position{}{} x {} lots every {:g} h of loading",
                     vehicle.loading_positions, vehicle.loading_positions == 1 ? "" : "s",
                     defaulted ? " (the default)" : "", vehicle.capacity_lots, vehicle.load_h);
}

}  // namespace

std::string explain_capacities(const model::CorridorSpec& spec,
                               const scenario::SourceIndex& sources) {
  const auto candidates = model::plan_routes(spec);
  const auto traffic = model::direction_traffic(spec, candidates);
  const auto vehicle_t_per_h =
      model::vehicle_capacity_t_per_h(spec, traffic, model::DirectionsWanted::every);
  std::string out =
      "Effective capacities, Mt/yr, and what sets them (docs/results.md, "
      "\"Utilization\"); routed: the demand's free-flow traffic\n\nNodes\n";
  for (const model::NodeSpec& node : spec.nodes) {
    if (!node.capacity_mtpa) {
      out += fmt::format("  {:<24} unlimited (no capacity_mtpa)\n", node.id);
    } else {
      out += fmt::format("  {:<24} {:>8.3f}  capacity_mtpa, {} server{}\n", node.id,
                         *node.capacity_mtpa, node.servers, node.servers == 1 ? "" : "s");
    }
    // Its terminals, in Mt/yr of each class they serve.
    for (const model::TerminalSpec& terminal : node.terminals) {
      for (std::uint32_t c = 0; c < spec.classes.size(); ++c) {
        if (!terminal.classes[c]) continue;
        const std::string what =
            terminal.capacity_teu_per_year
                ? fmt::format("{:g} TEU/yr of {} ({:g} t per TEU)", *terminal.capacity_teu_per_year,
                              spec.classes[c].id,
                              spec.classes[c].lot_t / *spec.classes[c].teu_per_lot)
                : fmt::format("capacity_mtpa, for {}", spec.classes[c].id);
        out += fmt::format("    {:<22} {:>8.3f}  {}, {} server{}\n", "/" + terminal.id,
                           spec.terminal_capacity_mtpa(terminal, c), what, terminal.servers,
                           terminal.servers == 1 ? "" : "s");
      }
    }
  }
  out += "\nLink directions\n";
  for (std::uint32_t l = 0; l < spec.links.size(); ++l) {
    const model::LinkSpec& link = spec.links[l];
    for (std::uint32_t d = 0; d < 2; ++d) {
      if (d == 1 && link.oneway) continue;
      const std::string name = fmt::format("{} {}", link.id, d == 0 ? "->" : "<-");
      const double routed = mtpa(traffic[2 * l + d].lots_per_h * traffic[2 * l + d].lot_t(spec));
      const std::string routed_text =
          traffic[2 * l + d].boarded ? fmt::format("  routed {:.3f}", routed) : "";
      const double carry_t_per_h = vehicle_t_per_h[2 * l + d];
      const std::optional<double> cap_t_per_h =
          link.capacity_mtpa ? std::optional<double>(model::tonnes_per_hour(*link.capacity_mtpa))
                             : std::nullopt;
      const double effective = model::effective_t_per_h(cap_t_per_h, carry_t_per_h);
      std::string reason;
      if (effective <= 0.0) {
        reason = "unlimited (no capacity_mtpa, no vehicle limit)";
      } else if (cap_t_per_h && (carry_t_per_h <= 0.0 || *cap_t_per_h <= carry_t_per_h)) {
        reason = "capacity_mtpa (a departure cap)";
        if (carry_t_per_h > 0.0) {
          reason += fmt::format("; vehicles would carry {:.3f}", mtpa(carry_t_per_h));
        }
      } else {
        reason = "vehicle '" + spec.vehicles[link.vehicle].id +
                 "': " + vehicle_reason(spec.vehicles[link.vehicle], sources);
        if (cap_t_per_h) reason += fmt::format("; capacity_mtpa {:.3f}", *link.capacity_mtpa);
      }
      out +=
          effective > 0.0
              ? fmt::format("  {:<24} {:>8.3f}  {}{}\n", name, mtpa(effective), reason, routed_text)
              : fmt::format("  {:<24} {:>8}  {}{}\n", name, "-", reason, routed_text);
    }
  }
  return out;
}

}  // namespace corridor::io
