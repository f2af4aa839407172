#include "corridor/scenario/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <vector>

namespace corridor::scenario {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

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

std::optional<std::string_view> nearest(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best) return best;
  // A word that only adds to or cuts a known key ("lot_tonnes", "capacity") is more
  // likely that key than a typo the edit distance measures; prefer the longest such key.
  for (const std::string_view candidate : candidates) {
    const std::string_view shorter = candidate.size() < word.size() ? candidate : word;
    const std::string_view longer = candidate.size() < word.size() ? word : candidate;
    if (shorter.size() >= 3 && longer.substr(0, shorter.size()) == shorter &&
        (!best || candidate.size() > best->size())) {
      best = candidate;
    }
  }
  return best;
}

}  // namespace corridor::scenario
