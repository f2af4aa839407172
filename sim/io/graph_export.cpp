#include "corridor/io/graph_export.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

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

}  // namespace

std::string to_dot(const model::CorridorSpec& spec) {
  std::string out = fmt::format("digraph {} {{\n", dot_string(spec.name));
  out += "  node [fontname=\"Helvetica\", fontsize=10];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  for (const model::NodeSpec& node : spec.nodes) {
    std::string label = node.name.empty() ? node.id : node.name;
    if (node.capacity_mtpa) label += fmt::format("\n{:g} Mt/yr", *node.capacity_mtpa);
    out += fmt::format("  {} [label={}, kind={}, shape={}", dot_string(node.id), dot_string(label),
                       kind_name(node.kind),
                       node.kind == model::NodeKind::port     ? "box"
                       : node.kind == model::NodeKind::border ? "diamond"
                                                              : "ellipse");
    if (node.lat && node.lon) {
      out += fmt::format(", lon={:g}, lat={:g}, pos=\"{:g},{:g}!\"", *node.lon, *node.lat,
                         *node.lon * kPointsPerDegree, *node.lat * kPointsPerDegree);
    }
    out += "];\n";
  }
  for (const model::LinkSpec& link : spec.links) {
    std::string label = fmt::format("{} {:g} km", model::to_string(link.mode), link.length_km);
    if (link.capacity_mtpa) label += fmt::format("\n{:g} Mt/yr", *link.capacity_mtpa);
    out += fmt::format("  {} -> {} [id={}, label={}, mode={}, length_km={:g}, style={}{}];\n",
                       dot_string(spec.nodes[link.from].id), dot_string(spec.nodes[link.to].id),
                       dot_string(link.id), dot_string(label), model::to_string(link.mode),
                       link.length_km, link.mode == model::Mode::sea ? "dashed" : "solid",
                       link.oneway ? "" : ", dir=both");
  }
  out += "}\n";
  return out;
}

std::string to_geojson(const model::CorridorSpec& spec) {
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
  }
  const Json root{{"type", "FeatureCollection"}, {"name", spec.name}, {"features", features}};
  return root.dump(2) + "\n";
}

}  // namespace corridor::io
