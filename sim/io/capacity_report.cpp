#include "corridor/io/capacity_report.hpp"

#include <fmt/format.h>

#include "run_json.hpp"

namespace corridor::io {
namespace {

// The nodes and links that bind.
std::string cut_text(const std::vector<analysis::CutFacility>& cut) {
  std::string text;
  for (const auto& facility : cut) {
    text += fmt::format("{}{} {} ({:.3f} Mt/yr)", text.empty() ? "" : ", ", facility.kind,
                        facility.id, facility.capacity_mtpa);
  }
  return text.empty() ? std::string("none") : text;
}

Json cut_json(const std::vector<analysis::CutFacility>& cut) {
  Json list = Json::array();
  for (const auto& facility : cut) {
    list.push_back(Json{
        {"kind", facility.kind}, {"id", facility.id}, {"capacity_mtpa", facility.capacity_mtpa}});
  }
  return list;
}

}  // namespace

std::string format_capacity(const model::CorridorSpec& spec, const analysis::CapacityBound& bound) {
  std::string out = fmt::format(
      "{} — capacity bound over the demand entries' routes (each entry its own flow; "
      "capacities averaged over days {:g}-{:g}; closures and storms left out)\n\n",
      spec.name, spec.warmup_days, spec.horizon_days);
  if (bound.network_mtpa) {
    out +=
        fmt::format("Network: at most {:.3f} Mt/yr along the entries' routes, whatever the mix\n",
                    *bound.network_mtpa);
    out += fmt::format("  binding: {}\n", cut_text(bound.network_cut));
  } else {
    out += "Network: unbounded (a route has no capacity set anywhere along it)\n";
  }
  out += fmt::format("\nDemand: {:.3f} Mt/yr\n", bound.demand_mtpa);
  if (bound.demand_scale) {
    out += fmt::format(
        "  the routes carry at most {:.3f} times it ({:.3f} Mt/yr), every entry scaled alike\n",
        *bound.demand_scale, *bound.demand_scale * bound.demand_mtpa);
    out += fmt::format("  binding beyond that: {}\n", cut_text(bound.demand_cut));
  } else {
    out += "  any multiple of it fits the capacities\n";
  }
  return out;
}

std::string capacity_json(const model::CorridorSpec& spec, const analysis::CapacityBound& bound) {
  Json root;
  root["schema"] = kCapacitySchema;
  root["scenario"] = spec.name;
  root["network_mtpa"] = bound.network_mtpa ? Json(*bound.network_mtpa) : Json(nullptr);
  root["network_cut"] = cut_json(bound.network_cut);
  root["demand_mtpa"] = bound.demand_mtpa;
  root["demand_scale"] = bound.demand_scale ? Json(*bound.demand_scale) : Json(nullptr);
  root["demand_cut"] = cut_json(bound.demand_cut);
  return root.dump(2) + "\n";
}

}  // namespace corridor::io
