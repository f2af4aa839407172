#include "corridor/scenario/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace corridor::scenario {
namespace {

// Files in the order they first appear, positions in order within each file.
std::vector<Diagnostic> in_file_order(std::vector<Diagnostic> diagnostics) {
  std::vector<std::string> files;
  for (const Diagnostic& d : diagnostics) {
    if (std::find(files.begin(), files.end(), d.location.file) == files.end()) {
      files.push_back(d.location.file);
    }
  }
  auto rank = [&](const Diagnostic& d) {
    const auto file = std::find(files.begin(), files.end(), d.location.file) - files.begin();
    return std::tuple(file, d.location.line, d.location.column);
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  return diagnostics;
}

std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!text.empty()) text += '\n';
    text += format_diagnostic(diagnostic);
  }
  return text;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic) {
  return fmt::format("{}:{}:{}: error: {}", diagnostic.location.file, diagnostic.location.line,
                     diagnostic.location.column, diagnostic.message);
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(in_file_order(diagnostics))),
      diagnostics_(in_file_order(std::move(diagnostics))) {}

}  // namespace corridor::scenario
