#include "corridor/io/run_tables.hpp"

#include <fmt/format.h>

#include "csv_field.hpp"
#include "node_days.hpp"

namespace corridor::io {
namespace {

// Shortest text that reads back as the same double; empty for "not measured".
std::string number(double value) {
  return fmt::format("{}", value);
}
std::string number(const std::optional<double>& value) {
  return value ? number(*value) : std::string();
}

double window_years(const model::RunResult& run) {
  return (run.horizon_days - run.warmup_days) / 365.0;
}

class Table {
 public:
  Table(std::string file_name, const std::vector<std::string>& columns)
      : file_name_(std::move(file_name)) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) text_ += ',';
      text_ += columns[i];
    }
    text_ += '\n';
  }
  void row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) text_ += ',';
      text_ += csv_field(fields[i]);
    }
    text_ += '\n';
  }
  CsvTable done() { return {file_name_, std::move(text_)}; }

 private:
  std::string file_name_;
  std::string text_;
};

}  // namespace

std::vector<CsvTable> run_tables(const std::vector<ScenarioRuns>& scenarios) {
  // Every table but the series has a `period` column: "all" for the whole window, else
  // the period's label; sums over a run's periods give its "all" row.
  Table od("od.csv", {"scenario",
                      "replication",
                      "period",
                      "origin",
                      "destination",
                      "delivered_mtpa",
                      "transit_mean_days",
                      "transit_p05_days",
                      "transit_p25_days",
                      "transit_p50_days",
                      "transit_p75_days",
                      "transit_p95_days",
                      "transit_min_days",
                      "transit_max_days",
                      "moving_days",
                      "queueing_days",
                      "dwell_days",
                      "consolidation_days",
                      "delivered_share",
                      "censored_p95_days",
                      "in_system_lots"});
  Table routes("routes.csv",
               {"scenario", "replication", "period", "origin", "destination", "route", "path",
                "share", "delivered_mtpa", "transit_mean_days", "transit_p95_days",
                "cost_usd_per_t", "priced_cost_usd_per_t", "co2_kg_per_t", "length_km"});
  Table nodes("nodes.csv", {"scenario", "replication", "period", "node", "name", "kind", "lon",
                            "lat", "capacity_mtpa", "throughput_mtpa", "utilization",
                            "mean_queue_lots", "max_queue_lots", "mean_wait_h"});
  Table links("links.csv",
              {"scenario", "replication", "period", "link", "from", "to", "mode", "length_km",
               "capacity_mtpa", "throughput_mtpa", "utilization", "departures", "closed_days",
               "mean_queue_lots", "max_queue_lots", "mean_wait_h"});
  Table series("timeseries.csv", {"scenario", "replication", "kind", "id", "day", "date",
                                  "throughput_t", "queue_lots", "capacity_t", "closed_h"});
  // Each demand entry on its own: entries that share an origin-destination share its od
  // row (and its percentiles), so this is where the Middle and Northern flows of one
  // pair part.
  Table demand("demand.csv",
               {"scenario", "replication", "demand", "origin", "destination", "created_mtpa",
                "delivered_mtpa", "delivered_share", "mean_transit_days", "on_time_share"});
  // With several cargo classes: each class, and each facility's figures by class.
  Table classes("classes.csv", {"scenario", "replication", "class", "lot_t", "teu_per_lot",
                                "created_mtpa", "delivered_mtpa", "delivered_teu_per_year",
                                "transit_mean_days", "transit_p95_days"});
  Table shares("class_shares.csv",
               {"scenario", "replication", "kind", "id", "class", "throughput_mtpa",
                "throughput_teu_per_year", "utilization", "mean_queue_lots", "mean_wait_h"});
  // Each period's totals and its busiest facility; "all" is the whole window.
  Table periods("periods.csv", {"scenario", "replication", "period", "start_day", "end_day",
                                "start", "end", "created_mtpa", "delivered_mtpa", "busiest_kind",
                                "busiest_id", "busiest_utilization"});
  bool several_classes = false;
  for (const auto& scenario : scenarios) {
    const model::CorridorSpec& spec = *scenario.spec;
    for (const auto& run : *scenario.runs) {
      const std::string name = scenario.scenario;
      const std::string replication = fmt::format("{}", run.replication);
      const double years = window_years(run);
      const auto share_rows = [&](const char* kind, const std::string& id,
                                  const std::vector<model::ClassShare>& by_class) {
        for (const auto& share : by_class) {
          shares.row({name, replication, kind, id, share.cargo_class,
                      number(share.throughput_t / 1e6 / years),
                      share.throughput_teu ? number(*share.throughput_teu / years) : std::string(),
                      number(share.utilization), number(share.mean_queue_lots),
                      number(share.mean_wait_h)});
        }
      };
      for (const auto& cargo_class : run.classes) {
        several_classes = true;
        classes.row(
            {name, replication, cargo_class.id, number(cargo_class.lot_t),
             number(cargo_class.teu_per_lot), number(cargo_class.created_t / 1e6 / years),
             number(cargo_class.delivered_t / 1e6 / years),
             cargo_class.delivered_teu ? number(*cargo_class.delivered_teu / years) : std::string(),
             cargo_class.transit_days ? number(cargo_class.transit_days->mean) : std::string(),
             cargo_class.transit_days ? number(cargo_class.transit_days->p95) : std::string()});
      }
      for (const auto& node : run.nodes) share_rows("node", node.id, node.by_class);
      for (const auto& link : run.links) share_rows("link", link.id, link.by_class);
      for (const auto& entry : run.demand) {
        demand.row({name, replication, entry.id, entry.origin, entry.destination,
                    number(entry.created_t / 1e6 / years), number(entry.delivered_t / 1e6 / years),
                    number(entry.delivered_share), number(entry.mean_transit_days),
                    number(entry.on_time_share)});
      }
      const model::Calendar calendar = run.calendar();
      // One section's rows (the whole window's, or a period's): `years` annualises.
      const auto section_rows = [&](const std::string& period, double section_years,
                                    const std::vector<model::OdResult>& od_rows,
                                    const std::vector<model::NodeResult>& node_rows,
                                    const std::vector<model::LinkResult>& link_rows,
                                    bool whole_run) {
        for (const auto& pair : od_rows) {
          std::vector<std::string> fields = {
              name,        replication,      period,
              pair.origin, pair.destination, number(pair.delivered_t / 1e6 / section_years)};
          if (pair.transit_days) {
            const auto& t = *pair.transit_days;
            const auto& s = *pair.time_split_days;
            for (const double v : {t.mean, t.p05, t.p25, t.p50, t.p75, t.p95, t.min, t.max,
                                   s.moving, s.queueing, s.dwell, s.consolidation}) {
              fields.push_back(number(v));
            }
          } else {
            fields.resize(fields.size() + 12);
          }
          fields.push_back(number(pair.delivered_share));
          fields.push_back(whole_run ? number(pair.censored_p95_days) : std::string());
          fields.push_back(whole_run ? fmt::format("{}", pair.in_system.lots) : std::string());
          od.row(fields);
          for (std::size_t r = 0; r < pair.routes.size(); ++r) {
            const auto& route = pair.routes[r];
            std::string path;
            for (const auto& node : route.path) path += (path.empty() ? "" : ">") + node;
            routes.row({name, replication, period, pair.origin, pair.destination,
                        fmt::format("{}", r), path, number(route.share),
                        number(route.delivered_t / 1e6 / section_years),
                        route.transit_days ? number(route.transit_days->mean) : std::string(),
                        route.transit_days ? number(route.transit_days->p95) : std::string(),
                        number(route.cost_usd_per_t), number(route.priced_cost_usd_per_t),
                        number(route.co2_kg_per_t), number(route.length_km)});
          }
        }
        for (std::size_t i = 0; i < node_rows.size(); ++i) {
          const auto& node = node_rows[i];
          const auto& node_spec = spec.nodes[i];
          // A period's capacity is the one in force then; the whole run's, the scenario's.
          nodes.row(
              {name, replication, period, node.id,
               node_spec.name.empty() ? node.id : node_spec.name, model::to_string(node_spec.kind),
               number(node_spec.lon), number(node_spec.lat),
               number(whole_run ? node_spec.capacity_mtpa : node.capacity_mtpa),
               number(node.throughput_mtpa), number(node.utilization), number(node.mean_queue_lots),
               whole_run ? number(node.max_queue_lots) : std::string(), number(node.mean_wait_h)});
        }
        for (std::size_t i = 0; i < link_rows.size(); ++i) {
          const auto& link = link_rows[i];
          const auto& link_spec = spec.links[i];
          links.row({name, replication, period, link.id, spec.nodes[link_spec.from].id,
                     spec.nodes[link_spec.to].id, model::to_string(link_spec.mode),
                     number(link_spec.length_km), number(link.capacity_mtpa),
                     number(link.throughput_mtpa), number(link.utilization),
                     fmt::format("{}", link.departures), number(link.closed_days),
                     number(link.mean_queue_lots),
                     whole_run ? number(link.max_queue_lots) : std::string(),
                     number(link.mean_wait_h)});
        }
      };
      const auto period_row = [&](const std::string& period, double start_day, double end_day,
                                  const std::vector<model::OdResult>& od_rows,
                                  const std::vector<model::NodeResult>& node_rows,
                                  const std::vector<model::LinkResult>& link_rows) {
        const double section_years = (end_day - start_day) / 365.0;
        double created_t = 0.0;
        double delivered_t = 0.0;
        for (const auto& pair : od_rows) {
          created_t += pair.window_generated_t;
          delivered_t += pair.delivered_t;
        }
        const char* busiest_kind = "";
        std::string busiest_id;
        double busiest = -1.0;
        for (const auto& node : node_rows) {
          if (node.utilization && *node.utilization > busiest) {
            busiest = *node.utilization;
            busiest_kind = "node";
            busiest_id = node.id;
          }
        }
        for (const auto& link : link_rows) {
          if (link.utilization && *link.utilization > busiest) {
            busiest = *link.utilization;
            busiest_kind = "link";
            busiest_id = link.id;
          }
        }
        const auto day_text = [&](double day) {
          return calendar.dated() ? model::format_iso_date(calendar.date_of(day)) : std::string();
        };
        periods.row({name, replication, period, number(start_day), number(end_day),
                     day_text(start_day), day_text(end_day),
                     number(created_t / 1e6 / section_years),
                     number(delivered_t / 1e6 / section_years), busiest_kind, busiest_id,
                     busiest >= 0.0 ? number(busiest) : std::string()});
      };
      section_rows("all", years, run.od, run.nodes, run.links, true);
      period_row("all", run.warmup_days, run.horizon_days, run.od, run.nodes, run.links);
      for (const auto& period : run.periods) {
        const std::string label =
            model::period_label(calendar, *run.period_length, period.start_day);
        section_rows(label, (period.end_day - period.start_day) / 365.0, period.od, period.nodes,
                     period.links, false);
        period_row(label, period.start_day, period.end_day, period.od, period.nodes, period.links);
      }
      const auto date = [&](std::size_t day) {
        return calendar.dated() ? model::format_iso_date(calendar.date_of(static_cast<double>(day)))
                                : std::string();
      };
      for (std::uint32_t i = 0; i < run.nodes.size(); ++i) {
        const auto& node = run.nodes[i];
        const auto facts = detail::node_days(spec, i, node.daily_handled_t.size());
        for (std::size_t d = 0; d < node.daily_handled_t.size(); ++d) {
          series.row({name, replication, "node", node.id, fmt::format("{}", d), date(d),
                      number(node.daily_handled_t[d]), number(node.daily_queue_lots[d]),
                      number(facts.capacity_t[d]), number(facts.closed_h[d])});
        }
      }
      for (const auto& link : run.links) {
        for (std::size_t d = 0; d < link.daily_departed_t.size(); ++d) {
          series.row({name, replication, "link", link.id, fmt::format("{}", d), date(d),
                      number(link.daily_departed_t[d]), number(link.daily_queue_lots[d]), "",
                      number(link.daily_closed_h[d])});
        }
      }
    }
  }
  std::vector<CsvTable> tables{od.done(),    demand.done(), routes.done(), nodes.done(),
                               links.done(), series.done(), periods.done()};
  if (several_classes) {
    tables.push_back(classes.done());
    tables.push_back(shares.done());
  }
  return tables;
}

}  // namespace corridor::io
