#pragma once
// Writes a whole file or nothing: readers never see a half-written result, and an
// interrupted run leaves the previous file intact.

#include <filesystem>
#include <string_view>

namespace corridor::io {

// Writes `contents` to a temporary file beside `path`, flushes it to disk and renames it
// over `path`. Throws std::runtime_error naming the file if any step fails.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace corridor::io
