#include "corridor/io/json_results.hpp"

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "run_json.hpp"

namespace corridor::io {
namespace {

template <class T>
Json optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json transit(const std::optional<model::TransitDays>& days) {
  if (!days) return nullptr;
  const auto& t = *days;
  return Json{{"mean", t.mean}, {"p05", t.p05}, {"p25", t.p25}, {"p50", t.p50},
              {"p75", t.p75},   {"p95", t.p95}, {"min", t.min}, {"max", t.max}};
}

Json routes(const model::OdResult& od) {
  Json list = Json::array();
  for (const auto& route : od.routes) {
    list.push_back(Json{{"path", route.path},
                        {"links", route.links},
                        {"share", route.share},
                        {"chosen_lots", route.chosen_lots},
                        {"delivered_t", route.delivered_t},
                        {"delivered_lots", route.delivered_lots},
                        {"transit_days", transit(route.transit_days)},
                        {"cost_usd_per_t", optional(route.cost_usd_per_t)},
                        {"free_flow_cost_usd_per_t", route.free_flow_cost_usd_per_t},
                        {"priced_cost_usd_per_t", optional(route.priced_cost_usd_per_t)},
                        {"co2_kg_per_t", route.co2_kg_per_t},
                        {"length_km", route.length_km}});
  }
  return list;
}

Json time_split(const model::OdResult& od) {
  if (!od.time_split_days) return nullptr;
  const auto& s = *od.time_split_days;
  return Json{{"moving", s.moving},
              {"queueing", s.queueing},
              {"dwell", s.dwell},
              {"consolidation", s.consolidation}};
}

Json in_system(const model::InSystem& cargo) {
  Json age = nullptr;
  if (cargo.age_days) {
    age = Json{
        {"mean", cargo.age_days->mean}, {"p95", cargo.age_days->p95}, {"max", cargo.age_days->max}};
  }
  Json places = Json::array();
  for (const auto& place : cargo.waiting_at) {
    places.push_back(Json{{"kind", place.kind}, {"id", place.id}, {"lots", place.lots}});
  }
  return Json{{"t", cargo.t}, {"lots", cargo.lots}, {"age_days", age}, {"waiting_at", places}};
}

// One facility's figures by cargo class: only when the scenario has several classes.
void add_by_class(Json& facility, const std::vector<model::ClassShare>& shares) {
  if (shares.empty()) return;
  Json rows = Json::array();
  for (const auto& share : shares) {
    Json row{{"class", share.cargo_class},
             {"throughput_t", share.throughput_t},
             {"utilization", optional(share.utilization)},
             {"mean_queue_lots", share.mean_queue_lots},
             {"mean_wait_h", optional(share.mean_wait_h)}};
    if (share.throughput_teu) row["throughput_teu"] = *share.throughput_teu;
    rows.push_back(std::move(row));
  }
  facility["by_class"] = std::move(rows);
}

// The sections a run and each of its periods have. A period's rows leave out what only
// the whole run measures (cargo in the system, maxima, classes, terminals).
Json od_rows(const std::vector<model::OdResult>& rows, bool whole_run) {
  Json list = Json::array();
  for (const auto& od : rows) {
    Json row{{"origin", od.origin},
             {"destination", od.destination},
             {"delivered_t", od.delivered_t},
             {"delivered_lots", od.delivered_lots},
             {"window_generated_t", od.window_generated_t},
             {"window_generated_lots", od.window_generated_lots},
             {"delivered_share", optional(od.delivered_share)}};
    if (whole_run) row["in_system"] = in_system(od.in_system);
    row["transit_days"] = transit(od.transit_days);
    if (whole_run) row["censored_p95_days"] = optional(od.censored_p95_days);
    row["time_split_days"] = time_split(od);
    row["routes"] = routes(od);
    list.push_back(std::move(row));
  }
  return list;
}

Json node_rows(const std::vector<model::NodeResult>& rows, bool whole_run) {
  Json list = Json::array();
  for (const auto& node : rows) {
    Json row{{"id", node.id},
             {"throughput_t", node.throughput_t},
             {"throughput_mtpa", node.throughput_mtpa},
             {"utilization", optional(node.utilization)}};
    if (!whole_run) row["capacity_mtpa"] = optional(node.capacity_mtpa);
    row["mean_queue_lots"] = node.mean_queue_lots;
    if (whole_run) row["max_queue_lots"] = node.max_queue_lots;
    row["mean_wait_h"] = optional(node.mean_wait_h);
    add_by_class(row, node.by_class);
    if (!node.terminals.empty()) {
      Json terminals = Json::array();
      for (const auto& terminal : node.terminals) {
        Json entry{{"id", terminal.id},
                   {"classes", terminal.classes},
                   {"throughput_t", terminal.throughput_t},
                   {"utilization", optional(terminal.utilization)},
                   {"mean_queue_lots", terminal.mean_queue_lots}};
        if (whole_run) entry["max_queue_lots"] = terminal.max_queue_lots;
        entry["mean_wait_h"] = optional(terminal.mean_wait_h);
        if (terminal.capacity_mtpa) entry["capacity_mtpa"] = *terminal.capacity_mtpa;
        if (terminal.capacity_teu_per_year) {
          entry["capacity_teu_per_year"] = *terminal.capacity_teu_per_year;
          entry["throughput_teu"] = optional(terminal.throughput_teu);
        }
        terminals.push_back(std::move(entry));
      }
      row["terminals"] = std::move(terminals);
    }
    list.push_back(std::move(row));
  }
  return list;
}

Json link_rows(const std::vector<model::LinkResult>& rows, bool whole_run) {
  Json list = Json::array();
  for (const auto& link : rows) {
    Json row{{"id", link.id},
             {"throughput_t", link.throughput_t},
             {"throughput_mtpa", link.throughput_mtpa},
             {"utilization", optional(link.utilization)},
             {"capacity_mtpa", optional(link.capacity_mtpa)},
             {"mean_queue_lots", link.mean_queue_lots}};
    if (whole_run) row["max_queue_lots"] = link.max_queue_lots;
    row["mean_wait_h"] = optional(link.mean_wait_h);
    row["departures"] = link.departures;
    row["closed_days"] = link.closed_days;
    add_by_class(row, link.by_class);
    list.push_back(std::move(row));
  }
  return list;
}

Json bottleneck_rows(const model::RunResult& result) {
  Json list = Json::array();
  for (const auto& bottleneck : analysis::rank_bottlenecks(result, 5)) {
    list.push_back(Json{{"kind", bottleneck.kind},
                        {"id", bottleneck.id},
                        {"utilization", bottleneck.utilization},
                        {"saturated", bottleneck.saturated},
                        {"mean_queue_lots", bottleneck.mean_queue_lots},
                        {"mean_wait_h", optional(bottleneck.mean_wait_h)}});
  }
  return list;
}

Json period_rows(const model::RunResult& result) {
  Json list = Json::array();
  const model::Calendar calendar = result.calendar();
  for (const auto& period : result.periods) {
    Json row{{"label", model::period_label(calendar, *result.period_length, period.start_day)},
             {"start", model::day_or_date(calendar, period.start_day)},
             {"end", model::day_or_date(calendar, period.end_day)},
             {"days", period.end_day - period.start_day},
             {"od", od_rows(period.od, false)},
             {"nodes", node_rows(period.nodes, false)},
             {"links", link_rows(period.links, false)},
             {"bottlenecks", bottleneck_rows(model::period_as_run(result, period))}};
    list.push_back(std::move(row));
  }
  return list;
}

}  // namespace

Json run_json_tree(const model::RunResult& result) {
  Json root;
  root["schema"] = kRunSchema;
  root["scenario"] = Json{{"name", result.scenario_name},
                          {"seed", result.seed},
                          {"horizon_days", result.horizon_days},
                          {"warmup_days", result.warmup_days}};
  if (result.start_date) root["scenario"]["start_date"] = *result.start_date;
  const auto& totals = result.totals;
  root["totals"] = Json{{"generated_t", totals.generated_t},
                        {"delivered_t", totals.delivered_t},
                        {"in_system_t", totals.in_system_t},
                        {"generated_lots", totals.generated_lots},
                        {"delivered_lots", totals.delivered_lots},
                        {"in_system_lots", totals.in_system_lots},
                        {"events", totals.events},
                        {"window_generated_t", totals.window_generated_t},
                        {"window_delivered_t", totals.window_delivered_t}};
  if (!result.classes.empty()) {
    root["classes"] = Json::array();
    for (const auto& cargo_class : result.classes) {
      Json row{{"id", cargo_class.id},
               {"lot_t", cargo_class.lot_t},
               {"created_t", cargo_class.created_t},
               {"delivered_t", cargo_class.delivered_t},
               {"transit_days", transit(cargo_class.transit_days)}};
      if (cargo_class.teu_per_lot) {
        row["teu_per_lot"] = *cargo_class.teu_per_lot;
        row["created_teu"] = optional(cargo_class.created_teu);
        row["delivered_teu"] = optional(cargo_class.delivered_teu);
      }
      root["classes"].push_back(std::move(row));
    }
  }
  root["demand"] = Json::array();
  for (const auto& demand : result.demand) {
    Json entry{{"id", demand.id},
               {"origin", demand.origin},
               {"destination", demand.destination},
               {"created_t", demand.created_t},
               {"created_lots", demand.created_lots},
               {"delivered_t", demand.delivered_t},
               {"delivered_lots", demand.delivered_lots},
               {"delivered_share", optional(demand.delivered_share)},
               {"mean_transit_days", optional(demand.mean_transit_days)},
               {"in_system", in_system(demand.in_system)}};
    // Only entries with a promise have the two keys, so results without one keep their
    // shape.
    if (demand.promise_days) {
      entry["promise_days"] = *demand.promise_days;
      entry["on_time_share"] = optional(demand.on_time_share);
    }
    root["demand"].push_back(std::move(entry));
  }
  root["od"] = od_rows(result.od, true);
  root["nodes"] = node_rows(result.nodes, true);
  root["links"] = link_rows(result.links, true);
  root["bottlenecks"] = bottleneck_rows(result);
  root["warnings"] = analysis::delivery_warnings(std::vector<const model::RunResult*>{&result});
  if (!result.periods.empty()) {
    root["period"] = model::to_string(*result.period_length);
    root["periods"] = period_rows(result);
  }
  return root;
}

std::string to_json(const model::RunResult& result) {
  return run_json_tree(result).dump(2) + "\n";
}

}  // namespace corridor::io
