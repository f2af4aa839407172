#include "corridor/io/output_manifest.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include "corridor/io/atomic_file.hpp"

namespace corridor::io {
namespace fs = std::filesystem;

namespace {

// Only a path that stays inside the directory may be removed on the manifest's word.
bool inside(const fs::path& relative) {
  if (relative.empty() || relative.is_absolute() || relative.has_root_name()) return false;
  return std::none_of(relative.begin(), relative.end(),
                      [](const fs::path& part) { return part == ".." || part == "."; });
}

}  // namespace

std::vector<fs::path> read_manifest(const fs::path& directory) {
  std::vector<fs::path> listed;
  std::ifstream in(directory / kManifestName);
  std::string line;
  while (std::getline(in, line)) {
    const fs::path relative(line);
    if (inside(relative)) listed.push_back(relative.lexically_normal());
  }
  return listed;
}

std::vector<fs::path> replace_manifest(const fs::path& directory,
                                       const std::vector<fs::path>& written) {
  const std::vector<fs::path> previous = read_manifest(directory);
  std::set<fs::path> kept;
  std::string text;
  for (const auto& path : written) {
    kept.insert(path.lexically_normal());
    text += path.lexically_normal().generic_string() + '\n';
  }
  write_file_atomically(directory / kManifestName, text);
  std::vector<fs::path> removed;
  for (const auto& path : previous) {
    if (kept.count(path) > 0) continue;
    std::error_code error;
    if (!fs::is_regular_file(directory / path, error)) continue;
    if (fs::remove(directory / path, error)) removed.push_back(path);
    // A folder the old output made and nothing fills any more goes too; fs::remove
    // leaves a folder with anything in it.
    for (fs::path folder = path.parent_path(); !folder.empty(); folder = folder.parent_path()) {
      if (!fs::remove(directory / folder, error)) break;
    }
  }
  return removed;
}

}  // namespace corridor::io
