#include "corridor/io/sweep_csv.hpp"

#include <fmt/format.h>

#include <limits>
#include <set>
#include <stdexcept>

#include "corridor/analysis/bottlenecks.hpp"
#include "corridor/analysis/capacity_bound.hpp"
#include "corridor/analysis/interval.hpp"
#include "corridor/analysis/undelivered.hpp"
#include "corridor/io/replications_report.hpp"
#include "csv_field.hpp"

namespace corridor::io {
namespace {

constexpr double kUnmeasured = std::numeric_limits<double>::quiet_NaN();

std::string number(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

// The key figures of one run, in the order of the header's figures.
std::vector<double> figures_of(const model::RunResult& run) {
  const double years = (run.horizon_days - run.warmup_days) / 365.0;
  std::vector<double> values;
  double delivered_t = 0.0;
  for (const auto& od : run.od) delivered_t += od.delivered_t;
  values.push_back(delivered_t / 1e6 / years);
  values.push_back(static_cast<double>(run.totals.in_system_lots));
  for (const auto& od : run.od) {
    values.push_back(od.delivered_t / 1e6 / years);
    values.push_back(od.transit_days ? od.transit_days->mean : kUnmeasured);
    values.push_back(od.transit_days ? od.transit_days->p95 : kUnmeasured);
    values.push_back(od.delivered_share.value_or(kUnmeasured));
    values.push_back(od.censored_p95_days.value_or(kUnmeasured));
  }
  for (const auto& node : run.nodes) {
    values.push_back(node.throughput_mtpa);
    values.push_back(node.utilization.value_or(kUnmeasured));
    values.push_back(node.mean_wait_h.value_or(kUnmeasured));
  }
  for (const auto& link : run.links) {
    values.push_back(link.throughput_mtpa);
    values.push_back(link.utilization.value_or(kUnmeasured));
  }
  return values;
}

}  // namespace

SweepCsv::SweepCsv(std::vector<std::string> parameters, const model::CorridorSpec& spec)
    : parameters_(std::move(parameters)) {
  figures_ = {"delivered_mtpa", "in_system_lots"};
  // Origin-destination pairs as a run reports them: once each, in demand order.
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const auto& demand : spec.demand) {
    if (!seen.insert({demand.origin, demand.destination}).second) continue;
    const std::string pair = spec.nodes[demand.origin].id + "-" + spec.nodes[demand.destination].id;
    for (const char* figure : {"delivered_mtpa", "transit_days", "transit_p95_days",
                               "delivered_share", "censored_p95_days"}) {
      figures_.push_back(fmt::format("od.{}.{}", pair, figure));
    }
  }
  for (const auto& node : spec.nodes) {
    for (const char* figure : {"throughput_mtpa", "utilization", "mean_wait_h"}) {
      figures_.push_back(fmt::format("node.{}.{}", node.id, figure));
    }
  }
  for (const auto& link : spec.links) {
    for (const char* figure : {"throughput_mtpa", "utilization"}) {
      figures_.push_back(fmt::format("link.{}.{}", link.id, figure));
    }
  }
  header_ = "point";
  for (const auto& parameter : parameters_) {
    header_ += ',';
    header_ += csv_field(parameter);
  }
  header_ += ",replications";
  for (const auto& figure : figures_) header_ += fmt::format(",{0},{0}_ci95", figure);
  header_ += ",bound_mtpa,binding,falling_behind\n";
}

std::string SweepCsv::row(std::size_t index, const std::vector<std::string>& values,
                          const model::CorridorSpec& spec,
                          const std::vector<model::RunResult>& runs) const {
  std::vector<double> table;
  for (const auto& run : runs) {
    const auto run_figures = figures_of(run);
    if (run_figures.size() != figures_.size()) {
      throw std::logic_error("sweep: a point's network differs from the header's");
    }
    table.insert(table.end(), run_figures.begin(), run_figures.end());
  }
  const auto intervals =
      analysis::column_intervals(table, runs.size(), figures_.size(), kConfidence);
  std::string line = fmt::format("{}", index);
  for (const auto& value : values) {
    line += ',';
    line += csv_field(value);
  }
  line += fmt::format(",{}", runs.size());
  for (const auto& interval : intervals) {
    line += fmt::format(",{},{}", number(interval.mean), number(interval.half_width));
  }
  line += ',';
  line += number(analysis::capacity_bound(spec).network_mtpa);
  // The first of the ranking every command uses (analysis/bottlenecks.hpp).
  const auto ranked = analysis::rank_bottlenecks(runs, 1);
  line += ',';
  if (!ranked.empty()) line += ranked.front().kind + ":" + ranked.front().id;
  // The demand entries delivering less than 95 % of what they created, as ID:SHARE.
  std::string behind;
  for (const auto& entry : analysis::undelivered_entries(runs)) {
    behind +=
        fmt::format("{}{}:{:.3f}", behind.empty() ? "" : ";", entry.id, entry.delivered_share);
  }
  line += ',';
  line += csv_field(behind);
  line += '\n';
  return line;
}

}  // namespace corridor::io
