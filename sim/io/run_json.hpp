#pragma once
// Internal to io: the run results as a JSON tree, shared by the run document and the
// replications document, which is built from one tree per replication.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corridor/model/results.hpp"

namespace corridor::io {

using Json = nlohmann::ordered_json;

[[nodiscard]] Json run_json_tree(const model::RunResult& result);

// The replications document (replications_report.cpp) and its table
// (replications_table.cpp), which reads the means and half-widths from it.
[[nodiscard]] Json replications_tree(const std::vector<model::RunResult>& runs);
[[nodiscard]] std::string format_replications_table(const Json& replications);

}  // namespace corridor::io
