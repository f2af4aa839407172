#pragma once
// Errors in a scenario, located as compilers locate them: FILE:LINE:COL: error: MESSAGE.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::scenario {

struct SourceLocation {
  std::string file;  // a path, or "--set" for a command-line override
  int line = 1;      // 1-based
  int column = 1;    // 1-based
};

struct Diagnostic {
  SourceLocation location;
  std::string message;
};

// "FILE:LINE:COL: error: MESSAGE"
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

// The candidate closest to `word` by edit distance, if close enough to be a likely
// typo (or a known word the word only lengthens or cuts): the "did you mean" of the
// scenario's errors and of the command line's.
[[nodiscard]] std::optional<std::string_view> nearest(
    std::string_view word, const std::vector<std::string_view>& candidates);

// Thrown when a scenario cannot be used; holds the problems found, in file order.
// Checks run in stages (YAML syntax, then keys and values, then references and routes);
// a stage runs only if the ones before it found nothing.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace corridor::scenario
