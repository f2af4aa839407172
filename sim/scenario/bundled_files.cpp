#include "corridor/scenario/bundled_files.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace corridor::scenario {
namespace {

namespace fs = std::filesystem;

// The file holding this code: a shared object (the Python module) as the dynamic linker
// loaded it, else the executable. dladdr names the executable only as it was invoked, so
// that one is read from /proc.
fs::path running_code_file() {
  Dl_info info{};
  std::error_code ignored;
  if (::dladdr(reinterpret_cast<const void*>(&data_directory), &info) != 0 &&
      info.dli_fname != nullptr) {
    const std::string name = info.dli_fname;
    if (name.ends_with(".so") || name.find(".so.") != std::string::npos) {
      return fs::weakly_canonical(fs::absolute(name, ignored), ignored);
    }
  }
  return fs::read_symlink("/proc/self/exe", ignored);
}

std::vector<fs::path> candidate_directories() {
  std::vector<fs::path> candidates;
  fs::path directory = running_code_file().parent_path();
  for (int up = 0; up <= 4 && !directory.empty(); ++up) {
    candidates.push_back(directory / "share" / "corridor");
    if (directory == directory.root_path()) break;
    directory = directory.parent_path();
  }
  return candidates;
}

}  // namespace

fs::path data_directory() {
  if (const char* set = std::getenv(kDataDirectoryVariable); set != nullptr && *set != '\0') {
    return fs::path(set);
  }
  std::error_code ignored;
  const auto candidates = candidate_directories();
  for (const auto& candidate : candidates) {
    if (fs::is_directory(candidate / "scenarios", ignored)) return candidate;
  }
  std::string looked;
  for (const auto& candidate : candidates) {
    looked += fmt::format("{}{}", looked.empty() ? "" : ", ", candidate.string());
  }
  throw BundledFileMissing(fmt::format(
      "the bundled files (scenarios/, tools/) were not found in {}; set {} to the directory "
      "that holds them (PREFIX/share/corridor, or a source tree)",
      looked, kDataDirectoryVariable));
}

fs::path bundled_file(const fs::path& relative) {
  const fs::path directory = data_directory();
  const fs::path file = directory / relative;
  std::error_code ignored;
  if (!fs::exists(file, ignored)) {
    const char* set = std::getenv(kDataDirectoryVariable);
    throw BundledFileMissing(fmt::format(
        "{} is missing from the bundled files in {}{}", relative.string(), directory.string(),
        set != nullptr && *set != '\0' ? fmt::format(" (set by {})", kDataDirectoryVariable)
                                       : std::string()));
  }
  return file;
}

}  // namespace corridor::scenario
