#include "corridor/scenario/diagnostic.hpp"

#include <fmt/format.h>

namespace corridor::scenario {
namespace {

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
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace corridor::scenario
