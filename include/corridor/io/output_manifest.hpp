#pragma once
// The files a command wrote into an output directory, listed in DIR/.corridor-manifest
// (one path relative to DIR a line). Writing into the same directory again replaces
// the old output: what the previous manifest listed and the new one does not is
// removed, and nothing else is, so a user's own files beside a report are never touched.

#include <filesystem>
#include <string>
#include <vector>

namespace corridor::io {

inline constexpr const char* kManifestName = ".corridor-manifest";

// The paths the directory's manifest lists; empty if it has none. Lines that are not a
// plain relative path inside the directory (absolute, with "..") are ignored.
[[nodiscard]] std::vector<std::filesystem::path> read_manifest(
    const std::filesystem::path& directory);

// Writes the manifest of `written` (relative to `directory`) atomically, then removes
// the files the previous manifest listed that `written` does not, and the directories
// that leaves empty. Returns the paths removed.
std::vector<std::filesystem::path> replace_manifest(
    const std::filesystem::path& directory, const std::vector<std::filesystem::path>& written);

}  // namespace corridor::io
