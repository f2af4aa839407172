#pragma once
// The network as a picture's input: Graphviz DOT, or GeoJSON for GIS tools (QGIS). Nodes
// carry their coordinates, kind and capacity; links their mode, length, speed, capacity
// and vehicle. `corridor graph` writes these.

#include <string>

#include "corridor/model/spec.hpp"

namespace corridor::io {

// A directed graph; a two-way link is one edge drawn with arrows at both ends. Nodes with
// coordinates carry lon and lat and are pinned at 40 points per degree, so
// `neato -n -Tsvg` draws the corridor as on a map.
[[nodiscard]] std::string to_dot(const model::CorridorSpec& spec);

// A FeatureCollection: a Point per node, a LineString per link, coordinates as
// [longitude, latitude]. A node without coordinates (or a link touching one) has a null
// geometry and keeps its properties.
[[nodiscard]] std::string to_geojson(const model::CorridorSpec& spec);

}  // namespace corridor::io
