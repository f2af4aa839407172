#pragma once
// The corridor as the model sees it: plain data, already validated, with references
// resolved to indices. The scenario layer builds it from YAML; tests and benchmarks may
// build it directly. Units are in the field names; a year is 365 days.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/duration.hpp"

namespace corridor::model {

inline constexpr double kHoursPerYear = 365.0 * 24.0;
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

enum class NodeKind { terminal, port, border, junction };
enum class Mode { rail, sea, road };
using DistributionKind = engine::DurationShape;
enum class ArrivalPattern { poisson, regular };

// A non-negative random duration given by its mean and coefficient of variation.
// deterministic ignores cv; exponential has cv 1 by definition.
struct Distribution {
  DistributionKind kind = DistributionKind::deterministic;
  double mean = 0.0;
  double cv = 0.0;
};

struct NodeSpec {
  std::string id;
  NodeKind kind = NodeKind::terminal;
  std::optional<double> capacity_mtpa;  // total handling capacity; none: handles instantly
  std::uint32_t servers = 1;            // parallel handling lines sharing capacity_mtpa
  DistributionKind service = DistributionKind::deterministic;
  double service_cv = 0.0;                    // for lognormal and gamma service
  std::optional<Distribution> dwell_h;        // customs, gauge change: a delay that takes no server
  std::optional<std::uint32_t> storage_lots;  // yard limit; lots wait upstream when full
  std::optional<double> lat;
  std::optional<double> lon;
};

struct VehicleSpec {
  std::string id;
  Mode mode = Mode::rail;
  std::uint32_t capacity_lots = 1;
  double max_hold_h = 0.0;  // longest wait for a full load, counted from when loading opens
  double load_h = 0.0;      // per call, not per lot
  double unload_h = 0.0;
  std::optional<std::uint32_t> fleet;  // vehicles shuttling on each link; none: unlimited
};

struct LinkSpec {
  std::string id;
  std::uint32_t from = kNone;  // node index
  std::uint32_t to = kNone;    // node index
  Mode mode = Mode::rail;
  double length_km = 0.0;
  double speed_kmh = 0.0;
  std::optional<double> capacity_mtpa;  // per direction; caps departures
  std::uint32_t vehicle = kNone;        // vehicle index; none: lots travel individually
  bool oneway = false;

  [[nodiscard]] double travel_h() const { return length_km / speed_kmh; }
};

struct DemandSpec {
  std::string id;
  std::uint32_t origin = kNone;
  std::uint32_t destination = kNone;
  double volume_mtpa = 0.0;
  ArrivalPattern arrivals = ArrivalPattern::poisson;
  std::vector<std::uint32_t> via;  // node indices the route must pass, in order
};

enum class FacilityKind { node, link };

struct CapacityChange {
  double at_day = 0.0;
  FacilityKind facility = FacilityKind::node;
  std::uint32_t index = kNone;
  double capacity_mtpa = 0.0;
};

struct LinkClosure {
  double at_day = 0.0;
  std::uint32_t link = kNone;
  double for_days = 0.0;
};

struct CorridorSpec {
  std::string name;
  double horizon_days = 365.0;
  double warmup_days = 0.0;
  std::uint64_t seed = 1;
  double lot_t = 1.0;
  std::vector<NodeSpec> nodes;
  std::vector<VehicleSpec> vehicles;
  std::vector<LinkSpec> links;
  std::vector<DemandSpec> demand;
  std::vector<CapacityChange> capacity_changes;
  std::vector<LinkClosure> closures;
};

[[nodiscard]] const char* to_string(NodeKind kind);
[[nodiscard]] const char* to_string(Mode mode);

// Tonnes per hour of a capacity in million tonnes per (365-day) year.
[[nodiscard]] constexpr double tonnes_per_hour(double mtpa) {
  return mtpa * 1e6 / kHoursPerYear;
}

}  // namespace corridor::model
