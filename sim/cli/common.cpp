#include "common.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "corridor/io/atomic_file.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor::cli {

const CLI::Validator& whole_number() {
  static const CLI::Validator validator(
      [](std::string& text) {
        const bool digits =
            !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : "must be a whole number, 0 or more, got '" + text + "'";
      },
      "N");
  return validator;
}

std::filesystem::path scenario_or_default(const std::string& scenario) {
  return scenario.empty() ? scenario::default_scenario_path() : std::filesystem::path(scenario);
}

void check_output_directory(const std::string& path, std::string_view option) {
  if (path.empty() || path == "-") return;
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    throw UsageError(
        fmt::format("{} {}: directory '{}' does not exist", option, path, directory.string()));
  }
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty()) return;
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    io::write_file_atomically(path, text);
  }
}

void check_table_directory(const std::string& directory) {
  if (directory.empty()) return;
  std::error_code error;
  const std::filesystem::path path(directory);
  if (std::filesystem::is_directory(path, error)) return;
  if (std::filesystem::exists(path, error)) {
    throw UsageError(fmt::format("--csv {}: exists and is not a directory", directory));
  }
  std::filesystem::path parent = path.parent_path();
  if (parent.empty()) parent = ".";
  if (!std::filesystem::is_directory(parent, error)) {
    throw UsageError(
        fmt::format("--csv {}: directory '{}' does not exist", directory, parent.string()));
  }
}

void write_tables(const std::string& directory, const std::vector<io::CsvTable>& tables) {
  if (directory.empty()) return;
  std::filesystem::create_directories(directory);
  for (const auto& table : tables) {
    io::write_file_atomically((std::filesystem::path(directory) / table.file_name).string(),
                              table.text);
  }
}

}  // namespace corridor::cli
