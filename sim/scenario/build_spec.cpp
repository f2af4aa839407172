#include "build_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <tuple>
#include <utility>

#include "corridor/model/calendar.hpp"
#include "corridor/model/demand_profile.hpp"
#include "corridor/model/routing.hpp"
#include "corridor/scenario/plausibility.hpp"
#include "validate.hpp"

namespace corridor::scenario::detail {
namespace {

using model::kNone;

// The largest number of lots a run may create: beyond it a typo (a lot of 1 kg, a
// horizon of centuries) would run for hours rather than fail at once.
constexpr double kMaxLotsPerRun = 2e8;
constexpr double kMaxSeriesBytes = 1e9;

const Value kNull{};

const Value& get(const Value& mapping, const char* key) {
  const Value* value = mapping.find(key);
  return value != nullptr ? *value : kNull;
}
bool has(const Value& mapping, const char* key) {
  return mapping.find(key) != nullptr;
}
double number(const Value& mapping, const char* key, double fallback) {
  const Value& value = get(mapping, key);
  return value.is_scalar() ? parse_number(value.scalar).value_or(fallback) : fallback;
}
std::optional<double> optional_number(const Value& mapping, const char* key) {
  if (!has(mapping, key)) return std::nullopt;
  return parse_number(get(mapping, key).scalar);
}
std::uint32_t count(const Value& mapping, const char* key, std::uint32_t fallback) {
  const Value& value = get(mapping, key);
  if (!value.is_scalar()) return fallback;
  return static_cast<std::uint32_t>(parse_integer(value.scalar).value_or(fallback));
}
std::string text(const Value& mapping, const char* key) {
  return get(mapping, key).scalar;
}

model::Mode parse_mode(const std::string& text) {
  if (text == "sea") return model::Mode::sea;
  if (text == "road") return model::Mode::road;
  return model::Mode::rail;
}

model::NodeKind parse_kind(const std::string& text) {
  if (text == "port") return model::NodeKind::port;
  if (text == "border") return model::NodeKind::border;
  if (text == "junction") return model::NodeKind::junction;
  return model::NodeKind::terminal;
}

model::DistributionKind parse_distribution(const std::string& text) {
  if (text == "exponential") return model::DistributionKind::exponential;
  if (text == "lognormal") return model::DistributionKind::lognormal;
  if (text == "gamma") return model::DistributionKind::gamma;
  return model::DistributionKind::deterministic;
}

// A `service` value (a shape whose mean comes from elsewhere): a name, or {dist, cv}
// (`implied_dist` when the mapping names none); deterministic when absent.
std::pair<model::DistributionKind, double> shape(const Value& value,
                                                 const std::string& implied_dist = "") {
  if (value.is_mapping()) {
    const std::string dist = value.find("dist") != nullptr ? text(value, "dist") : implied_dist;
    return {parse_distribution(dist), number(value, "cv", 0.0)};
  }
  if (value.is_scalar()) return {parse_distribution(value.scalar), 0.0};
  return {model::DistributionKind::deterministic, 0.0};
}

// A `duration` value: hours, or {dist, mean_h, cv}.
model::Distribution duration(const Value& value) {
  if (value.is_mapping()) {
    return model::Distribution{parse_distribution(text(value, "dist")),
                               number(value, "mean_h", 0.0), number(value, "cv", 0.0)};
  }
  return model::Distribution{model::DistributionKind::deterministic,
                             parse_number(value.scalar).value_or(0.0), 0.0};
}

class Builder {
 public:
  Builder(const Value& root, std::vector<Diagnostic>& diagnostics, model::CandidateRoutes* planned)
      : root_(root), diagnostics_(diagnostics), planned_(planned) {}

  model::CorridorSpec build() {
    const Value& run = get(root_, "scenario");
    spec_.name = text(run, "name");
    if (has(run, "description")) spec_.description = text(run, "description");
    spec_.horizon_days = number(run, "horizon_days", 365.0);
    spec_.warmup_days = number(run, "warmup_days", 0.0);
    spec_.seed = static_cast<std::uint64_t>(parse_integer(get(run, "seed").scalar).value_or(1));
    if (spec_.warmup_days >= spec_.horizon_days) {
      error(get(run, "warmup_days").location, "warmup_days must be less than horizon_days");
    }
    if (has(run, "start_date")) {
      const Value& start = get(run, "start_date");
      if (const auto date = model::parse_iso_date(start.scalar)) {
        spec_.calendar = model::Calendar(*date);
      } else {
        error(start.location,
              fmt::format("start_date '{}' is not a date: give YYYY-MM-DD, e.g. 2025-01-01",
                          start.scalar));
      }
    }
    demand_scale_ = number(run, "demand_scale", 1.0);
    read_cargo(get(root_, "cargo"));

    const Value& network = get(root_, "network");
    for (const Value& item : get(network, "nodes").items) add_node(item);
    for (const Value& item : get(root_, "vehicles").items) add_vehicle(item);
    for (const Value& item : get(network, "links").items) add_link(item);
    for (const Value& item : get(root_, "demand").items) add_demand(item);
    for (const Value& item : get(root_, "events").items) add_event(item);
    for (const Value& item : get(root_, "storms").items) add_storm(item);
    read_routing(get(root_, "routes"));
    read_modes(get(root_, "modes"));
    for (const Value& item : get(root_, "investments").items) add_investment(item);
    read_appraisal(get(root_, "appraisal"));
    check_servers_have_capacity();
    if (diagnostics_.empty()) check_size();
    if (diagnostics_.empty()) check_routes();
    return spec_;
  }

 private:
  // `lot_t` alone is one class; `classes` lists them.
  void read_cargo(const Value& cargo) {
    if (!cargo.is_mapping()) return;  // the schema has said what is wrong
    if (has(cargo, "lot_t") == has(cargo, "classes")) {
      error(cargo.location,
            "cargo needs exactly one of 'lot_t' (one class of cargo) or 'classes' (several)");
    }
    if (!has(cargo, "classes")) {
      spec_.classes.front().lot_t = number(cargo, "lot_t", 1.0);
      return;
    }
    spec_.classes.clear();
    for (const Value& item : get(cargo, "classes").items) {
      model::CargoClass cargo_class;
      cargo_class.id = text(item, "id");
      if (!register_id(class_index_, class_locations_, cargo_class.id, get(item, "id").location,
                       "cargo class")) {
        continue;
      }
      cargo_class.lot_t = number(item, "lot_t", 1.0);
      cargo_class.teu_per_lot = optional_number(item, "teu_per_lot");
      cargo_class.value_of_time_usd_per_t_h = optional_number(item, "value_of_time_usd_per_t_h");
      spec_.classes.push_back(std::move(cargo_class));
    }
    if (spec_.classes.empty()) {
      error(get(cargo, "classes").location, "cargo 'classes' needs at least one class");
      spec_.classes.push_back(model::CargoClass{model::kSingleClassId, 1.0, {}, {}});
    }
  }

  // A class named by a demand entry or a vehicle; an unknown one is listed with those
  // that exist.
  std::uint32_t resolve_class(const Value& reference) {
    const auto found = class_index_.find(reference.scalar);
    if (found != class_index_.end()) return found->second;
    error(reference.location,
          class_index_.empty()
              ? fmt::format("unknown cargo class '{}': cargo gives only lot_t, one class; "
                            "declare cargo.classes to name classes",
                            reference.scalar)
              : fmt::format("unknown cargo class '{}' (cargo has {})", reference.scalar,
                            class_list()));
    return kNone;
  }

  void error(const SourceLocation& where, std::string message) {
    diagnostics_.push_back(Diagnostic{where, std::move(message)});
  }

  // Registers an id in `index`; a second use is an error pointing at both.
  bool register_id(std::map<std::string, std::uint32_t>& index,
                   std::vector<SourceLocation>& seen_at, const std::string& id,
                   const SourceLocation& where, const char* what) {
    const auto [position, inserted] = index.emplace(id, static_cast<std::uint32_t>(seen_at.size()));
    if (!inserted) {
      const SourceLocation& first = seen_at[position->second];
      error(where, fmt::format("duplicate {} id '{}' (first defined at {}:{})", what, id,
                               first.file, first.line));
      return false;
    }
    seen_at.push_back(where);
    return true;
  }

  std::uint32_t resolve(const std::map<std::string, std::uint32_t>& index, const Value& reference,
                        const char* what) {
    const auto found = index.find(reference.scalar);
    if (found != index.end()) return found->second;
    error(reference.location, fmt::format("unknown {} '{}'", what, reference.scalar));
    return kNone;
  }

  void add_node(const Value& item) {
    model::NodeSpec node;
    node.id = text(item, "id");
    if (!register_id(node_index_, node_locations_, node.id, get(item, "id").location, "node"))
      return;
    node.name = text(item, "name");
    node.kind = parse_kind(text(item, "kind"));
    node.capacity_mtpa = optional_number(item, "capacity_mtpa");
    node.servers = count(item, "servers", 1);
    std::tie(node.service, node.service_cv) = shape(get(item, "service"));
    if (has(item, "dwell_h")) node.dwell_h = duration(get(item, "dwell_h"));
    if (has(item, "storage_lots")) node.storage_lots = count(item, "storage_lots", 1);
    if ((has(item, "servers") || has(item, "service")) && !node.capacity_mtpa) {
      // Allowed if a dated `set` gives the node a capacity later; checked after events.
      uncapacitated_with_servers_.emplace_back(
          static_cast<std::uint32_t>(spec_.nodes.size()),
          item.key_location(has(item, "servers") ? "servers" : "service"));
    }
    for (const Value& terminal : get(item, "terminals").items) add_terminal(node, terminal);
    node.tariff_usd_per_t = number(item, "tariff_usd_per_t", 0.0);
    node.lat = optional_number(item, "lat");
    node.lon = optional_number(item, "lon");
    service_dates(item, node.opens_day, node.closes_day, "node");
    spec_.nodes.push_back(std::move(node));
  }

  // A terminal: the classes it serves, its capacity in tonnes or (containers) TEU, at
  // most the node's own, and its servers.
  void add_terminal(model::NodeSpec& node, const Value& item) {
    model::TerminalSpec terminal;
    terminal.id = text(item, "id");
    for (const model::TerminalSpec& other : node.terminals) {
      if (other.id == terminal.id) {
        error(get(item, "id").location,
              fmt::format("node '{}' has two terminals named '{}'", node.id, terminal.id));
      }
    }
    terminal.classes.assign(spec_.classes.size(), false);
    for (const Value& served : get(item, "classes").items) {
      const std::uint32_t cargo_class = resolve_class(served);
      if (cargo_class == kNone) continue;
      if (spec_.terminal_of(node, cargo_class) != kNone) {
        error(served.location,
              fmt::format("class '{}' already has a terminal at node '{}'; a class is handled "
                          "in one terminal of a node",
                          served.scalar, node.id));
      }
      terminal.classes[cargo_class] = true;
    }
    terminal.capacity_mtpa = optional_number(item, "capacity_mtpa");
    terminal.capacity_teu_per_year = optional_number(item, "capacity_teu_per_year");
    if (terminal.capacity_mtpa.has_value() == terminal.capacity_teu_per_year.has_value()) {
      error(item.location, fmt::format("terminal '{}' needs exactly one of 'capacity_mtpa' or "
                                       "'capacity_teu_per_year'",
                                       terminal.id));
      return;
    }
    terminal.servers = count(item, "servers", 1);
    std::tie(terminal.service, terminal.service_cv) = shape(get(item, "service"));
    for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
      if (!terminal.classes[c]) continue;
      const model::CargoClass& cargo = spec_.classes[c];
      if (terminal.capacity_teu_per_year && !cargo.teu_per_lot) {
        error(get(item, "capacity_teu_per_year").location,
              fmt::format("terminal '{}' gives its capacity in TEU but serves class '{}', which "
                          "has no teu_per_lot: give capacity_mtpa, or teu_per_lot for a "
                          "container class",
                          terminal.id, cargo.id));
        return;
      }
      const double capacity_mtpa = spec_.terminal_capacity_mtpa(terminal, c);
      if (node.capacity_mtpa && capacity_mtpa > *node.capacity_mtpa * (1.0 + 1e-9)) {
        error(item.key_location(terminal.capacity_mtpa ? "capacity_mtpa" : "capacity_teu_per_year"),
              fmt::format("terminal '{}' can handle {:.3g} Mt/yr of class '{}', more than node "
                          "'{}' handles in all ({:g} Mt/yr): the node's capacity_mtpa binds all "
                          "its cargo",
                          terminal.id, capacity_mtpa, cargo.id, node.id, *node.capacity_mtpa));
      }
    }
    node.terminals.push_back(std::move(terminal));
  }

  void add_vehicle(const Value& item) {
    model::VehicleSpec vehicle;
    vehicle.id = text(item, "id");
    if (!register_id(vehicle_index_, vehicle_locations_, vehicle.id, get(item, "id").location,
                     "vehicle")) {
      return;
    }
    vehicle.mode = parse_mode(text(item, "mode"));
    vehicle.capacity_lots = count(item, "capacity_lots", 1);
    vehicle.max_hold_h = number(item, "max_hold_h", 0.0);
    vehicle.empty_hold_h = number(item, "empty_hold_h", 0.0);
    vehicle.load_h = number(item, "load_h", 0.0);
    vehicle.unload_h = number(item, "unload_h", 0.0);
    if (has(item, "fleet")) vehicle.fleet = count(item, "fleet", 1);
    if (has(item, "carries")) {
      vehicle.carries.assign(spec_.classes.size(), false);
      for (const Value& carried : get(item, "carries").items) {
        const std::uint32_t cargo_class = resolve_class(carried);
        if (cargo_class != kNone) vehicle.carries[cargo_class] = true;
      }
    }
    vehicle.loading_positions = count(item, "loading_positions", 1);
    if (has(item, "timetable")) {
      const Value& timetable = get(item, "timetable");
      vehicle.timetable = model::VehicleSpec::Timetable{number(timetable, "every_h", 1.0),
                                                        number(timetable, "first_h", 0.0),
                                                        text(timetable, "skip_empty") == "true"};
      if (vehicle.fleet) {
        error(item.key_location("timetable"),
              fmt::format("'timetable' in vehicle '{}' applies only without a fleet: a fleet's "
                          "vessels sail when they are loaded and back",
                          vehicle.id));
      }
    }
    if (vehicle.fleet && has(item, "loading_positions")) {
      error(get(item, "loading_positions").location,
            fmt::format("'loading_positions' in vehicle '{}' applies only without a fleet: a "
                        "fleet's vehicles already load side by side",
                        vehicle.id));
    }
    if (!vehicle.fleet && has(item, "empty_hold_h")) {
      error(get(item, "empty_hold_h").location,
            fmt::format("'empty_hold_h' in vehicle '{}' applies only to a fleet: vehicles of "
                        "unlimited stock open only when cargo waits, so none is ever empty",
                        vehicle.id));
    }
    spec_.vehicles.push_back(std::move(vehicle));
  }

  void add_link(const Value& item) {
    model::LinkSpec link;
    link.id = text(item, "id");
    if (!register_id(link_index_, link_locations_, link.id, get(item, "id").location, "link"))
      return;
    link.from = resolve(node_index_, get(item, "from"), "node");
    link.to = resolve(node_index_, get(item, "to"), "node");
    if (link.from != kNone && link.from == link.to) {
      error(get(item, "to").location,
            fmt::format("link '{}' starts and ends at the same node", link.id));
    }
    link.mode = parse_mode(text(item, "mode"));
    link.length_km = number(item, "length_km", 1.0);
    link.speed_kmh = number(item, "speed_kmh", 1.0);
    link.capacity_mtpa = optional_number(item, "capacity_mtpa");
    link.oneway = text(item, "oneway") == "true";
    link.tariff_usd_per_tkm = optional_number(item, "tariff_usd_per_tkm");
    link.co2_g_per_tkm = optional_number(item, "co2_g_per_tkm");
    std::tie(link.travel, link.travel_cv) = shape(get(item, "travel"), "lognormal");
    service_dates(item, link.opens_day, link.closes_day, "link");
    if (has(item, "vehicle")) {
      link.vehicle = resolve(vehicle_index_, get(item, "vehicle"), "vehicle");
      if (link.vehicle != kNone && spec_.vehicles[link.vehicle].mode != link.mode) {
        error(get(item, "vehicle").location,
              fmt::format("vehicle '{}' is {} but link '{}' is {}", spec_.vehicles[link.vehicle].id,
                          model::to_string(spec_.vehicles[link.vehicle].mode), link.id,
                          model::to_string(link.mode)));
      }
    }
    spec_.links.push_back(std::move(link));
  }

  void add_demand(const Value& item) {
    model::DemandSpec demand;
    demand.origin = resolve(node_index_, get(item, "origin"), "node");
    demand.destination = resolve(node_index_, get(item, "destination"), "node");
    demand.id = has(item, "id")
                    ? text(item, "id")
                    : fmt::format("{}-{}", text(item, "origin"), text(item, "destination"));
    const SourceLocation& where = has(item, "id") ? get(item, "id").location : item.location;
    if (!has(item, "id") && demand_index_.count(demand.id) != 0) {
      const SourceLocation& first = demand_locations_[demand_index_.at(demand.id)];
      error(where, fmt::format("this demand entry's default id '{}' (ORIGIN-DESTINATION) is "
                               "already taken ({}:{}); give the entries distinct ids",
                               demand.id, first.file, first.line));
      return;
    }
    if (!register_id(demand_index_, demand_locations_, demand.id, where, "demand")) return;
    demand.volume_mtpa = number(item, "volume_mtpa", 0.0) * demand_scale_;
    if (has(item, "class")) {
      const std::uint32_t cargo_class = resolve_class(get(item, "class"));
      if (cargo_class != kNone) demand.cargo_class = cargo_class;
    } else if (spec_.several_classes()) {
      error(item.location, fmt::format("demand '{}' needs a 'class': cargo has {} classes ({})",
                                       demand.id, spec_.classes.size(), class_list()));
    }
    demand.arrivals = text(item, "arrivals") == "regular" ? model::ArrivalPattern::regular
                                                          : model::ArrivalPattern::poisson;
    for (const Value& stop : get(item, "via").items) {
      const std::uint32_t node = resolve(node_index_, stop, "node");
      // A pinned route ends at its destination and leaves its origin once: a stop at
      // either would have some node handle the same lot twice.
      if (node != model::kNone && (node == demand.destination || node == demand.origin)) {
        error(stop.location,
              fmt::format("demand '{}': via stop '{}' is the route's {}; list only the nodes "
                          "to pass between origin and destination",
                          demand.id, stop.scalar,
                          node == demand.destination ? "destination" : "origin"));
      }
      demand.via.push_back(node);
    }
    if (!get(item, "via").items.empty() && !get(item, "via_links").items.empty()) {
      error(item.key_location("via_links"),
            fmt::format("demand '{}': give via or via_links, not both: their order between each "
                        "other would be a guess",
                        demand.id));
    }
    for (const Value& link : get(item, "via_links").items) {
      demand.via_links.push_back(resolve(link_index_, link, "link"));
    }
    for (const Value& mode : get(item, "modes").items) {
      if (mode.scalar != "rail" && mode.scalar != "sea" && mode.scalar != "road") {
        error(mode.location,
              fmt::format("'{}' is not a mode; modes are rail, sea and road", mode.scalar));
        continue;
      }
      demand.modes.push_back(parse_mode(mode.scalar));
    }
    demand.promise_days = optional_number(item, "promise_days");
    service_dates(item, demand.opens_day, demand.closes_day, "demand entry");
    demand.growth_pct_per_year = number(item, "growth_pct_per_year", 0.0);
    for (const Value& step : get(item, "growth_path").items) add_growth_step(demand, step);
    const Value& seasonality = get(item, "seasonality");
    if (seasonality.is_sequence()) {
      if (seasonality.items.size() != 12) {
        error(seasonality.location,
              fmt::format("seasonality needs 12 monthly factors, January first; got {}",
                          seasonality.items.size()));
      } else {
        // Scaled so that a year at these factors carries volume_mtpa.
        constexpr double kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        double weighted = 0.0;
        for (std::size_t m = 0; m < 12; ++m) {
          demand.month_factors.push_back(parse_number(seasonality.items[m].scalar).value_or(1.0));
          weighted += demand.month_factors[m] * kMonthDays[m] / 365.0;
        }
        for (double& factor : demand.month_factors) factor /= weighted;
      }
    }
    const Value& routes = get(item, "routes");
    if (has(routes, "k")) demand.k = count(routes, "k", 1);
    for (const Value& share : get(routes, "shares").items) {
      demand.shares.push_back(parse_number(share.scalar).value_or(0.0));
    }
    if (demand.origin != kNone && demand.origin == demand.destination) {
      error(get(item, "destination").location, "origin and destination are the same node");
    }
    demand_items_.push_back(&item);
    spec_.demand.push_back(std::move(demand));
  }

  // `opens` and `closes` of a node, link or demand entry: run days, the second after the
  // first.
  void service_dates(const Value& item, double& opens_day, double& closes_day, const char* what) {
    if (has(item, "opens")) opens_day = run_day(get(item, "opens"), "opens").value_or(0.0);
    if (has(item, "closes")) {
      closes_day = run_day(get(item, "closes"), "closes").value_or(spec_.horizon_days);
    }
    if (has(item, "opens") && has(item, "closes") && opens_day >= closes_day) {
      error(get(item, "closes").location,
            fmt::format("this {} closes ({}) before it opens ({})", what,
                        get(item, "closes").scalar, get(item, "opens").scalar));
    }
  }

  // The run day a date (YYYY-MM-DD, with a start date) or a day number stands for, within
  // the run; empty, with an error, otherwise.
  std::optional<double> run_day(const Value& value, const char* what) {
    double day = 0.0;
    if (const auto number_given = parse_number(value.scalar)) {
      day = *number_given;
    } else if (const auto date = model::parse_iso_date(value.scalar)) {
      if (!spec_.calendar.dated()) {
        if (!has(get(root_, "scenario"), "start_date")) {
          error(value.location, fmt::format("'{}' as a date needs scenario.start_date; or give a "
                                            "run day",
                                            what));
        }
        return std::nullopt;
      }
      day = spec_.calendar.day_of(*date);
    } else {
      error(value.location, fmt::format("'{}' must be a date, YYYY-MM-DD, or a run day; got '{}'",
                                        what, value.scalar));
      return std::nullopt;
    }
    if (day < 0.0 || day > spec_.horizon_days) {
      error(value.location, fmt::format("'{}' {} is outside the run (days 0 to {:g})", what,
                                        value.scalar, spec_.horizon_days));
      return std::nullopt;
    }
    return day;
  }

  // A step of a demand entry's growth path: from a date or a day on, in order.
  void add_growth_step(model::DemandSpec& demand, const Value& step) {
    if (has(step, "from") == has(step, "from_day")) {
      error(step.location, "a growth step needs exactly one of 'from' (a date) or 'from_day'");
      return;
    }
    double from_day = 0.0;
    if (has(step, "from")) {
      const Value& from = get(step, "from");
      const auto date = model::parse_iso_date(from.scalar);
      if (!date) {
        error(from.location,
              fmt::format("'from' must be a date, YYYY-MM-DD; got '{}'", from.scalar));
        return;
      }
      if (!spec_.calendar.dated()) {
        if (!has(get(root_, "scenario"), "start_date")) {
          error(from.location, "a growth step dated with 'from' needs scenario.start_date");
        }
        return;
      }
      from_day = spec_.calendar.day_of(*date);
      if (from_day < 0.0) {
        error(from.location,
              fmt::format("this growth step on {} is before the start date, {}", from.scalar,
                          model::format_iso_date(*spec_.calendar.start())));
        return;
      }
    } else {
      from_day = number(step, "from_day", 0.0);
    }
    const SourceLocation& where =
        has(step, "from") ? get(step, "from").location : get(step, "from_day").location;
    if (!demand.growth_path.empty() && from_day <= demand.growth_path.back().from_day) {
      error(where, "growth steps must come in time order, each after the one before");
      return;
    }
    demand.growth_path.push_back({from_day, number(step, "pct", 0.0)});
  }

  // The run day an event happens on, from `at_day` or from a date `on`; empty (with an
  // error) when it is missing, not a date, or outside the run.
  std::optional<double> event_day(const Value& item) {
    if (has(item, "at_day") == has(item, "on")) {
      error(item.location, "an event needs exactly one of 'at_day' or 'on'");
      return std::nullopt;
    }
    if (has(item, "on")) {
      const Value& on = get(item, "on");
      const auto date = model::parse_iso_date(on.scalar);
      if (!date) {
        error(
            on.location,
            fmt::format("'on' must be a date, YYYY-MM-DD (e.g. 2028-07-01); got '{}'", on.scalar));
        return std::nullopt;
      }
      if (!spec_.calendar.dated()) {
        // A start date that did not parse has had its error; one is enough.
        if (!has(get(root_, "scenario"), "start_date")) {
          error(on.location,
                "an event dated with 'on' needs scenario.start_date, the date of day 0");
        }
        return std::nullopt;
      }
      const double day = spec_.calendar.day_of(*date);
      const std::string start = model::format_iso_date(*spec_.calendar.start());
      if (day < 0.0) {
        error(on.location, fmt::format("this event on {} is before the start date, {}",
                                       model::format_iso_date(*date), start));
        return std::nullopt;
      }
      if (day > spec_.horizon_days) {
        error(on.location,
              fmt::format("this event on {} is past the end of the run ({} + {:g} days, {})",
                          model::format_iso_date(*date), start, spec_.horizon_days,
                          model::format_iso_date(spec_.calendar.date_of(spec_.horizon_days))));
        return std::nullopt;
      }
      return day;
    }
    const double day = number(item, "at_day", 0.0);
    if (day > spec_.horizon_days) {
      const bool looks_like_year = day >= 1900.0 && day <= 2200.0 && day == std::floor(day);
      const std::string hint =
          looks_like_year ? fmt::format(
                                "{:g} looks like a year: date the event with 'on: {:g}-01-01' and "
                                "give scenario.start_date",
                                day, day)
                          : std::string("at_day counts days from the start, not hours");
      error(get(item, "at_day").location,
            fmt::format("this event on day {:g} is past the horizon (day {:g}) and would never "
                        "happen; {}",
                        day, spec_.horizon_days, hint));
      return std::nullopt;
    }
    return day;
  }

  void add_event(const Value& item) {
    const std::optional<double> when = event_day(item);
    if (!when) return;
    const double at_day = *when;
    const bool sets = has(item, "set");
    const bool closes = has(item, "close");
    if (sets == closes) {
      error(item.location, "an event needs exactly one of 'set' or 'close'");
      return;
    }
    if (sets) {
      if (has(item, "for_days")) {
        error(item.key_location("for_days"), "'for_days' belongs to a closure, not to 'set'");
      }
      add_change(get(item, "set"), at_day);
      return;
    }
    if (!has(item, "for_days")) {
      error(item.location, "a closure needs 'for_days'");
      return;
    }
    const Value& close = get(item, "close");
    if (has(close, "node") == has(close, "link")) {
      error(close.location, "'close' needs exactly one of 'node' or 'link'");
      return;
    }
    if (has(close, "node")) {
      model::NodeClosure closure;
      closure.at_day = at_day;
      closure.for_days = number(item, "for_days", 0.0);
      closure.node = resolve(node_index_, get(close, "node"), "node");
      if (closure.node != kNone) spec_.node_closures.push_back(closure);
      return;
    }
    model::LinkClosure closure;
    closure.at_day = at_day;
    closure.for_days = number(item, "for_days", 0.0);
    closure.link = resolve(link_index_, get(close, "link"), "link");
    spec_.closures.push_back(closure);
  }

  // The attributes a dated `set` may change, by facility.
  static constexpr std::pair<const char*, model::Attribute> kNodeAttributes[] = {
      {"capacity_mtpa", model::Attribute::capacity_mtpa},
      {"servers", model::Attribute::servers},
      {"service", model::Attribute::service},
      {"dwell_h", model::Attribute::dwell_h},
      {"dwell_cv", model::Attribute::dwell_cv},
      {"storage_lots", model::Attribute::storage_lots},
      {"tariff_usd_per_t", model::Attribute::tariff_usd_per_t}};
  static constexpr std::pair<const char*, model::Attribute> kTerminalAttributes[] = {
      {"capacity_mtpa", model::Attribute::capacity_mtpa},
      {"capacity_teu_per_year", model::Attribute::capacity_teu_per_year},
      {"servers", model::Attribute::servers},
      {"service", model::Attribute::service}};
  static constexpr std::pair<const char*, model::Attribute> kLinkAttributes[] = {
      {"capacity_mtpa", model::Attribute::capacity_mtpa},
      {"speed_kmh", model::Attribute::speed_kmh},
      {"tariff_usd_per_tkm", model::Attribute::tariff_usd_per_tkm}};
  static constexpr std::pair<const char*, model::Attribute> kVehicleAttributes[] = {
      {"fleet", model::Attribute::fleet},
      {"capacity_lots", model::Attribute::capacity_lots},
      {"loading_positions", model::Attribute::loading_positions},
      {"max_hold_h", model::Attribute::max_hold_h},
      {"empty_hold_h", model::Attribute::empty_hold_h},
      {"load_h", model::Attribute::load_h},
      {"unload_h", model::Attribute::unload_h}};

  void add_change(const Value& set, double at_day) {
    if (auto change = read_change(set, at_day)) spec_.changes.push_back(*change);
  }

  // `set: {node|link|vehicle: ID, [terminal: ID,] KEY: VALUE}`; empty after an error.
  std::optional<model::AttributeChange> read_change(const Value& set, double at_day) {
    const int facilities = int{has(set, "node")} + int{has(set, "link")} + int{has(set, "vehicle")};
    if (facilities != 1) {
      error(set.location, "'set' needs exactly one of 'node', 'link' or 'vehicle'");
      return std::nullopt;
    }
    if (has(set, "terminal") && !has(set, "node")) {
      error(set.key_location("terminal"),
            "'terminal' names a terminal of the node given by 'node'");
      return std::nullopt;
    }
    model::AttributeChange change;
    change.at_day = at_day;
    std::span<const std::pair<const char*, model::Attribute>> allowed;
    std::string what;
    if (has(set, "node")) {
      change.facility = model::FacilityKind::node;
      change.index = resolve(node_index_, get(set, "node"), "node");
      if (change.index == kNone) return std::nullopt;
      const model::NodeSpec& node = spec_.nodes[change.index];
      what = fmt::format("node '{}'", node.id);
      allowed = kNodeAttributes;
      if (has(set, "terminal")) {
        const Value& name = get(set, "terminal");
        for (std::uint32_t t = 0; t < node.terminals.size(); ++t) {
          if (node.terminals[t].id == name.scalar) change.terminal = t;
        }
        if (change.terminal == kNone) {
          error(name.location, fmt::format("node '{}' has no terminal '{}'", node.id, name.scalar));
          return std::nullopt;
        }
        what = fmt::format("terminal '{}' of node '{}'", name.scalar, node.id);
        allowed = kTerminalAttributes;
      }
    } else if (has(set, "link")) {
      change.facility = model::FacilityKind::link;
      change.index = resolve(link_index_, get(set, "link"), "link");
      if (change.index == kNone) return std::nullopt;
      what = fmt::format("link '{}'", spec_.links[change.index].id);
      allowed = kLinkAttributes;
    } else {
      change.facility = model::FacilityKind::vehicle;
      change.index = resolve(vehicle_index_, get(set, "vehicle"), "vehicle");
      if (change.index == kNone) return std::nullopt;
      what = fmt::format("vehicle '{}'", spec_.vehicles[change.index].id);
      allowed = kVehicleAttributes;
    }
    // Exactly one attribute, and one this facility has.
    std::vector<std::string> given;
    for (const std::string& key : set.keys) {
      if (key != "node" && key != "link" && key != "vehicle" && key != "terminal") {
        given.push_back(key);
      }
    }
    std::string names;
    for (const auto& [key, attribute] : allowed)
      names += fmt::format("{}{}", names.empty() ? "" : ", ", key);
    if (given.size() != 1) {
      error(set.location,
            fmt::format("'set' changes one attribute at a time: for {}, one of {}", what, names));
      return std::nullopt;
    }
    const auto found = std::find_if(allowed.begin(), allowed.end(), [&](const auto& entry) {
      return given.front() == entry.first;
    });
    if (found == allowed.end()) {
      error(set.key_location(given.front()),
            fmt::format("'{}' is not an attribute of {} that can change on a date; it can "
                        "change {}",
                        given.front(), what, names));
      return std::nullopt;
    }
    change.attribute = found->second;
    if (change.attribute == model::Attribute::service) {
      std::tie(change.law, change.value) = shape(get(set, "service"));
    } else {
      change.value = number(set, found->first, 0.0);
    }
    const SourceLocation where = set.key_location(found->first);
    const bool of_node = change.facility == model::FacilityKind::node && change.terminal == kNone;
    if (of_node &&
        (change.attribute == model::Attribute::dwell_h ||
         change.attribute == model::Attribute::dwell_cv) &&
        !spec_.nodes[change.index].dwell_h) {
      error(where, fmt::format("{} has no dwell_h to change: give it one from the start (its "
                               "law and first mean)",
                               what));
      return std::nullopt;
    }
    if (of_node && change.attribute == model::Attribute::dwell_cv &&
        spec_.nodes[change.index].dwell_h->kind != model::DistributionKind::lognormal &&
        spec_.nodes[change.index].dwell_h->kind != model::DistributionKind::gamma) {
      error(where, fmt::format("the dwell law of {} has no cv to change: only a lognormal or "
                               "gamma dwell has one",
                               what));
      return std::nullopt;
    }
    // A yard limit from the start: a node without one is never tracked (its handling may
    // be booked ahead), so it cannot gain one on a date.
    if (of_node && change.attribute == model::Attribute::storage_lots &&
        !spec_.nodes[change.index].storage_lots) {
      error(where, fmt::format("{} has no yard limit to change: give it storage_lots from the "
                               "start",
                               what));
      return std::nullopt;
    }
    if (change.facility == model::FacilityKind::vehicle &&
        change.attribute == model::Attribute::fleet && !spec_.vehicles[change.index].fleet) {
      error(where, fmt::format("{} has unlimited stock, no fleet to change: give it a fleet from "
                               "the start",
                               what));
      return std::nullopt;
    }
    if (change.terminal != kNone && (change.attribute == model::Attribute::capacity_teu_per_year ||
                                     change.attribute == model::Attribute::capacity_mtpa)) {
      // One unit all run long, so that each period's capacity is read in it.
      const model::TerminalSpec& terminal = spec_.nodes[change.index].terminals[change.terminal];
      const bool in_teu = change.attribute == model::Attribute::capacity_teu_per_year;
      if (in_teu != terminal.capacity_teu_per_year.has_value()) {
        error(where, fmt::format("{} gives its capacity in {}: change it in the same unit, {}",
                                 what, in_teu ? "tonnes" : "TEU",
                                 in_teu ? "capacity_mtpa" : "capacity_teu_per_year"));
        return std::nullopt;
      }
    }
    if (change.terminal != kNone && change.attribute == model::Attribute::capacity_teu_per_year) {
      const model::TerminalSpec& terminal = spec_.nodes[change.index].terminals[change.terminal];
      for (std::uint32_t c = 0; c < spec_.classes.size(); ++c) {
        if (terminal.classes[c] && !spec_.classes[c].teu_per_lot) {
          error(where, fmt::format("{} serves class '{}', which has no teu_per_lot: give its "
                                   "capacity in capacity_mtpa",
                                   what, spec_.classes[c].id));
          return std::nullopt;
        }
      }
    }
    if (of_node && (change.attribute == model::Attribute::servers ||
                    change.attribute == model::Attribute::service)) {
      uncapacitated_with_servers_.emplace_back(change.index, where);
    }
    return change;
  }

  void add_investment(const Value& item) {
    model::InvestmentSpec investment;
    investment.id = text(item, "id");
    if (!register_id(investment_index_, investment_locations_, investment.id,
                     get(item, "id").location, "investment")) {
      return;
    }
    investment.name = has(item, "name") ? text(item, "name") : investment.id;
    investment.capex_musd = number(item, "capex_musd", 0.0);
    investment.build_years = count(item, "build_years", 1);
    investment.opex_musd_per_year = number(item, "opex_musd_per_year", 0.0);
    investment.lifetime_years = count(item, "lifetime_years", 1);
    const Value& earliest = get(item, "earliest");
    const auto date = model::parse_iso_date(earliest.scalar);
    if (!date) {
      error(earliest.location,
            fmt::format("'earliest' must be a date, YYYY-MM-DD (e.g. 2030-01-01); got '{}'",
                        earliest.scalar));
    } else if (!spec_.calendar.dated()) {
      if (!has(get(root_, "scenario"), "start_date")) {
        error(earliest.location,
              "an investment's 'earliest' date needs scenario.start_date, the date of day 0");
      }
    } else {
      investment.earliest_day = spec_.calendar.day_of(*date);
      if (investment.earliest_day < 0.0) {
        error(earliest.location,
              fmt::format("investment '{}' opens on {}, before the start date, {}: an "
                          "investment in service from the start is part of the do-nothing "
                          "case, give it as the scenario's own",
                          investment.id, model::format_iso_date(*date),
                          model::format_iso_date(*spec_.calendar.start())));
      }
    }
    const Value& changes = get(item, "changes");
    for (const Value& change : changes.items) {
      if (auto read = read_change(get(change, "set"), 0.0)) investment.changes.push_back(*read);
    }
    if (has(item, "changes") && changes.items.empty()) {
      error(changes.location,
            fmt::format("investment '{}' changes nothing: give at least one change, "
                        "[{{set: {{node: ID, capacity_mtpa: X}}}}]",
                        investment.id));
    }
    spec_.investments.push_back(std::move(investment));
  }

  void read_appraisal(const Value& appraisal) {
    model::AppraisalSpec& spec = spec_.appraisal;
    spec.discount_rate = number(appraisal, "discount_rate", spec.discount_rate);
    spec.carbon_price_usd_per_t =
        number(appraisal, "carbon_price_usd_per_t", spec.carbon_price_usd_per_t);
    spec.benefit_usd_per_t = number(appraisal, "benefit_usd_per_t", spec.benefit_usd_per_t);
    spec.diversion_multiple = number(appraisal, "diversion_multiple", spec.diversion_multiple);
    if (has(appraisal, "price_base_year")) {
      spec.price_base_year =
          static_cast<int>(parse_integer(get(appraisal, "price_base_year").scalar).value_or(0));
      if (spec_.calendar.dated() && *spec.price_base_year > spec_.calendar.start()->year) {
        error(get(appraisal, "price_base_year").location,
              fmt::format("price_base_year {} is after the start year, {}: flows are discounted "
                          "to the base year, which cannot come after them",
                          *spec.price_base_year, spec_.calendar.start()->year));
      }
    }
  }

  void add_storm(const Value& item) {
    model::StormSpec storm;
    storm.id = text(item, "id");
    if (!register_id(storm_index_, storm_locations_, storm.id, get(item, "id").location, "storm")) {
      return;
    }
    for (const Value& link : get(item, "links").items) {
      storm.links.push_back(resolve(link_index_, link, "link"));
    }
    if (storm.links.empty()) error(get(item, "links").location, "a storm needs at least one link");
    const Value& season = get(item, "season");
    storm.season_from_day = number(season, "from_day", 0.0);
    storm.season_to_day = number(season, "to_day", 365.0);
    if (has(item, "season") && storm.season_from_day == storm.season_to_day) {
      error(season.location, "a season needs from_day and to_day to differ");
    }
    storm.per_season = number(item, "per_season", 0.0);
    storm.duration_h = duration(get(item, "duration_h"));
    spec_.storms.push_back(std::move(storm));
  }

  std::string class_list() const {
    std::string list;
    for (const model::CargoClass& cargo_class : spec_.classes) {
      list += (list.empty() ? "" : ", ") + cargo_class.id;
    }
    return list;
  }

  void read_routing(const Value& routing) {
    model::RoutingSpec& spec = spec_.routing;
    const std::string choice = text(routing, "choice");
    if (choice == "fixed") spec.choice = model::RouteChoice::fixed;
    if (choice == "logit") spec.choice = model::RouteChoice::logit;
    if (choice == "adaptive") spec.choice = model::RouteChoice::adaptive;
    spec.k = count(routing, "k", spec.k);
    spec.logit_scale_per_usd = number(routing, "logit_scale_per_usd", spec.logit_scale_per_usd);
    spec.value_of_time_usd_per_t_h =
        number(routing, "value_of_time_usd_per_t_h", spec.value_of_time_usd_per_t_h);
  }

  void read_modes(const Value& modes) {
    const char* names[] = {"rail", "sea", "road"};
    for (int m = 0; m < 3; ++m) {
      const Value& mode = get(modes, names[m]);
      model::ModeCosts& costs = spec_.mode_costs[m];
      costs.tariff_usd_per_tkm = number(mode, "tariff_usd_per_tkm", costs.tariff_usd_per_tkm);
      costs.co2_g_per_tkm = number(mode, "co2_g_per_tkm", costs.co2_g_per_tkm);
    }
  }

  void check_servers_have_capacity() {
    for (const auto& [node, where] : uncapacitated_with_servers_) {
      const auto node_index = node;  // clang 14 cannot capture a structured binding
      const bool given_later =
          spec_.nodes[node_index].capacity_mtpa ||
          std::any_of(spec_.changes.begin(), spec_.changes.end(), [&](const auto& change) {
            return change.facility == model::FacilityKind::node && change.index == node_index &&
                   change.terminal == kNone && change.attribute == model::Attribute::capacity_mtpa;
          });
      if (!given_later) {
        error(where, fmt::format("node '{}' sets servers or service but has no capacity_mtpa",
                                 spec_.nodes[node].id));
      }
    }
  }

  void check_size() {
    double lots = 0.0;
    for (const auto& demand : spec_.demand) {
      lots += model::tonnes_per_hour(demand.volume_mtpa) * spec_.horizon_days * 24.0 /
              spec_.lot_t_of(demand) *
              model::mean_rate_factor(demand, spec_.calendar, spec_.horizon_days);
    }
    if (lots > kMaxLotsPerRun) {
      // A volume far beyond any corridor is more likely TEU or tonnes than a lot size
      // that is too small: name it rather than advise a larger lot_t.
      const auto huge = std::find_if(spec_.demand.begin(), spec_.demand.end(), [](const auto& d) {
        return d.volume_mtpa > kPlausibleVolumeMtpa;
      });
      if (huge != spec_.demand.end()) {
        error(demand_locations_[static_cast<std::size_t>(huge - spec_.demand.begin())],
              fmt::format("demand '{}': {:g} Mt/yr would create about {:.3g} lots in the run, "
                          "more than the limit of {:.0e}; volume_mtpa is million tonnes a "
                          "year, not TEU or tonnes (a TEU of cargo is some 10-14 t)",
                          huge->id, huge->volume_mtpa, lots, kMaxLotsPerRun));
      } else {
        const Value& cargo = get(root_, "cargo");
        error(has(cargo, "lot_t") ? get(cargo, "lot_t").location : cargo.location,
              fmt::format("the run would create about {:.3g} lots, more than the limit of "
                          "{:.0e}; use a larger lot_t or a shorter horizon",
                          lots, kMaxLotsPerRun));
      }
    }
    // Every node and link keeps two numbers per simulated day (the daily series).
    const double series_bytes = static_cast<double>(spec_.nodes.size() + spec_.links.size()) *
                                std::ceil(spec_.horizon_days) * 2.0 * sizeof(double);
    if (series_bytes > kMaxSeriesBytes) {
      error(get(get(root_, "scenario"), "horizon_days").location,
            fmt::format("{} nodes and links over {} days would need {:.1f} GB for their daily "
                        "series, more than the limit of {:.0f} GB; shorten the horizon",
                        spec_.nodes.size() + spec_.links.size(), spec_.horizon_days,
                        series_bytes / 1e9, kMaxSeriesBytes / 1e9));
    }
    // A fleet shuttles whether or not there is cargo, so its voyages are bounded by its
    // round trip, not by demand: a tiny link would otherwise run for hours. The shortest
    // round trip is an empty one: no loading, and no wait where no cargo can board.
    const auto& link_items = get(get(root_, "network"), "links").items;
    double voyages = 0.0;
    std::size_t busiest = 0;
    double busiest_voyages = 0.0;
    for (std::size_t i = 0; i < spec_.links.size(); ++i) {
      const model::LinkSpec& link = spec_.links[i];
      if (link.vehicle == kNone || !spec_.vehicles[link.vehicle].fleet) continue;
      const model::VehicleSpec& vehicle = spec_.vehicles[link.vehicle];
      const double round_trip_h = 2.0 * (link.travel_h() + vehicle.unload_h);
      const double link_voyages = *vehicle.fleet * spec_.horizon_days * 24.0 / round_trip_h;
      voyages += link_voyages;
      if (link_voyages > busiest_voyages) {
        busiest = i;
        busiest_voyages = link_voyages;
      }
    }
    if (voyages > kMaxLotsPerRun) {
      const model::LinkSpec& link = spec_.links[busiest];
      error(link_items[busiest].location,
            fmt::format("fleets would make about {:.3g} voyages in all, more than the limit of "
                        "{:.0e}; the fleet on link '{}' alone makes {:.3g}; check its length_km, "
                        "speed_kmh and unload_h",
                        voyages, kMaxLotsPerRun, link.id, busiest_voyages));
    }
  }

  void check_routes() {
    try {
      model::CandidateRoutes candidates = model::plan_routes(spec_);
      if (planned_ != nullptr) *planned_ = std::move(candidates);
    } catch (const model::RoutingError& failure) {
      const Value& item = *demand_items_[failure.demand()];
      const SourceLocation* where = &item.location;
      const auto list_item = [&](const char* key) {
        const Value& list = get(item, key);
        if (list.is_sequence() && failure.position() < list.items.size()) {
          where = &list.items[failure.position()].location;
        }
      };
      switch (failure.part()) {
        case model::RoutingError::Part::shares: {
          const Value& shares = get(get(item, "routes"), "shares");
          if (shares.is_sequence()) where = &shares.location;
          break;
        }
        case model::RoutingError::Part::via:
          list_item("via");
          break;
        case model::RoutingError::Part::via_links:
          list_item("via_links");
          break;
        case model::RoutingError::Part::entry:
          break;
      }
      error(*where,
            fmt::format("demand '{}': {}", spec_.demand[failure.demand()].id, failure.what()));
    }
  }

  const Value& root_;
  std::vector<Diagnostic>& diagnostics_;
  model::CorridorSpec spec_;
  std::map<std::string, std::uint32_t> class_index_, node_index_, vehicle_index_, link_index_,
      demand_index_, storm_index_, investment_index_;
  std::vector<SourceLocation> class_locations_, node_locations_, vehicle_locations_,
      link_locations_, demand_locations_, storm_locations_, investment_locations_;
  std::vector<const Value*> demand_items_;
  std::vector<std::pair<std::uint32_t, SourceLocation>> uncapacitated_with_servers_;
  double demand_scale_ = 1.0;
  model::CandidateRoutes* planned_;
};

}  // namespace

model::CorridorSpec build_spec(const Value& root, std::vector<Diagnostic>& diagnostics,
                               model::CandidateRoutes* planned) {
  return Builder(root, diagnostics, planned).build();
}

}  // namespace corridor::scenario::detail
