#include "schema.hpp"

namespace corridor::scenario::detail {
namespace {

using enum FieldType;

// Limits that keep a mistyped value from becoming an endless or absurd run.
constexpr double kMaxHorizonDays = 36500.0;  // a century
constexpr double kMaxHours = 1e5;

Field id_field(std::string_view help) {
  return Field{.name = "id", .type = identifier, .required = true, .help = help};
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
          Field{.name = "seed",
                .type = integer,
                .default_text = "1",
                .min = 0.0,
                .max = 9007199254740991.0,
                .help = "Seed of all random streams."},
      }};
  return instance;
}

const Record& cargo_record() {
  static const Record instance{
      "cargo",
      {
          Field{.name = "lot_t",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e6,
                .help = "Tonnes in one lot, the unit cargo moves in (one TEU-equivalent)."},
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
                .help = "Longest wait for a full load, from when loading opens; 0 leaves with "
                        "what is waiting."},
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
          Field{.name = "description", .type = text, .help = "Free text for readers."},
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
          Field{.name = "name", .type = text, .help = "Display name."},
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
          Field{.name = "via",
                .type = identifiers,
                .help = "Node ids the route must pass, in order."},
      }};
  return instance;
}

const Record& set_record() {
  static const Record instance{
      "set",
      {
          Field{.name = "node", .type = identifier, .help = "A node id (give node or link)."},
          Field{.name = "link", .type = identifier, .help = "A link id (give node or link)."},
          Field{.name = "capacity_mtpa",
                .type = number,
                .required = true,
                .min = 0.0,
                .min_exclusive = true,
                .max = 1e4,
                .help = "The new capacity."},
      }};
  return instance;
}

const Record& close_record() {
  static const Record instance{
      "close",
      {
          Field{.name = "link", .type = identifier, .required = true, .help = "A link id."},
      }};
  return instance;
}

const Record& event_record() {
  static const Record instance{"event",
                               {
                                   Field{.name = "at_day",
                                         .type = number,
                                         .required = true,
                                         .min = 0.0,
                                         .max = kMaxHorizonDays,
                                         .help = "When it happens, days from the start."},
                                   Field{.name = "set",
                                         .type = record,
                                         .record = &set_record(),
                                         .help = "A capacity change from this day on."},
                                   Field{.name = "close",
                                         .type = record,
                                         .record = &close_record(),
                                         .help = "A link closure: no departures for for_days."},
                                   Field{.name = "for_days",
                                         .type = number,
                                         .min = 0.0,
                                         .min_exclusive = true,
                                         .max = kMaxHorizonDays,
                                         .help = "Length of a closure."},
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
