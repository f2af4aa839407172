#pragma once
// Internal to io: one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a
// comma, a quote or a line break; as it is otherwise.

#include <string>

namespace corridor::io {

inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

}  // namespace corridor::io
