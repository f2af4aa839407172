#pragma once
// Small corridors built in code for validation tests, so each test states its whole
// model in a few lines and the queueing formulas it is checked against.

#include <stdexcept>
#include <string>

#include "corridor/model/simulate.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::testing {

class CorridorBuilder {
 public:
  CorridorBuilder(double horizon_days, double warmup_days, double lot_t) {
    spec_.name = "test";
    spec_.horizon_days = horizon_days;
    spec_.warmup_days = warmup_days;
    spec_.classes.front().lot_t = lot_t;
  }

  model::NodeSpec& node(const std::string& id) {
    model::NodeSpec node;
    node.id = id;
    spec_.nodes.push_back(node);
    return spec_.nodes.back();
  }

  model::LinkSpec& link(const std::string& from, const std::string& to, double length_km,
                        double speed_kmh) {
    model::LinkSpec link;
    link.id = from + "-" + to;
    link.from = index_of(from);
    link.to = index_of(to);
    link.length_km = length_km;
    link.speed_kmh = speed_kmh;
    spec_.links.push_back(link);
    return spec_.links.back();
  }

  model::VehicleSpec& vehicle(const std::string& id, std::uint32_t capacity_lots) {
    model::VehicleSpec vehicle;
    vehicle.id = id;
    vehicle.capacity_lots = capacity_lots;
    spec_.vehicles.push_back(vehicle);
    return spec_.vehicles.back();
  }

  // A sea link from -> to served by a fleet of its own.
  struct FerryCrossing {
    model::VehicleSpec& ferry;
    model::LinkSpec& link;
  };
  FerryCrossing ferry_crossing(const std::string& from, const std::string& to, double length_km,
                               double speed_kmh, std::uint32_t capacity_lots, std::uint32_t fleet) {
    const auto vehicle_index = static_cast<std::uint32_t>(spec_.vehicles.size());
    model::VehicleSpec& ferry = vehicle(from + "-" + to + "-ferry", capacity_lots);
    ferry.mode = model::Mode::sea;
    ferry.fleet = fleet;
    model::LinkSpec& crossing = link(from, to, length_km, speed_kmh);
    crossing.mode = model::Mode::sea;
    crossing.vehicle = vehicle_index;
    return {ferry, crossing};
  }

  model::DemandSpec& demand(const std::string& origin, const std::string& destination,
                            double volume_mtpa) {
    model::DemandSpec demand;
    demand.id = origin + "-" + destination;
    demand.origin = index_of(origin);
    demand.destination = index_of(destination);
    demand.volume_mtpa = volume_mtpa;
    spec_.demand.push_back(demand);
    return spec_.demand.back();
  }

  [[nodiscard]] std::uint32_t index_of(const std::string& id) const {
    for (std::uint32_t i = 0; i < spec_.nodes.size(); ++i) {
      if (spec_.nodes[i].id == id) return i;
    }
    return model::kNone;
  }

  model::CorridorSpec& spec() { return spec_; }
  [[nodiscard]] const model::CorridorSpec& spec() const { return spec_; }

  [[nodiscard]] model::RunResult run(std::uint64_t seed = 1) const {
    return model::simulate(spec_, model::RunOptions{seed, 0});
  }

 private:
  model::CorridorSpec spec_;
};

// a -> (north | south) -> z: two parallel routes, each through one node, with both as
// candidates (routes.k = 2). Lengths are each route's whole length.
inline CorridorBuilder parallel_routes(double north_km, double south_km, double volume_mtpa,
                                       double horizon_days = 400.0) {
  CorridorBuilder corridor(horizon_days, 30.0, 10.0);
  corridor.node("a");
  corridor.node("north");
  corridor.node("south");
  corridor.node("z");
  corridor.link("a", "north", north_km / 2.0, 50.0);
  corridor.link("north", "z", north_km / 2.0, 50.0);
  corridor.link("a", "south", south_km / 2.0, 50.0);
  corridor.link("south", "z", south_km / 2.0, 50.0);
  corridor.demand("a", "z", volume_mtpa);
  corridor.spec().routing.k = 2;
  return corridor;
}

// Lots per hour of a flow in Mt/yr.
inline double lots_per_hour(double mtpa, double lot_t) {
  return model::tonnes_per_hour(mtpa) / lot_t;
}

inline const model::NodeResult& node_result(const model::RunResult& result, const std::string& id) {
  for (const auto& node : result.nodes) {
    if (node.id == id) return node;
  }
  throw std::out_of_range("no node " + id);
}

inline const model::LinkResult& link_result(const model::RunResult& result, const std::string& id) {
  for (const auto& link : result.links) {
    if (link.id == id) return link;
  }
  throw std::out_of_range("no link " + id);
}

struct Horizon {
  double horizon_days;
  double warmup_days;
};

// a -> b -> c with one queue at b (lots of 10 t): the shape of the queueing validations.
inline CorridorBuilder single_queue(Horizon horizon, double capacity_mtpa, std::uint32_t servers,
                                    model::DistributionKind service, double cv,
                                    double volume_mtpa) {
  CorridorBuilder corridor(horizon.horizon_days, horizon.warmup_days, 10.0);
  corridor.node("a");
  auto& b = corridor.node("b");
  b.capacity_mtpa = capacity_mtpa;
  b.servers = servers;
  b.service = service;
  b.service_cv = cv;
  corridor.node("c");
  corridor.link("a", "b", 100.0, 50.0);
  corridor.link("b", "c", 100.0, 50.0);
  corridor.demand("a", "c", volume_mtpa);
  return corridor;
}

}  // namespace corridor::testing
