#pragma once
// Runs the real `corridor` binary for end-to-end tests: exit code, stdout and stderr.

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace corridor::testing {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream stream(path);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

// An empty folder of the test's own under the system's temporary directory.
inline std::filesystem::path fresh_directory(const std::string& name) {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / fmt::format("corridor-{}-{}", name, ::getpid());
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  return directory;
}

// Runs the corridor binary with `arguments` (already shell-quoted) in `directory`, after
// the shell commands `before` (resource limits, say), which apply to this run only.
inline Outcome run_corridor(const std::string& arguments,
                            const std::filesystem::path& directory = CORRIDOR_SOURCE_DIR,
                            const std::string& before = "") {
  const auto scratch =
      std::filesystem::temp_directory_path() / fmt::format("corridor-cli-{}", ::getpid());
  std::filesystem::create_directories(scratch);
  const std::string command = fmt::format("cd '{}' && ({} '{}' {} >'{}' 2>'{}')",
                                          directory.string(), before, CORRIDOR_BINARY, arguments,
                                          (scratch / "out").string(), (scratch / "err").string());
  const int status = std::system(command.c_str());
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  outcome.out = slurp(scratch / "out");
  outcome.err = slurp(scratch / "err");
  return outcome;
}

}  // namespace corridor::testing
