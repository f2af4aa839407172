#pragma once
// The candidate routes of every demand entry, as `corridor routes` prints them.

#include <string>
#include <vector>

#include "corridor/model/routing.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::io {

// One block per demand entry: each candidate's rank, distance, free-flow time, cost,
// tariff and CO2 per tonne, and path; the pinned (`via`) route is marked.
[[nodiscard]] std::string format_routes(const model::CorridorSpec& spec,
                                        const std::vector<std::vector<model::Route>>& routes);

}  // namespace corridor::io
