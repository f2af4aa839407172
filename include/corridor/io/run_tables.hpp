#pragma once
// Tidy CSV tables of runs, for pandas and plotting (tools/plot.py): one row per scenario,
// replication and origin-destination pair, route, node or link, and a daily time series
// per node and link. docs/outputs.md describes every column.

#include <string>
#include <vector>

#include "corridor/model/results.hpp"
#include "corridor/model/spec.hpp"

namespace corridor::io {

// One scenario's runs (replications 0..R-1), named as the tables will name it.
struct ScenarioRuns {
  std::string scenario;
  const model::CorridorSpec* spec = nullptr;
  const std::vector<model::RunResult>* runs = nullptr;
};

struct CsvTable {
  std::string file_name;  // e.g. "od.csv"
  std::string text;       // header and rows, each ending in '\n'
};

// od.csv, routes.csv, nodes.csv, links.csv and timeseries.csv for all the scenarios.
[[nodiscard]] std::vector<CsvTable> run_tables(const std::vector<ScenarioRuns>& scenarios);

}  // namespace corridor::io
