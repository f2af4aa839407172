#include "corridor/io/graph_export.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace corridor::io {
namespace {

using Json = nlohmann::ordered_json;

// Graphviz positions are in points; a degree of latitude or longitude drawn this long
// keeps a corridor some 80 degrees wide on a page (plate carree, north up).
constexpr double kPointsPerDegree = 40.0;

std::string dot_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";  // DOT's line break in a label
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

const char* kind_name(model::NodeKind kind) {
  return model::to_string(kind);
}

template <class T>
Json optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json point(const model::NodeSpec& node) {
  if (!node.lat || !node.lon) return nullptr;
  return Json{{"type", "Point"}, {"coordinates", {*node.lon, *node.lat}}};
}

const FacilityFlow* find_flow(const std::map<std::string, FacilityFlow>* map,
                              const std::string& id) {
  if (map == nullptr) return nullptr;
  const auto found = map->find(id);
  return found == map->end() ? nullptr : &found->second;
}

void add_flow_properties(Json& properties, const SimulatedFlows* flows, const FacilityFlow* flow) {
  if (flows == nullptr) return;
  properties["throughput_mtpa"] = flow ? Json(flow->throughput_mtpa) : Json(nullptr);
  properties["utilization"] = flow ? optional(flow->utilization) : Json(nullptr);
}

}  // namespace

SimulatedFlows flows_from_results(const std::string& json_text) {
  const Json root = Json::parse(json_text, nullptr, false);
  if (root.is_discarded() || !root.is_object()) {
    throw std::runtime_error("not a JSON document");
  }
  const std::string schema = root.value("schema", "");
  if (schema != "corridor.run/1" && schema != "corridor.replications/1") {
    throw std::runtime_error("not a results document of `corridor run --json` (schema '" + schema +
                             "')");
  }
  SimulatedFlows flows;
  for (const auto& [section, target] :
       {std::pair{"nodes", &flows.nodes}, std::pair{"links", &flows.links}}) {
    for (const auto& facility : root.at(section)) {
      FacilityFlow flow;
      flow.throughput_mtpa = facility.at("throughput_mtpa").get<double>();
      if (facility.at("utilization").is_number()) {
        flow.utilization = facility.at("utilization").get<double>();
      }
      (*target)[facility.at("id").get<std::string>()] = flow;
    }
  }
  return flows;
}

std::string to_dot(const model::CorridorSpec& spec, const SimulatedFlows* flows) {
  std::string out = fmt::format("digraph {} {{\n", dot_string(spec.name));
  out += "  node [fontname=\"Helvetica\", fontsize=10];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  for (const model::NodeSpec& node : spec.nodes) {
    std::string label = node.name.empty() ? node.id : node.name;
    if (node.capacity_mtpa) label += fmt::format("\n{:g} Mt/yr", *node.capacity_mtpa);
    const FacilityFlow* flow = find_flow(flows ? &flows->nodes : nullptr, node.id);
    if (flow) label += fmt::format("\ncarried {:.2f} Mt/yr", flow->throughput_mtpa);
    out += fmt::format("  {} [label={}, kind={}, shape={}", dot_string(node.id), dot_string(label),
                       kind_name(node.kind),
                       node.kind == model::NodeKind::port     ? "box"
                       : node.kind == model::NodeKind::border ? "diamond"
                                                              : "ellipse");
    if (flow) {
      out += fmt::format(", throughput_mtpa={:g}", flow->throughput_mtpa);
      if (flow->utilization) out += fmt::format(", utilization={:g}", *flow->utilization);
    }
    if (node.lat && node.lon) {
      out += fmt::format(", lon={:g}, lat={:g}, pos=\"{:g},{:g}!\"", *node.lon, *node.lat,
                         *node.lon * kPointsPerDegree, *node.lat * kPointsPerDegree);
    }
    out += "];\n";
  }
  for (const model::LinkSpec& link : spec.links) {
    std::string label = fmt::format("{} {:g} km", model::to_string(link.mode), link.length_km);
    if (link.capacity_mtpa) label += fmt::format("\n{:g} Mt/yr", *link.capacity_mtpa);
    const FacilityFlow* flow = find_flow(flows ? &flows->links : nullptr, link.id);
    std::string extra;
    if (flow) {
      label += fmt::format("\ncarried {:.2f} Mt/yr", flow->throughput_mtpa);
      // Wider for more cargo: 1 point plus 1 per Mt/yr.
      extra += fmt::format(", throughput_mtpa={:g}, penwidth={:.2f}", flow->throughput_mtpa,
                           1.0 + flow->throughput_mtpa);
      if (flow->utilization) extra += fmt::format(", utilization={:g}", *flow->utilization);
    }
    out += fmt::format("  {} -> {} [id={}, label={}, mode={}, length_km={:g}, style={}{}{}];\n",
                       dot_string(spec.nodes[link.from].id), dot_string(spec.nodes[link.to].id),
                       dot_string(link.id), dot_string(label), model::to_string(link.mode),
                       link.length_km, link.mode == model::Mode::sea ? "dashed" : "solid",
                       link.oneway ? "" : ", dir=both", extra);
  }
  out += "}\n";
  return out;
}

std::string to_geojson(const model::CorridorSpec& spec, const SimulatedFlows* flows) {
  Json features = Json::array();
  for (const model::NodeSpec& node : spec.nodes) {
    features.push_back(Json{{"type", "Feature"},
                            {"geometry", point(node)},
                            {"properties",
                             {{"feature", "node"},
                              {"id", node.id},
                              {"name", node.name.empty() ? node.id : node.name},
                              {"kind", kind_name(node.kind)},
                              {"capacity_mtpa", optional(node.capacity_mtpa)},
                              {"servers", node.servers}}}});
    add_flow_properties(features.back()["properties"], flows,
                        find_flow(flows ? &flows->nodes : nullptr, node.id));
  }
  for (const model::LinkSpec& link : spec.links) {
    const model::NodeSpec& from = spec.nodes[link.from];
    const model::NodeSpec& to = spec.nodes[link.to];
    Json geometry = nullptr;
    if (from.lat && from.lon && to.lat && to.lon) {
      geometry = Json{{"type", "LineString"},
                      {"coordinates", {{*from.lon, *from.lat}, {*to.lon, *to.lat}}}};
    }
    features.push_back(
        Json{{"type", "Feature"},
             {"geometry", geometry},
             {"properties",
              {{"feature", "link"},
               {"id", link.id},
               {"from", from.id},
               {"to", to.id},
               {"mode", model::to_string(link.mode)},
               {"length_km", link.length_km},
               {"speed_kmh", link.speed_kmh},
               {"capacity_mtpa", optional(link.capacity_mtpa)},
               {"vehicle", link.vehicle == model::kNone ? Json(nullptr)
                                                        : Json(spec.vehicles[link.vehicle].id)},
               {"oneway", link.oneway}}}});
    add_flow_properties(features.back()["properties"], flows,
                        find_flow(flows ? &flows->links : nullptr, link.id));
  }
  const Json root{{"type", "FeatureCollection"}, {"name", spec.name}, {"features", features}};
  return root.dump(2) + "\n";
}

}  // namespace corridor::io
