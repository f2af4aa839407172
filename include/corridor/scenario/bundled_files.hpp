#pragma once
// Where the files corridor ships beside its code are found: the bundled scenarios and the
// chart script (tools/plot.py with its basemap). Installed, they sit in
// PREFIX/share/corridor; a build tree has BUILD/share/corridor, links into the source tree
// it was configured from. Both are found from where the running code is (the executable,
// or the Python extension module), never through a path compiled in: an install that
// moves, or a build of another clone, finds its own files.

#include <filesystem>
#include <stdexcept>

namespace corridor::scenario {

// Names the data directory outright, ahead of any lookup.
inline constexpr const char* kDataDirectoryVariable = "CORRIDOR_DATA_DIR";

// The data directory, or a file in it (e.g. "scenarios/middle-corridor-2025.yaml") could
// not be found: the message says where corridor looked and how to point it there.
struct BundledFileMissing : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// $CORRIDOR_DATA_DIR when it is set; else the first share/corridor holding scenarios/ in
// the directory of the running code or one of the four above it (PREFIX/bin,
// PREFIX/lib/python3/dist-packages/corridor, BUILD, BUILD/python/corridor).
[[nodiscard]] std::filesystem::path data_directory();

// `relative` inside data_directory(); throws BundledFileMissing if it is not there.
[[nodiscard]] std::filesystem::path bundled_file(const std::filesystem::path& relative);

}  // namespace corridor::scenario
