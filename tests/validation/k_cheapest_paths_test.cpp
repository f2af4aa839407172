// Candidate routes against brute force: on small grids with random lengths, every
// loopless path between two nodes is listed, costed and ranked, and the k candidates
// must cost what the k cheapest of them cost. Yen's search skips spurs that cannot
// place a path among the k; this checks that it skips none that could.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "corridor/model/routing.hpp"
#include "support/corridor_builder.hpp"

using namespace corridor;
using corridor::testing::CorridorBuilder;

namespace {

std::string id_of(std::uint32_t row, std::uint32_t column) {
  std::string id = std::to_string(row);
  id.push_back('-');
  id.append(std::to_string(column));
  return id;
}

// side x side nodes joined to their neighbours, lengths drawn from `lengths_km` in turn;
// nodes on the diagonal take 3 h to handle, so time and distance rank routes apart.
CorridorBuilder grid(std::uint32_t side, const std::vector<double>& lengths_km) {
  CorridorBuilder corridor(10.0, 0.0, 10.0);
  for (std::uint32_t r = 0; r < side; ++r) {
    for (std::uint32_t c = 0; c < side; ++c) {
      model::NodeSpec& node = corridor.node(id_of(r, c));
      if (r == c) node.dwell_h = model::Distribution{model::DistributionKind::deterministic, 3.0};
    }
  }
  std::size_t next = 0;
  for (std::uint32_t r = 0; r < side; ++r) {
    for (std::uint32_t c = 0; c < side; ++c) {
      if (c + 1 < side) {
        corridor.link(id_of(r, c), id_of(r, c + 1), lengths_km[next++ % lengths_km.size()], 50.0);
      }
      if (r + 1 < side) {
        corridor.link(id_of(r, c), id_of(r + 1, c), lengths_km[next++ % lengths_km.size()], 50.0);
      }
    }
  }
  return corridor;
}

// Every loopless path from `at` to `to`, depth first.
void every_path(const model::CorridorSpec& spec, std::uint32_t at, std::uint32_t to,
                std::vector<bool>& passed, std::vector<model::Hop>& hops,
                std::vector<std::vector<model::Hop>>& paths) {
  if (at == to) {
    paths.push_back(hops);
    return;
  }
  for (std::uint32_t l = 0; l < spec.links.size(); ++l) {
    const model::LinkSpec& link = spec.links[l];
    for (const std::uint8_t direction : {std::uint8_t{0}, std::uint8_t{1}}) {
      const std::uint32_t from = direction == 0 ? link.from : link.to;
      const std::uint32_t next = direction == 0 ? link.to : link.from;
      if (from != at || passed[next]) continue;
      passed[next] = true;
      hops.push_back(model::Hop{l, direction, next});
      every_path(spec, next, to, passed, hops, paths);
      hops.pop_back();
      passed[next] = false;
    }
  }
}

// Costs in millionths of a dollar per tonne, as routes are ranked.
long long micro_usd(double cost_usd_per_t) {
  return std::llround(cost_usd_per_t * 1e6);
}

}  // namespace

TEST_CASE("the k candidates cost what the k cheapest of all loopless paths cost") {
  std::uint64_t state = 12345;
  const auto draw_km = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return 60.0 + static_cast<double>((state >> 33) % 81);  // 60-140 km, whole km
  };
  int checked = 0;
  for (int network = 0; network < 6; ++network) {
    std::vector<double> lengths_km(24);
    for (double& length : lengths_km) length = draw_km();
    CorridorBuilder corridor = grid(4, lengths_km);
    const auto pairs = {std::pair{id_of(0, 0), id_of(3, 3)}, std::pair{id_of(0, 3), id_of(3, 0)},
                        std::pair{id_of(1, 0), id_of(2, 3)}, std::pair{id_of(3, 1), id_of(0, 2)}};
    for (const auto& [origin, destination] : pairs) corridor.demand(origin, destination, 0.1);
    const model::CorridorSpec& spec = corridor.spec();
    for (const std::uint32_t k : {1U, 2U, 3U, 5U, 8U, 20U}) {
      corridor.spec().routing.k = k;
      const auto candidates = model::plan_routes(spec);
      for (std::uint32_t d = 0; d < spec.demand.size(); ++d) {
        CAPTURE(network);
        CAPTURE(k);
        CAPTURE(d);
        std::vector<std::vector<model::Hop>> paths;
        std::vector<bool> passed(spec.nodes.size(), false);
        std::vector<model::Hop> hops;
        passed[spec.demand[d].origin] = true;
        every_path(spec, spec.demand[d].origin, spec.demand[d].destination, passed, hops, paths);
        std::vector<long long> all;
        for (auto& path : paths) {
          model::Route route;
          route.origin = spec.demand[d].origin;
          route.hops = std::move(path);
          all.push_back(micro_usd(model::remeasured(spec, route, 0).cost_usd_per_t));
        }
        std::sort(all.begin(), all.end());
        const std::size_t expected = std::min<std::size_t>(k, all.size());
        REQUIRE(candidates[d].size() == expected);
        for (std::size_t r = 0; r < expected; ++r) {
          CAPTURE(r);
          CHECK(micro_usd(candidates[d][r].cost_usd_per_t) == all[r]);
          const std::vector<std::uint32_t> nodes = candidates[d][r].nodes();
          std::vector<std::uint32_t> sorted = nodes;
          std::sort(sorted.begin(), sorted.end());
          CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
        }
        ++checked;
      }
    }
  }
  CHECK(checked == 6 * 4 * 6);
}
