#pragma once
// The corridor as the model sees it: plain data, already validated, with references
// resolved to indices. The scenario layer builds it from YAML; tests and benchmarks may
// build it directly. Units are in the field names; a year is 365 days.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/duration.hpp"
#include "corridor/model/calendar.hpp"

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

// A kind of cargo, moving in lots of its own size: containers, dry bulk, liquid. A lot
// is what takes one place aboard a vehicle: a wagon-load on a rail ferry or train (a
// flat wagon of two TEU, a tank car), a TEU slot on a container ship.
struct CargoClass {
  std::string id;
  double lot_t = 1.0;
  std::optional<double> teu_per_lot;                // containers: the TEU one lot stands for
  std::optional<double> value_of_time_usd_per_t_h;  // none: the routing rule's
};
// The class a scenario that gives only `cargo.lot_t` has.
inline constexpr const char* kSingleClassId = "cargo";

// Part of a node's handling set aside for some cargo classes: a container terminal in a
// port. A lot of a class it serves is handled there, on its own servers at its own
// capacity, and then by the node's common handling, whose capacity_mtpa still binds
// all cargo together.
struct TerminalSpec {
  std::string id;
  std::vector<bool> classes;  // by cargo class: served here
  // Exactly one: in tonnes, or in TEU (containers only: every class served has
  // teu_per_lot).
  std::optional<double> capacity_mtpa;
  std::optional<double> capacity_teu_per_year;
  std::uint32_t servers = 1;
  DistributionKind service = DistributionKind::deterministic;
  double service_cv = 0.0;
};

struct NodeSpec {
  std::string id;
  std::string name;               // display name; empty: the id
  double tariff_usd_per_t = 0.0;  // handling and border fees per tonne passing
  NodeKind kind = NodeKind::terminal;
  std::optional<double> capacity_mtpa;  // total handling capacity; none: handles instantly
  std::uint32_t servers = 1;            // parallel handling lines sharing capacity_mtpa
  DistributionKind service = DistributionKind::deterministic;
  double service_cv = 0.0;                    // for lognormal and gamma service
  std::optional<Distribution> dwell_h;        // customs, gauge change: a delay that takes no server
  std::optional<std::uint32_t> storage_lots;  // yard limit; lots wait upstream when full
  std::vector<TerminalSpec> terminals;        // each class in at most one
  std::optional<double> lat;
  std::optional<double> lon;
  // In service over [opens_day, closes_day) only: routes pass it then, and it handles
  // nothing before or after (docs/scenario-format.md).
  double opens_day = 0.0;
  double closes_day = std::numeric_limits<double>::infinity();
  [[nodiscard]] bool open_on(double day) const { return day >= opens_day && day < closes_day; }
};

struct VehicleSpec {
  std::string id;
  Mode mode = Mode::rail;
  std::uint32_t capacity_lots = 1;
  double max_hold_h = 0.0;  // longest wait for a full load, counted from when loading opens
  // A fleet vessel with nothing aboard: how long it waits at a quay for cargo before it
  // sails empty. Never on a direction no route uses (nothing could ever board there).
  double empty_hold_h = 0.0;
  double load_h = 0.0;  // per call, not per lot
  double unload_h = 0.0;
  std::optional<std::uint32_t> fleet;  // vehicles shuttling on each link; none: unlimited
  // By cargo class: whether it carries that class (a lot of any class it carries takes one
  // of its capacity_lots places). Empty: every class.
  std::vector<bool> carries;
  // Without a fleet: vehicles that may load at once at each end (tracks, berths). A new
  // one opens only when every loading vehicle is full.
  std::uint32_t loading_positions = 1;
  // Without a fleet, departures may run to a timetable instead of leaving when full or at
  // their hold: one from each end at first_h, first_h + every_h, ..., whatever the load;
  // a slot with nothing aboard runs empty unless skip_empty.
  struct Timetable {
    double every_h = 0.0;
    double first_h = 0.0;
    bool skip_empty = false;
  };
  std::optional<Timetable> timetable;

  // The first timetabled departure at or after `at_h`.
  [[nodiscard]] double next_slot_h(double at_h) const {
    if (at_h <= timetable->first_h) return timetable->first_h;
    return timetable->first_h +
           std::ceil((at_h - timetable->first_h) / timetable->every_h) * timetable->every_h;
  }
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
  std::optional<double> tariff_usd_per_tkm;  // none: the mode's
  std::optional<double> co2_g_per_tkm;       // none: the mode's
  // Travel time's shape around its mean, length / speed: each lot on a gate link, each
  // vehicle's trip, draws its own.
  DistributionKind travel = DistributionKind::deterministic;
  double travel_cv = 0.0;
  // In service over [opens_day, closes_day) only: a new line, or one taken out.
  double opens_day = 0.0;
  double closes_day = std::numeric_limits<double>::infinity();
  [[nodiscard]] bool open_on(double day) const { return day >= opens_day && day < closes_day; }

  [[nodiscard]] double travel_h() const { return length_km / speed_kmh; }
  [[nodiscard]] bool travel_varies() const { return travel != DistributionKind::deterministic; }
};

struct DemandSpec {
  std::string id;
  std::uint32_t cargo_class = 0;  // index into CorridorSpec::classes
  std::uint32_t origin = kNone;
  std::uint32_t destination = kNone;
  double volume_mtpa = 0.0;
  ArrivalPattern arrivals = ArrivalPattern::poisson;
  std::vector<std::uint32_t> via;        // node indices the route must pass, in order
  std::vector<std::uint32_t> via_links;  // or link indices it must cross, in order
  std::vector<Mode> modes;               // the modes its routes may use; empty: any
  std::optional<std::uint32_t> k;        // candidate routes; none: RoutingSpec::k
  double growth_pct_per_year = 0.0;      // compound, from day 0 (volume_mtpa is day 0's rate)
  // Growth from later days on, by day: growth_pct_per_year until the first.
  struct GrowthStep {
    double from_day = 0.0;
    double pct_per_year = 0.0;
  };
  std::vector<GrowthStep> growth_path;
  std::vector<double> month_factors;   // 12, January first, day-weighted mean 1; empty: flat
  std::vector<double> shares;          // the fixed rule's share of each candidate, in order
  std::optional<double> promise_days;  // transit promised to the shipper; none: no promise
  // The entry creates cargo over [opens_day, closes_day) only: a flow that starts or ends
  // on a date. Its rate stays the one growth gives from day 0.
  double opens_day = 0.0;
  double closes_day = std::numeric_limits<double>::infinity();
  [[nodiscard]] bool open_on(double day) const { return day >= opens_day && day < closes_day; }
  [[nodiscard]] bool opens_or_closes() const {
    return opens_day > 0.0 || closes_day != std::numeric_limits<double>::infinity();
  }
};

// How each lot picks one of its demand entry's candidate routes (docs/routing.md).
enum class RouteChoice {
  fixed,     // by the entry's shares
  shortest,  // the pinned route if the entry has `via`, else the least free-flow cost
  logit,     // probability proportional to exp(-scale x free-flow cost)
  adaptive,  // the least cost given the queues and backlogs seen at the origin
};

// Defaults per mode for links that do not set their own.
struct ModeCosts {
  double tariff_usd_per_tkm = 0.0;
  double co2_g_per_tkm = 0.0;
};

// The defaults a scenario gets when it sets no `modes:` (sources in docs/data-sources.md;
// the scenario schema documents the same numbers, and a test checks they agree).
inline constexpr ModeCosts kDefaultRailCosts{0.080, 30.0};
inline constexpr ModeCosts kDefaultSeaCosts{0.0126, 124.8};
inline constexpr ModeCosts kDefaultRoadCosts{0.0945, 102.7};
inline constexpr double kDefaultValueOfTimeUsdPerTonneHour = 1.0;

struct RoutingSpec {
  RouteChoice choice = RouteChoice::shortest;
  std::uint32_t k = 1;               // candidates per entry without `via`
  double logit_scale_per_usd = 0.1;  // per USD per tonne of cost difference
  double value_of_time_usd_per_t_h = kDefaultValueOfTimeUsdPerTonneHour;
};

enum class FacilityKind { node, link, vehicle };

// What a dated `set` may change (docs/scenario-format.md, "events"). A node's terminal
// is named by AttributeChange::terminal.
enum class Attribute {
  capacity_mtpa,          // node, terminal, link
  capacity_teu_per_year,  // terminal
  servers,                // node, terminal
  dwell_h,                // node: the mean of its dwell law, whose shape stays
  speed_kmh,              // link
  fleet,                  // vehicle
  capacity_lots,          // vehicle
  loading_positions,      // vehicle
  max_hold_h,             // vehicle
  empty_hold_h,           // vehicle
  load_h,                 // vehicle
  unload_h,               // vehicle
  tariff_usd_per_t,       // node: fees per tonne passing
  tariff_usd_per_tkm,     // link
  service,                // node, terminal: the law of handling times (its mean stays)
  dwell_cv,               // node: its dwell law's coefficient of variation
  storage_lots,           // node with a yard limit
};
[[nodiscard]] const char* to_string(Attribute attribute);

// From at_day on, the attribute of the facility (and terminal) is `value`.
struct AttributeChange {
  double at_day = 0.0;
  FacilityKind facility = FacilityKind::node;
  std::uint32_t index = kNone;
  double value = 0.0;
  Attribute attribute = Attribute::capacity_mtpa;
  std::uint32_t terminal = kNone;  // a terminal of node `index`, or kNone for the node
  // Attribute::service: the new law, whose coefficient of variation is `value`.
  DistributionKind law = DistributionKind::deterministic;
};

struct LinkClosure {
  double at_day = 0.0;
  std::uint32_t link = kNone;
  double for_days = 0.0;
};

// A node closed for for_days from at_day: no handling starts there and no lot passes
// through (lots arriving wait in its queue); handling and dwell under way finish.
struct NodeClosure {
  double at_day = 0.0;
  std::uint32_t node = kNone;
  double for_days = 0.0;
};

// Closures that come at random: storms arriving as a Poisson process within a season of
// every year, each closing all of `links` for a random time. Day 0 is 1 January.
struct StormSpec {
  std::string id;                    // names its random stream, storm/ID
  std::vector<std::uint32_t> links;  // link indices
  double season_from_day = 0.0;      // day of the year the season starts, [0, 365)
  double season_to_day = 365.0;      // day it ends; below season_from_day: over the new year
  double per_season = 0.0;           // expected storms in one season
  Distribution duration_h;           // how long each keeps the links closed
};

// Investments a scenario may appraise (model/investment.hpp), and the parameters of
// that appraisal.
struct InvestmentSpec {
  std::string id;
  std::string name;
  double capex_musd = 0.0;  // real prices of the price base year
  // Spent evenly over the years before the opening year (analysis/appraisal.hpp).
  std::uint32_t build_years = 1;
  double opex_musd_per_year = 0.0;  // while in service
  std::uint32_t lifetime_years = 1;
  double earliest_day = 0.0;  // run day it can open on, at the earliest
  // What it changes from its opening day: at_day is 0 in each, the opening day added
  // when the investment is applied.
  std::vector<AttributeChange> changes;
};

// Defaults and their sources: docs/scenario-format.md, "appraisal", and
// docs/data-sources.md.
inline constexpr double kDefaultDiscountRate = 0.05;
inline constexpr double kDefaultCarbonPriceUsdPerT = 50.0;
inline constexpr double kDefaultBenefitUsdPerT = 0.0;
inline constexpr double kDefaultDiversionMultiple = 3.0;

struct AppraisalSpec {
  double discount_rate = kDefaultDiscountRate;
  double carbon_price_usd_per_t = kDefaultCarbonPriceUsdPerT;  // per tonne of CO2
  // What a tonne delivered is worth beyond its costs to whoever ships it: the margin
  // counted for tonnes an investment lets the corridor deliver that it would not.
  double benefit_usd_per_t = kDefaultBenefitUsdPerT;
  // A tonne whose transit would reach this multiple of its route's free-flow time goes
  // by its alternative instead (for China-Europe containers, 3 x the corridor's ~11 days
  // is the sea route's 32-36): time beyond it is not valued, and the tonne counts as
  // diverted (model::PeriodCargo).
  double diversion_multiple = kDefaultDiversionMultiple;
  std::optional<int> price_base_year;  // default: the year of the scenario's start date
  // Shippers' time is valued per class at CargoClass::value_of_time_usd_per_t_h, the
  // figure their routes are chosen by.
};

// Lots in the system at once before a run stops (--max-lots-in-flight): some 200 bytes
// each with their events and queue places, so the default bounds a run near 2 GB.
inline constexpr std::uint64_t kDefaultMaxLotsInFlight = 10'000'000;

struct CorridorSpec {
  std::string name;
  std::string description;  // what the scenario is, for reports; may be empty
  double horizon_days = 365.0;
  double warmup_days = 0.0;
  Calendar calendar;  // dated when the scenario gives a start date
  std::uint64_t seed = 1;
  std::vector<CargoClass> classes{CargoClass{kSingleClassId, 1.0, {}, {}}};  // at least one
  std::vector<NodeSpec> nodes;
  std::vector<VehicleSpec> vehicles;
  std::vector<LinkSpec> links;
  std::vector<DemandSpec> demand;
  std::vector<AttributeChange> changes;  // in the scenario's order; model/timeline.hpp
  std::vector<LinkClosure> closures;
  std::vector<NodeClosure> node_closures;
  std::vector<StormSpec> storms;
  RoutingSpec routing;
  std::vector<InvestmentSpec> investments;  // none in service: with_investment adds them
  AppraisalSpec appraisal;
  ModeCosts mode_costs[3] = {kDefaultRailCosts, kDefaultSeaCosts, kDefaultRoadCosts};  // by Mode
  // A bound on the run's memory, not part of what the scenario means: a corridor that
  // cannot carry its demand piles lots up without end, and the run stops with
  // RunLimitExceeded rather than be killed for want of memory.
  std::uint64_t max_lots_in_flight = kDefaultMaxLotsInFlight;
  // Likewise a run setting: false runs the plain event-driven path whatever
  // RunOptions::book_ahead says (--no-fast-paths), a check of the fast paths.
  bool fast_paths = true;
  // Likewise: the periods the results are cut into besides the whole window (--period);
  // none unless asked for.
  std::optional<PeriodLength> report_periods;

  [[nodiscard]] double lot_t_of(const DemandSpec& entry) const {
    return classes[entry.cargo_class].lot_t;
  }
  [[nodiscard]] double value_of_time_usd_per_t_h(std::uint32_t cargo_class) const {
    return classes[cargo_class].value_of_time_usd_per_t_h.value_or(
        routing.value_of_time_usd_per_t_h);
  }
  [[nodiscard]] bool carries(const VehicleSpec& vehicle, std::uint32_t cargo_class) const {
    return vehicle.carries.empty() || vehicle.carries[cargo_class];
  }
  [[nodiscard]] bool several_classes() const { return classes.size() > 1; }
  // The terminal of `node` that serves `cargo_class`, or kNone.
  [[nodiscard]] std::uint32_t terminal_of(const NodeSpec& node, std::uint32_t cargo_class) const {
    for (std::uint32_t t = 0; t < node.terminals.size(); ++t) {
      if (node.terminals[t].classes[cargo_class]) return t;
    }
    return kNone;
  }
  // Mean hours one of a terminal's servers takes for a lot of `cargo_class`: its share of
  // the capacity, in TEU or tonnes.
  [[nodiscard]] double terminal_service_mean_h(const TerminalSpec& terminal,
                                               std::uint32_t cargo_class) const {
    const CargoClass& cargo = classes[cargo_class];
    const double per_h = terminal.capacity_teu_per_year
                             ? *terminal.capacity_teu_per_year / kHoursPerYear / *cargo.teu_per_lot
                             : *terminal.capacity_mtpa * 1e6 / kHoursPerYear / cargo.lot_t;
    return static_cast<double>(terminal.servers) / per_h;
  }
  // A terminal's capacity in Mt/yr of `cargo_class` (TEU converted by the class's lot).
  [[nodiscard]] double terminal_capacity_mtpa(const TerminalSpec& terminal,
                                              std::uint32_t cargo_class) const {
    if (terminal.capacity_mtpa) return *terminal.capacity_mtpa;
    const CargoClass& cargo = classes[cargo_class];
    return *terminal.capacity_teu_per_year / *cargo.teu_per_lot * cargo.lot_t / 1e6;
  }
  [[nodiscard]] const ModeCosts& costs_of(Mode mode) const {
    return mode_costs[static_cast<int>(mode)];
  }
  [[nodiscard]] double tariff_usd_per_tkm(const LinkSpec& link) const {
    return link.tariff_usd_per_tkm.value_or(costs_of(link.mode).tariff_usd_per_tkm);
  }
  [[nodiscard]] double co2_g_per_tkm(const LinkSpec& link) const {
    return link.co2_g_per_tkm.value_or(costs_of(link.mode).co2_g_per_tkm);
  }
};

[[nodiscard]] const char* to_string(NodeKind kind);
[[nodiscard]] const char* to_string(Mode mode);
[[nodiscard]] const char* to_string(RouteChoice choice);

// Tonnes per hour of a capacity in million tonnes per (365-day) year.
[[nodiscard]] constexpr double tonnes_per_hour(double mtpa) {
  return mtpa * 1e6 / kHoursPerYear;
}

}  // namespace corridor::model
