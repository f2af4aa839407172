#pragma once
// Writes a whole file or nothing: readers never see a half-written result, and an
// interrupted run leaves the previous file intact.

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace corridor::io {

// A result that could not be written (a full disk, a file-size limit): the run was
// sound, the machine was not, so it is reported as an error rather than a bug.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes `contents` to a temporary file beside `path`, flushes it to disk and renames it
// over `path`. Throws OutputError naming the file if any step fails; `path` is then as
// it was.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace corridor::io
