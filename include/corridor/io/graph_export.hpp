#pragma once
// The network as a picture's input: Graphviz DOT, or GeoJSON for GIS tools (QGIS). Nodes
// carry their coordinates, kind and capacity; links their mode, length, speed, capacity
// and vehicle. `corridor graph` writes these.

#include <map>
#include <optional>
#include <string>

#include "corridor/model/spec.hpp"

namespace corridor::io {

// Simulated flows to draw on the network, by node and link id.
struct FacilityFlow {
  double throughput_mtpa = 0.0;
  std::optional<double> utilization;
};
struct SimulatedFlows {
  std::map<std::string, FacilityFlow> nodes;
  std::map<std::string, FacilityFlow> links;
};

// The flows of a results document (`corridor run --json`, single or replicated; the
// means are taken). Throws std::runtime_error with the reason if it is not one.
[[nodiscard]] SimulatedFlows flows_from_results(const std::string& json_text);

// A directed graph; a two-way link is one edge drawn with arrows at both ends. Nodes with
// coordinates carry lon and lat and are pinned at 40 points per degree, so
// `neato -n -Tsvg` draws the corridor as on a map. With `flows`, nodes and edges carry
// throughput_mtpa and utilization, labels say what was carried, and edge width grows
// with throughput.
[[nodiscard]] std::string to_dot(const model::CorridorSpec& spec,
                                 const SimulatedFlows* flows = nullptr);

// A FeatureCollection: a Point per node, a LineString per link, coordinates as
// [longitude, latitude]. A node without coordinates (or a link touching one) has a null
// geometry and keeps its properties. With `flows`, features gain throughput_mtpa and
// utilization properties (null where the results have none).
[[nodiscard]] std::string to_geojson(const model::CorridorSpec& spec,
                                     const SimulatedFlows* flows = nullptr);

}  // namespace corridor::io
