#pragma once
// What a sweep's CSV was made from, kept beside it in FILE.manifest.json: the resolved
// scenario's fingerprint, the seed, the replications, the fixed overrides, the grid and
// the program version. `--resume` continues a file only if its manifest matches the
// sweep asked for, item by item, so two sweeps' rows never share a file
// (docs/experiments.md, "Sweeps").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/experiment/sweep.hpp"

namespace corridor::io {

inline constexpr const char* kSweepManifestSchema = "corridor.sweep-manifest/1";

struct SweepManifest {
  std::string corridor_version;
  std::string scenario;              // the file as given; not compared
  std::string scenario_fingerprint;  // scenario::resolved_fingerprint, fixed overrides applied
  std::uint64_t seed = 0;            // the seed every point runs under
  std::uint32_t replications = 0;
  std::vector<std::string> fixed;  // the single-valued --set overrides, in order
  std::vector<experiment::SweepAxis> grid;
  std::size_t points = 0;
};

[[nodiscard]] std::string manifest_path(const std::string& csv_path);
[[nodiscard]] std::string manifest_json(const SweepManifest& manifest);
// Throws std::runtime_error naming what is missing or malformed.
[[nodiscard]] SweepManifest parse_manifest(const std::string& text);
// The first item in which the sweep asked for (`now`) differs from the one that began
// the file (`earlier`), as a sentence naming both values; empty if they agree.
[[nodiscard]] std::optional<std::string> manifest_difference(const SweepManifest& earlier,
                                                             const SweepManifest& now);

}  // namespace corridor::io
