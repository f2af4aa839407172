#include "schema.hpp"

namespace corridor::scenario::detail {
namespace {

using enum FieldType;

// Limits that keep a mistyped value from becoming an endless or absurd run.
constexpr double kMaxHorizonDays = 36500.0;  // a century
constexpr double kMaxHours = 1e5;

// The model's defaults (model/spec.hpp), as documented; a unit test checks they agree.
constexpr std::string_view kRailTariffDefault = "0.080";
constexpr std::string_view kRailCo2Default = "30";
constexpr std::string_view kSeaTariffDefault = "0.0126";
constexpr std::string_view kSeaCo2Default = "124.8";
constexpr std::string_view kRoadTariffDefault = "0.0945";
constexpr std::string_view kRoadCo2Default = "102.7";
constexpr std::string_view kValueOfTimeDefault = "1";

Field id_field(std::string_view help) {
  return Field{.name = "id", .type = identifier, .required = true, .help = help};
}

// A node's or link's dates in service.
Field opens_field() {
  return Field{.name = "opens",
               .type = text,
               .help =
                   "In service from this date YYYY-MM-DD (needs scenario.start_date) or "
                   "run day: routes pass it only then; default: day 0."};
}
Field closes_field() {
  return Field{.name = "closes",
               .type = text,
               .help = "Out of service from this date or run day on; default: never."};
}

const Record& run_record() {
  static const Record instance{
      "scenario",
      {
          Field{.name = "name", .type = text, .required = true, .help = "Title shown in results."},
          Field{.name = "description", .type = text, .help = "Free text for readers."},
          Field{.name = "horizon_days",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = kMaxHorizonDays,
                .help = "Simulated time from the start, in days."},
          Field{.name = "warmup_days",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = kMaxHorizonDays,
                .help = "Days at the start excluded from statistics; must end before the horizon."},
          Field{.name = "start_date",
                .type = text,
                .help = "Date of day 0, YYYY-MM-DD: months, years and dated events follow "
                        "the real calendar from it."},
          Field{.name = "demand_scale",
                .type = number,
                .default_text = "1",
                .min = 0.0,
                .min_exclusive = true,
                .max = 100.0,
                .help = "Every demand entry's volume_mtpa times this (--demand-scale)."},
          Field{.name = "seed",
                .type = integer,
                .default_text = "1",
                .min = 0.0,
                .max = 9007199254740991.0,
                .help = "Seed of all random streams."},
      }};
  return instance;
}

const Record& cargo_class_record() {
  static const Record instance{
      "cargo class",
      {
          id_field("Names the class; demand entries and vehicles refer to it."),
          Field{.name = "lot_t",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e6,
                .help = "Tonnes in one lot of this class: what takes one place aboard a vehicle "
                        "(a wagon-load, a TEU slot)."},
          Field{.name = "teu_per_lot",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e3,
                .help = "Containers: the TEU one lot stands for; results then count TEU too."},
          Field{.name = "value_of_time_usd_per_t_h",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "What an hour in transit costs this class, US dollars per tonne; "
                        "default: routes.value_of_time_usd_per_t_h."},
          Field{.name = "description", .type = text, .help = "Free text for readers."},
      }};
  return instance;
}

const Record& cargo_record() {
  static const Record instance{
      "cargo",
      {
          Field{.name = "lot_t",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e6,
                .help = "Tonnes in one lot, the unit cargo moves in, when all cargo is one "
                        "class; give lot_t or classes."},
          Field{.name = "classes",
                .type = record_list,
                .record = &cargo_class_record(),
                .help = "Kinds of cargo, each with its own lot size; give lot_t or classes."},
      }};
  return instance;
}

const Record& timetable_record() {
  static const Record instance{
      "timetable",
      {
          Field{.name = "every_h",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e5,
                .help = "Hours between departures from each end."},
          Field{.name = "first_h",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = 1e5,
                .help = "Hour of the first departure, from the start of the run."},
          Field{.name = "skip_empty",
                .type = boolean,
                .default_text = "false",
                .help = "Cancel a departure with nothing aboard (else it runs empty)."},
      }};
  return instance;
}

const Record& vehicle_record() {
  static const Record instance{
      "vehicle",
      {
          id_field("Name that links use in `vehicle:`."),
          Field{.name = "mode",
                .type = choice,
                .required = true,
                .choices = {"rail", "sea", "road"},
                .help = "Must match the links it serves."},
          Field{.name = "capacity_lots",
                .type = integer,
                .required = true,
                .min = 1.0,
                .max = 1e6,
                .help = "Lots one vehicle carries."},
          Field{.name = "max_hold_h",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = kMaxHours,
                .help = "Longest wait for a full load, from when loading opens, once cargo is "
                        "aboard; 0 leaves with what is waiting."},
          Field{.name = "empty_hold_h",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = kMaxHours,
                .help = "With a fleet: how long a vessel with nothing aboard waits at a quay for "
                        "cargo before it sails empty; never where no route boards."},
          Field{.name = "load_h",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = kMaxHours,
                .help = "Time to load, per departure."},
          Field{.name = "unload_h",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = kMaxHours,
                .help = "Time to unload, per arrival."},
          Field{.name = "fleet",
                .type = integer,
                .min = 1.0,
                .max = 10000.0,
                .help = "Vehicles shuttling on each link that names this vehicle; absent: "
                        "unlimited stock."},
          Field{.name = "carries",
                .type = identifiers,
                .help = "The cargo classes it carries; default: every class."},
          Field{.name = "loading_positions",
                .type = integer,
                .default_text = "1",
                .min = 1.0,
                .max = 1000.0,
                .help = "Without a fleet: vehicles that can load at once at each end of a "
                        "link (tracks or berths); a new one opens when all loading are full."},
          Field{.name = "timetable",
                .type = record,
                .record = &timetable_record(),
                .help = "Without a fleet: depart at fixed times, whatever the load."},
          Field{.name = "description", .type = text, .help = "Free text for readers."},
      }};
  return instance;
}

// Costs and emissions of one mode, with that mode's defaults (docs/data-sources.md).
Record mode_costs(std::string_view name, std::string_view tariff_default,
                  std::string_view co2_default) {
  return Record{name,
                {
                    Field{.name = "tariff_usd_per_tkm",
                          .type = number,
                          .default_text = tariff_default,
                          .min = 0.0,
                          .max = 100.0,
                          .help = "Freight rate, US dollars per tonne-kilometre."},
                    Field{.name = "co2_g_per_tkm",
                          .type = number,
                          .default_text = co2_default,
                          .min = 0.0,
                          .max = 1e4,
                          .help = "CO2 emitted, grams per tonne-kilometre."},
                }};
}

const Record& rail_costs_record() {
  static const Record instance = mode_costs("rail", kRailTariffDefault, kRailCo2Default);
  return instance;
}
const Record& sea_costs_record() {
  static const Record instance = mode_costs("sea", kSeaTariffDefault, kSeaCo2Default);
  return instance;
}
const Record& road_costs_record() {
  static const Record instance = mode_costs("road", kRoadTariffDefault, kRoadCo2Default);
  return instance;
}

const Record& modes_record() {
  static const Record instance{"modes",
                               {
                                   Field{.name = "rail",
                                         .type = record,
                                         .record = &rail_costs_record(),
                                         .help = "Rail links' defaults."},
                                   Field{.name = "sea",
                                         .type = record,
                                         .record = &sea_costs_record(),
                                         .help = "Sea links' defaults."},
                                   Field{.name = "road",
                                         .type = record,
                                         .record = &road_costs_record(),
                                         .help = "Road links' defaults."},
                               }};
  return instance;
}

const Record& routing_record() {
  static const Record instance{
      "routes",
      {
          Field{.name = "choice",
                .type = choice,
                .default_text = "shortest",
                .choices = {"fixed", "shortest", "logit", "adaptive"},
                .help = "How each lot picks among its candidate routes (docs/routing.md)."},
          Field{.name = "k",
                .type = integer,
                .default_text = "1",
                .min = 1.0,
                .max = 20.0,
                .help = "Candidate routes per demand entry without via: the k cheapest."},
          Field{.name = "logit_scale_per_usd",
                .type = number,
                .default_text = "0.1",
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e3,
                .help = "Logit scale: odds fall by e per this inverse of USD per tonne."},
          Field{.name = "value_of_time_usd_per_t_h",
                .type = number,
                .default_text = kValueOfTimeDefault,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "What an hour in transit costs, US dollars per tonne."},
      }};
  return instance;
}

const Record& demand_routes_record() {
  static const Record instance{
      "demand routes",
      {
          Field{.name = "k",
                .type = integer,
                .min = 1.0,
                .max = 20.0,
                .help = "Candidate routes for this entry; with via, the pinned one and k-1 more."},
          Field{.name = "shares",
                .type = numbers,
                .min = 0.0,
                .max = 1.0,
                .help = "The fixed rule's share of each candidate, in `corridor routes` order."},
      }};
  return instance;
}

const Record& terminal_record() {
  static const Record instance{
      "terminal",
      {
          id_field("Names the terminal in results."),
          Field{.name = "classes",
                .type = identifiers,
                .required = true,
                .help = "The cargo classes it handles; each class in at most one terminal of "
                        "the node."},
          Field{.name = "capacity_mtpa",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "Its handling capacity in million tonnes a year; give this or "
                        "capacity_teu_per_year."},
          Field{.name = "capacity_teu_per_year",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e9,
                .help = "Its handling capacity in TEU a year (container classes only)."},
          Field{.name = "servers",
                .type = integer,
                .default_text = "1",
                .min = 1.0,
                .max = 1e4,
                .help = "Parallel handling lines sharing its capacity."},
          Field{.name = "service",
                .type = service,
                .default_text = "deterministic",
                .help = "Distribution of handling time per lot; its mean follows from capacity."},
      }};
  return instance;
}

const Record& node_record() {
  static const Record instance{
      "node",
      {
          id_field("Conventionally a lower-case place name; links and demand refer to it."),
          Field{.name = "name", .type = text, .help = "Display name."},
          Field{.name = "kind",
                .type = choice,
                .required = true,
                .choices = {"terminal", "port", "border", "junction"},
                .help = "What the node is."},
          Field{.name = "capacity_mtpa",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "Handling capacity in million tonnes a year; absent: handles instantly."},
          Field{.name = "servers",
                .type = integer,
                .default_text = "1",
                .min = 1.0,
                .max = 1e4,
                .help = "Parallel handling lines sharing capacity_mtpa."},
          Field{.name = "service",
                .type = service,
                .default_text = "deterministic",
                .help = "Distribution of handling time per lot; its mean follows from capacity."},
          Field{.name = "dwell_h",
                .type = duration,
                .help = "Extra delay after handling that takes no server (customs, gauge "
                        "change)."},
          Field{.name = "tariff_usd_per_t",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = 1e5,
                .help = "Handling and border fees, US dollars per tonne passing."},
          Field{.name = "terminals",
                .type = record_list,
                .record = &terminal_record(),
                .help = "Parts of the handling set aside for some cargo classes, each with its "
                        "own capacity; capacity_mtpa still binds all cargo."},
          Field{.name = "storage_lots",
                .type = integer,
                .min = 1.0,
                .max = 1e9,
                .help = "Yard limit: lots at the node or sent towards it; upstream waits when "
                        "full."},
          Field{.name = "lat",
                .type = number,
                .min = -90.0,
                .max = 90.0,
                .help = "Latitude, degrees north."},
          Field{.name = "lon",
                .type = number,
                .min = -180.0,
                .max = 180.0,
                .help = "Longitude, degrees east."},
          opens_field(),
          closes_field(),
      }};
  return instance;
}

const Record& link_record() {
  static const Record instance{
      "link",
      {
          id_field("Conventionally FROM-TO."),
          Field{.name = "from", .type = identifier, .required = true, .help = "A node id."},
          Field{.name = "to", .type = identifier, .required = true, .help = "A node id."},
          Field{.name = "mode",
                .type = choice,
                .required = true,
                .choices = {"rail", "sea", "road"},
                .help = "Transport mode."},
          Field{.name = "length_km",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e5,
                .help = "Length in kilometres."},
          Field{.name = "speed_kmh",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "Average moving speed."},
          Field{.name = "capacity_mtpa",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "Per direction, million tonnes a year; caps departures. Absent: no cap."},
          Field{.name = "vehicle",
                .type = identifier,
                .help = "A vehicle id; absent: lots travel one by one."},
          Field{.name = "oneway",
                .type = boolean,
                .default_text = "false",
                .help = "Carries cargo from -> to only."},
          Field{.name = "tariff_usd_per_tkm",
                .type = number,
                .default_text = "the mode's",
                .min = 0.0,
                .max = 100.0,
                .help = "Freight rate, US dollars per tonne-kilometre."},
          Field{.name = "co2_g_per_tkm",
                .type = number,
                .default_text = "the mode's",
                .min = 0.0,
                .max = 1e4,
                .help = "CO2 emitted, grams per tonne-kilometre."},
          Field{.name = "travel",
                .type = service,
                .default_text = "deterministic",
                .help = "Distribution of travel time; its mean is length_km / speed_kmh.",
                .implied_dist = "lognormal"},
          Field{.name = "name", .type = text, .help = "Display name."},
          opens_field(),
          closes_field(),
      }};
  return instance;
}

const Record& network_record() {
  static const Record instance{"network",
                               {
                                   Field{.name = "nodes",
                                         .type = record_list,
                                         .required = true,
                                         .record = &node_record(),
                                         .help = "Terminals, ports, border crossings, junctions."},
                                   Field{.name = "links",
                                         .type = record_list,
                                         .required = true,
                                         .record = &link_record(),
                                         .help = "Rail, sea and road connections."},
                               }};
  return instance;
}

const Record& growth_step_record() {
  static const Record instance{
      "growth step",
      {
          Field{.name = "from",
                .type = text,
                .help = "From this date on, YYYY-MM-DD (needs scenario.start_date); or "
                        "from_day."},
          Field{.name = "from_day",
                .type = number,
                .min = 0.0,
                .max = kMaxHorizonDays,
                .help = "From this run day on; or from."},
          Field{.name = "pct",
                .type = number,
                .required = true,
                .min = -50.0,
                .max = 100.0,
                .help = "Compound growth of the rate from then on, per cent a year."},
      }};
  return instance;
}

const Record& demand_record() {
  static const Record instance{
      "demand",
      {
          Field{.name = "id",
                .type = identifier,
                .default_text = "ORIGIN-DESTINATION",
                .help = "Names the entry for --set and random streams."},
          Field{.name = "origin", .type = identifier, .required = true, .help = "A node id."},
          Field{.name = "destination", .type = identifier, .required = true, .help = "A node id."},
          Field{.name = "volume_mtpa",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "Million tonnes a year."},
          Field{.name = "arrivals",
                .type = choice,
                .default_text = "poisson",
                .choices = {"poisson", "regular"},
                .help = "Poisson process, or evenly spaced lots."},
          Field{.name = "growth_pct_per_year",
                .type = number,
                .default_text = "0",
                .min = -50.0,
                .max = 100.0,
                .help = "Compound growth of the rate from day 0, per cent a year."},
          Field{.name = "growth_path",
                .type = record_list,
                .record = &growth_step_record(),
                .help = "Growth from later dates on: [{from: DATE, pct: X}, ...]; "
                        "growth_pct_per_year until the first."},
          Field{.name = "seasonality",
                .type = numbers,
                .min = 0.0,
                .min_exclusive = true,
                .max = 12.0,
                .help = "Twelve monthly factors, January first; scaled to a mean of 1."},
          Field{.name = "via",
                .type = identifiers,
                .help = "Node ids the pinned route must pass, in order."},
          Field{.name = "opens",
                .type = text,
                .help = "The flow starts: a date YYYY-MM-DD (needs scenario.start_date) or a "
                        "run day; default: day 0."},
          Field{.name = "closes",
                .type = text,
                .help = "The flow ends, a date or a run day, after it opens; default: never."},
          Field{.name = "promise_days",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 3650.0,
                .help = "Transit promised to the shipper; results give the share on time."},
          Field{.name = "via_links",
                .type = identifiers,
                .help = "Link ids the pinned route must cross, in order (instead of via)."},
          Field{.name = "modes",
                .type = identifiers,
                .help = "The modes this entry's routes may use (rail, sea, road); "
                        "default: any."},
          Field{.name = "class",
                .type = identifier,
                .help = "Its cargo class; required when cargo has several classes."},
          Field{.name = "routes",
                .type = record,
                .record = &demand_routes_record(),
                .help = "This entry's candidate routes and fixed shares."},
      }};
  return instance;
}

const Record& set_record() {
  static const Record instance{
      "set",
      {
          Field{.name = "node", .type = identifier, .help = "A node id (give one facility)."},
          Field{.name = "terminal",
                .type = identifier,
                .help = "With node: one of its terminals, whose attribute changes."},
          Field{.name = "link", .type = identifier, .help = "A link id (give one facility)."},
          Field{.name = "vehicle",
                .type = identifier,
                .help = "A vehicle id (give one facility): every link it serves."},
          Field{.name = "capacity_mtpa",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "Node, terminal or link: the new capacity."},
          Field{.name = "capacity_teu_per_year",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e9,
                .help = "Terminal: the new capacity in TEU."},
          Field{.name = "servers",
                .type = integer,
                .min = 1.0,
                .max = 1e4,
                .help = "Node or terminal: handling lines sharing its capacity."},
          Field{.name = "service",
                .type = service,
                .help = "Node or terminal: the new law of handling times (its mean still "
                        "follows from capacity)."},
          Field{.name = "speed_kmh",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1000.0,
                .help = "Link: the new speed, for trips that start later."},
          Field{.name = "tariff_usd_per_tkm",
                .type = number,
                .min = 0.0,
                .max = 100.0,
                .help = "Link: the new tariff, for lots created later; routes ranked anew."},
          Field{.name = "tariff_usd_per_t",
                .type = number,
                .min = 0.0,
                .max = 1e5,
                .help = "Node: the new fees per tonne, for lots created later; routes ranked "
                        "anew."},
          Field{.name = "dwell_h",
                .type = number,
                .min = 0.0,
                .max = 1e4,
                .help = "Node with a dwell: its new mean, hours (the law's shape stays)."},
          Field{.name = "dwell_cv",
                .type = number,
                .min = 0.0,
                .min_exclusive = true,
                .max = 100.0,
                .help = "Node with a lognormal or gamma dwell: its new coefficient of "
                        "variation."},
          Field{.name = "storage_lots",
                .type = integer,
                .min = 1.0,
                .max = 1e9,
                .help = "Node with a yard limit: the new limit, lots."},
          Field{.name = "fleet",
                .type = integer,
                .min = 1.0,
                .max = 10000.0,
                .help = "Vehicle with a fleet: vessels on each link it serves."},
          Field{.name = "capacity_lots",
                .type = integer,
                .min = 1.0,
                .max = 1e6,
                .help = "Vehicle: lots aboard one."},
          Field{.name = "loading_positions",
                .type = integer,
                .min = 1.0,
                .max = 1000.0,
                .help = "Vehicle without a fleet: vehicles loading at once at each end."},
          Field{.name = "max_hold_h",
                .type = number,
                .min = 0.0,
                .max = 1e4,
                .help = "Vehicle: longest wait for a full load."},
          Field{.name = "empty_hold_h",
                .type = number,
                .min = 0.0,
                .max = 1e4,
                .help = "Vehicle with a fleet: wait of an empty vessel for cargo."},
          Field{.name = "load_h",
                .type = number,
                .min = 0.0,
                .max = 1e4,
                .help = "Vehicle: hours loading per call."},
          Field{.name = "unload_h",
                .type = number,
                .min = 0.0,
                .max = 1e4,
                .help = "Vehicle: hours unloading per call."},
      }};
  return instance;
}

const Record& close_record() {
  static const Record instance{
      "close",
      {
          Field{.name = "link", .type = identifier, .help = "A link id (give node or link)."},
          Field{.name = "node", .type = identifier, .help = "A node id (give node or link)."},
      }};
  return instance;
}

const Record& event_record() {
  static const Record instance{"event",
                               {
                                   Field{.name = "id",
                                         .type = identifier,
                                         .help = "Names the event for --set, e.g. "
                                                 "events.ID.at_day=100,200."},
                                   Field{.name = "at_day",
                                         .type = number,
                                         .min = 0.0,
                                         .max = kMaxHorizonDays,
                                         .help = "When it happens, days from the start; or "
                                                 "'on'."},
                                   Field{.name = "on",
                                         .type = text,
                                         .help = "When it happens, a date YYYY-MM-DD (needs "
                                                 "scenario.start_date); or 'at_day'."},
                                   Field{.name = "set",
                                         .type = record,
                                         .record = &set_record(),
                                         .help = "A facility's attribute from this day on: "
                                                 "{node|link|vehicle: ID, KEY: VALUE}."},
                                   Field{.name = "close",
                                         .type = record,
                                         .record = &close_record(),
                                         .help = "A closure for for_days: no departures from a "
                                                 "link, no handling at a node."},
                                   Field{.name = "for_days",
                                         .type = number,
                                         .min = 0.0,
                                         .min_exclusive = true,
                                         .max = kMaxHorizonDays,
                                         .help = "Length of a closure."},
                               }};
  return instance;
}

const Record& season_record() {
  static const Record instance{
      "season",
      {
          Field{.name = "from_day",
                .type = number,
                .required = true,
                .min = 0.0,
                .max = 365.0,
                .help = "Day of the year the season starts (0: 1 January)."},
          Field{.name = "to_day",
                .type = number,
                .required = true,
                .min = 0.0,
                .max = 365.0,
                .help = "Day of the year it ends; smaller than from_day: over the new year."},
      }};
  return instance;
}

const Record& storm_record() {
  static const Record instance{
      "storm",
      {
          id_field("Names the storm's random stream."),
          Field{.name = "links",
                .type = identifiers,
                .required = true,
                .help = "Link ids every storm closes (both directions)."},
          Field{.name = "season",
                .type = record,
                .record = &season_record(),
                .help = "When in the year storms come; absent: all year."},
          Field{.name = "per_season",
                .type = number,
                .required = true,
                .min = 0.0,
                .max = 1000.0,
                .help = "Expected storms in one season, arriving as a Poisson process."},
          Field{.name = "duration_h",
                .type = duration,
                .required = true,
                .help = "How long each storm keeps the links closed."},
      }};
  return instance;
}

// The appraisal's defaults (model/spec.hpp), as documented; a unit test checks they agree.
constexpr std::string_view kDiscountRateDefault = "0.05";
constexpr std::string_view kCarbonPriceDefault = "50";
constexpr std::string_view kBenefitPerTonneDefault = "0";
constexpr std::string_view kDiversionMultipleDefault = "3";

const Record& investment_change_record() {
  static const Record instance{
      "investment change",
      {
          Field{.name = "set",
                .type = record,
                .required = true,
                .record = &set_record(),
                .help = "A facility's attribute from the opening day on, as in events: "
                        "{node|link|vehicle: ID, KEY: VALUE}."},
      }};
  return instance;
}

const Record& investment_record() {
  static const Record instance{
      "investment",
      {
          id_field("Names the investment in appraise and plan results."),
          Field{.name = "name", .type = text, .help = "What it is, for reports."},
          Field{.name = "capex_musd",
                .type = number,
                .required = true,
                .min = 0.0,
                .max = 1e6,
                .help = "Capital cost, million US dollars at the prices of "
                        "appraisal.price_base_year."},
          Field{.name = "build_years",
                .type = integer,
                .default_text = "1",
                .min = 1.0,
                .max = 30.0,
                .help = "Years the capital cost is spread over, evenly, before the opening "
                        "year."},
          Field{.name = "opex_musd_per_year",
                .type = number,
                .default_text = "0",
                .min = 0.0,
                .max = 1e5,
                .help = "Operating and maintenance cost a year in service, million US dollars."},
          Field{.name = "lifetime_years",
                .type = integer,
                .required = true,
                .min = 1.0,
                .max = 200.0,
                .help = "Years of service; beyond the horizon, the unused part of the capital "
                        "cost is its residual value."},
          Field{.name = "earliest",
                .type = text,
                .required = true,
                .help = "The first date it can open, YYYY-MM-DD (needs scenario.start_date); "
                        "appraise opens it then."},
          Field{.name = "changes",
                .type = record_list,
                .required = true,
                .record = &investment_change_record(),
                .help = "What it changes from its opening day: [{set: {...}}, ...]."},
      }};
  return instance;
}

const Record& appraisal_record() {
  static const Record instance{
      "appraisal",
      {
          Field{.name = "discount_rate",
                .type = number,
                .default_text = kDiscountRateDefault,
                .min = 0.0,
                .max = 0.5,
                .help = "Social discount rate a year, real (0.05: 5 %, the European "
                        "Commission's rate for cohesion countries)."},
          Field{.name = "carbon_price_usd_per_t",
                .type = number,
                .default_text = kCarbonPriceDefault,
                .min = 0.0,
                .max = 1e4,
                .help = "Value of a tonne of CO2 avoided, US dollars."},
          Field{.name = "benefit_usd_per_t",
                .type = number,
                .default_text = kBenefitPerTonneDefault,
                .min = 0.0,
                .max = 1e5,
                .help = "Value of a tonne delivered that would not be without the investment, "
                        "beyond its costs, US dollars."},
          Field{.name = "diversion_multiple",
                .type = number,
                .default_text = kDiversionMultipleDefault,
                .min = 1.0,
                .max = 100.0,
                .help = "A tonne whose transit reaches this multiple of its route's free-flow "
                        "time goes by its alternative: time beyond it is not valued."},
          Field{.name = "price_base_year",
                .type = integer,
                .min = 1900.0,
                .max = 2200.0,
                .help = "Year costs are priced in and flows discounted to; default: the year "
                        "of scenario.start_date."},
      }};
  return instance;
}

const Record& root_record() {
  static const Record instance{
      "root",
      {
          Field{.name = "schema_version",
                .type = integer,
                .default_text = "1",
                .min = 1.0,
                .max = 1.0,
                .help = "Version of this format."},
          Field{.name = "extends",
                .type = text,
                .help = "Base scenario file, relative to this one; this file overrides it."},
          Field{.name = "scenario",
                .type = record,
                .required = true,
                .record = &run_record(),
                .help = "Name and run length."},
          Field{.name = "cargo",
                .type = record,
                .required = true,
                .record = &cargo_record(),
                .help = "The lot."},
          Field{.name = "vehicles",
                .type = record_list,
                .record = &vehicle_record(),
                .help = "Trains and ferries, named by links."},
          Field{.name = "network",
                .type = record,
                .required = true,
                .record = &network_record(),
                .help = "Nodes and links."},
          Field{.name = "demand",
                .type = record_list,
                .required = true,
                .record = &demand_record(),
                .help = "Origin-destination flows."},
          Field{.name = "events",
                .type = record_list,
                .record = &event_record(),
                .help = "Dated capacity changes and closures."},
          Field{.name = "storms",
                .type = record_list,
                .record = &storm_record(),
                .help = "Closures at random: storms in a season."},
          Field{.name = "routes",
                .type = record,
                .record = &routing_record(),
                .help = "Candidate routes and how lots choose among them."},
          Field{.name = "modes",
                .type = record,
                .record = &modes_record(),
                .help = "Tariffs and emissions per mode."},
          Field{.name = "investments",
                .type = record_list,
                .record = &investment_record(),
                .help = "Projects to appraise (corridor appraise, plan); a run leaves them out."},
          Field{.name = "appraisal",
                .type = record,
                .record = &appraisal_record(),
                .help = "Parameters of the appraisal: discount rate, carbon price, margin."},
      }};
  return instance;
}

}  // namespace

const Field* Record::find(std::string_view key) const {
  for (const Field& field : fields) {
    if (field.name == key) return &field;
  }
  return nullptr;
}

const Record& scenario_schema() {
  return root_record();
}

std::vector<const Record*> all_records() {
  std::vector<const Record*> records{&root_record()};
  for (std::size_t i = 0; i < records.size(); ++i) {
    for (const Field& field : records[i]->fields) {
      if (field.record == nullptr) continue;
      bool seen = false;
      for (const Record* known : records) seen = seen || known == field.record;
      if (!seen) records.push_back(field.record);
    }
  }
  return records;
}

}  // namespace corridor::scenario::detail
