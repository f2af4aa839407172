#include "corridor/io/replications_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/analysis/interval.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "run_json.hpp"

namespace corridor::io {
namespace {

// Keys whose value is a mapping when measured: when no replication measured them, they
// stay null without a "_ci95" sibling, as when they are present.
bool holds_mapping(const std::string& key) {
  return key == "transit_days" || key == "time_split_days" || key == "age_days";
}

// Walks the replications' trees in step, twice with the same order: first to gather each
// number into a column of the table (one row per replication), then, with the intervals
// worked out over the whole table at once, to build the summary tree.
class Aggregator {
 public:
  explicit Aggregator(std::size_t replications) : replications_(replications) {}

  void gather(const std::vector<const Json*>& values) { (void)walk(values, nullptr); }

  void summarise() {
    std::vector<double> table(replications_ * columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      for (std::size_t r = 0; r < replications_; ++r) {
        table[r * columns_.size() + c] = columns_[c][r];
      }
    }
    intervals_ = analysis::column_intervals(table, replications_, columns_.size(), kConfidence);
    next_ = 0;
  }

  Json build(const std::vector<const Json*>& values) {
    Json out;
    (void)walk(values, &out);
    return out;
  }

 private:
  static Json optional_number(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
  }

  // One position in the trees; `out` is null on the gathering pass. Returns the
  // half-width to put beside a number under "KEY_ci95" (null if not computable), or
  // nothing for mappings and lists. `key` names the member, for unmeasured mappings.
  std::optional<Json> walk(const std::vector<const Json*>& values, Json* out,
                           const std::string& key = {}) {
    std::vector<const Json*> present;
    for (const Json* value : values) {
      if (value != nullptr && !value->is_null()) present.push_back(value);
    }
    if (present.empty()) {
      if (out != nullptr) *out = nullptr;
      return holds_mapping(key) ? std::nullopt : std::optional<Json>(Json(nullptr));
    }
    const Json& first = *present.front();
    if (first.is_number()) return number(values, out);
    if (first.is_object()) {
      if (out != nullptr) *out = Json::object();
      for (const auto& item : first.items()) {
        const std::string& member = item.key();
        std::vector<const Json*> children;
        for (const Json* value : values) {
          const bool has = value != nullptr && value->is_object() && value->contains(member);
          children.push_back(has ? &(*value)[member] : nullptr);
        }
        Json child;
        const auto half_width = walk(children, out != nullptr ? &child : nullptr, member);
        if (out == nullptr) continue;
        (*out)[member] = std::move(child);
        if (half_width) (*out)[member + "_ci95"] = *half_width;
      }
      return std::nullopt;
    }
    if (first.is_array() && !first.empty() && first.front().is_object()) {
      if (out != nullptr) *out = Json::array();
      for (std::size_t i = 0; i < first.size(); ++i) {
        std::vector<const Json*> children;
        for (const Json* value : values) {
          const bool has = value != nullptr && value->is_array() && i < value->size();
          children.push_back(has ? &(*value)[i] : nullptr);
        }
        Json child;
        walk(children, out != nullptr ? &child : nullptr);
        if (out != nullptr) out->push_back(std::move(child));
      }
      return std::nullopt;
    }
    if (out != nullptr) *out = first;  // names, paths: the same in every replication
    return std::nullopt;
  }

  std::optional<Json> number(const std::vector<const Json*>& values, Json* out) {
    if (out == nullptr) {
      std::vector<double> column(replications_, std::numeric_limits<double>::quiet_NaN());
      for (std::size_t r = 0; r < values.size(); ++r) {
        if (values[r] != nullptr && values[r]->is_number()) column[r] = values[r]->get<double>();
      }
      columns_.push_back(std::move(column));
      return std::nullopt;
    }
    const analysis::MeanInterval& interval = intervals_.at(next_++);
    *out = optional_number(interval.mean);
    return optional_number(interval.half_width);
  }

  std::size_t replications_;
  std::vector<std::vector<double>> columns_;
  std::vector<analysis::MeanInterval> intervals_;
  std::size_t next_ = 0;
};

// The ranking every command uses (analysis/bottlenecks.hpp), over the replications,
// with each utilization's half-width from the summary beside it.
Json rank_bottlenecks(const std::vector<model::RunResult>& runs, const Json& summary) {
  Json list = Json::array();
  for (const auto& bottleneck : analysis::rank_bottlenecks(runs, 5)) {
    Json half_width = nullptr;
    for (const Json& facility : summary[bottleneck.kind == "node" ? "nodes" : "links"]) {
      if (facility["id"] == bottleneck.id) half_width = facility["utilization_ci95"];
    }
    list.push_back(Json{
        {"kind", bottleneck.kind},
        {"id", bottleneck.id},
        {"utilization", bottleneck.utilization},
        {"utilization_ci95", half_width},
        {"saturated", bottleneck.saturated},
        {"mean_queue_lots", bottleneck.mean_queue_lots},
        {"mean_wait_h", bottleneck.mean_wait_h ? Json(*bottleneck.mean_wait_h) : Json(nullptr)}});
  }
  return list;
}

// Where undelivered lots wait, pooled over the replications by facility (the
// aggregator pairs list items by position, which would mix facilities): mean lots per
// run, most first, the three first.
// `in_system.waiting_at` of each row of a section, pooled over the replications by
// facility (analysis::pool_places): the aggregator pairs list items by position, which
// would mix facilities. The three with most lots per run.
template <class Rows>
void pool_waiting_places(const std::vector<model::RunResult>& runs, Rows rows_of, Json& section) {
  constexpr std::size_t kListed = 3;
  for (std::size_t i = 0; i < section.size(); ++i) {
    std::vector<const std::vector<model::WaitingCargo>*> lists;
    for (const auto& run : runs) lists.push_back(&rows_of(run)[i].in_system.waiting_at);
    Json pooled = Json::array();
    for (const auto& place : analysis::pool_places(lists, runs.size())) {
      if (pooled.size() == kListed) break;
      pooled.push_back(Json{{"kind", place.kind}, {"id", place.id}, {"lots", place.mean_lots}});
    }
    section[i]["in_system"]["waiting_at"] = std::move(pooled);
  }
}

// Each period's sections, as the whole run's, over the replications: every replication
// has the same periods (the same calendar and horizon).
Json period_rows(const std::vector<model::RunResult>& runs, const std::vector<Json>& trees) {
  Json rows = Json::array();
  for (std::size_t p = 0; p < runs.front().periods.size(); ++p) {
    Aggregator aggregator(runs.size());
    const auto section = [&](const char* name) {
      std::vector<const Json*> values;
      for (const auto& tree : trees) values.push_back(&tree["periods"][p][name]);
      return values;
    };
    const char* kSections[] = {"od", "nodes", "links"};
    for (const char* name : kSections) aggregator.gather(section(name));
    aggregator.summarise();
    const Json& first = trees.front()["periods"][p];
    Json row{{"label", first["label"]},
             {"start", first["start"]},
             {"end", first["end"]},
             {"days", first["days"]}};
    for (const char* name : kSections) row[name] = aggregator.build(section(name));
    std::vector<model::RunResult> as_runs;
    for (const auto& run : runs) as_runs.push_back(model::period_as_run(run, run.periods[p]));
    row["bottlenecks"] = rank_bottlenecks(as_runs, row);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Json replications_tree(const std::vector<model::RunResult>& runs) {
  if (runs.empty()) throw std::invalid_argument("report_replications: no replications");
  std::vector<Json> trees;
  trees.reserve(runs.size());
  for (const auto& run : runs) trees.push_back(run_json_tree(run));

  Aggregator aggregator(runs.size());
  const auto section = [&](const char* name) {
    std::vector<const Json*> values;
    for (const auto& tree : trees) values.push_back(&tree[name]);
    return values;
  };
  const char* kSections[] = {"totals", "demand", "od", "nodes", "links"};
  for (const char* name : kSections) aggregator.gather(section(name));
  aggregator.summarise();

  Json root;
  root["schema"] = kReplicationsSchema;
  root["scenario"] = trees.front()["scenario"];
  root["scenario"]["replications"] = runs.size();
  root["scenario"]["confidence"] = kConfidence;
  for (const char* name : kSections) root[name] = aggregator.build(section(name));
  pool_waiting_places(
      runs, [](const model::RunResult& run) -> const auto& { return run.demand; }, root["demand"]);
  pool_waiting_places(
      runs, [](const model::RunResult& run) -> const auto& { return run.od; }, root["od"]);
  root["bottlenecks"] = rank_bottlenecks(runs, root);
  root["warnings"] = analysis::delivery_warnings(runs);
  if (!runs.front().periods.empty()) {
    root["period"] = trees.front()["period"];
    root["periods"] = period_rows(runs, trees);
  }
  root["replications"] = Json::array();
  for (std::size_t r = 0; r < trees.size(); ++r) {
    Json entry;
    entry["replication"] = r;
    for (auto& [key, value] : trees[r].items()) {
      if (key != "schema") entry[key] = std::move(value);
    }
    root["replications"].push_back(std::move(entry));
  }
  return root;
}

ReplicationsReport report_replications(const std::vector<model::RunResult>& runs) {
  const Json tree = replications_tree(runs);
  return {tree.dump(2) + "\n", format_replications_table(tree)};
}

}  // namespace corridor::io
