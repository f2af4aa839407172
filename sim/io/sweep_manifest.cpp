#include "corridor/io/sweep_manifest.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace corridor::io {
namespace {

using Json = nlohmann::ordered_json;

std::string describe_grid(const std::vector<experiment::SweepAxis>& grid) {
  std::vector<std::string> axes;
  for (const auto& axis : grid)
    axes.push_back(fmt::format("{}={}", axis.path, fmt::join(axis.values, ",")));
  return axes.empty() ? std::string("none") : fmt::format("{}", fmt::join(axes, " "));
}

std::string describe_list(const std::vector<std::string>& items) {
  return items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, " "));
}

}  // namespace

std::string manifest_path(const std::string& csv_path) {
  return csv_path + ".manifest.json";
}

std::string manifest_json(const SweepManifest& manifest) {
  Json grid = Json::array();
  for (const auto& axis : manifest.grid) {
    grid.push_back(Json{{"path", axis.path}, {"values", axis.values}});
  }
  const Json root{
      {"schema", kSweepManifestSchema}, {"corridor", manifest.corridor_version},
      {"scenario", manifest.scenario},  {"scenario_fingerprint", manifest.scenario_fingerprint},
      {"seed", manifest.seed},          {"replications", manifest.replications},
      {"fixed", manifest.fixed},        {"grid", grid},
      {"points", manifest.points}};
  return root.dump(2) + "\n";
}

SweepManifest parse_manifest(const std::string& text) {
  try {
    const Json root = Json::parse(text);
    if (root.at("schema") != kSweepManifestSchema) {
      throw std::runtime_error(fmt::format("not a {} file", kSweepManifestSchema));
    }
    SweepManifest manifest;
    manifest.corridor_version = root.at("corridor").get<std::string>();
    manifest.scenario = root.at("scenario").get<std::string>();
    manifest.scenario_fingerprint = root.at("scenario_fingerprint").get<std::string>();
    manifest.seed = root.at("seed").get<std::uint64_t>();
    manifest.replications = root.at("replications").get<std::uint32_t>();
    manifest.fixed = root.at("fixed").get<std::vector<std::string>>();
    for (const Json& axis : root.at("grid")) {
      manifest.grid.push_back(
          {axis.at("path").get<std::string>(), axis.at("values").get<std::vector<std::string>>()});
    }
    manifest.points = root.at("points").get<std::size_t>();
    return manifest;
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(error.what());
  }
}

std::optional<std::string> manifest_difference(const SweepManifest& earlier,
                                               const SweepManifest& now) {
  const auto differs = [](const char* item, const std::string& then, const std::string& asked) {
    return fmt::format("it was begun with {} {}, this sweep has {}", item, then, asked);
  };
  if (earlier.seed != now.seed) {
    return differs("seed", fmt::format("{}", earlier.seed), fmt::format("{}", now.seed));
  }
  if (earlier.replications != now.replications) {
    return differs("replications", fmt::format("{}", earlier.replications),
                   fmt::format("{}", now.replications));
  }
  if (earlier.fixed != now.fixed) {
    return differs("fixed values", describe_list(earlier.fixed), describe_list(now.fixed));
  }
  const auto same_axis = [](const experiment::SweepAxis& a, const experiment::SweepAxis& b) {
    return a.path == b.path && a.values == b.values;
  };
  if (earlier.grid.size() != now.grid.size() ||
      !std::equal(earlier.grid.begin(), earlier.grid.end(), now.grid.begin(), same_axis)) {
    return differs("grid", describe_grid(earlier.grid), describe_grid(now.grid));
  }
  // Last: the fixed values are in it too, and name the difference better.
  if (earlier.scenario_fingerprint != now.scenario_fingerprint) {
    return differs("the scenario file resolving to fingerprint", earlier.scenario_fingerprint,
                   now.scenario_fingerprint);
  }
  if (earlier.corridor_version != now.corridor_version) {
    return differs("corridor", earlier.corridor_version, now.corridor_version);
  }
  return std::nullopt;
}

}  // namespace corridor::io
