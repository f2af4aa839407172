#pragma once
// A progress line on standard error for long experiments: runs done, rate and time left.
// Drawn only when standard error is a terminal and the caller allows it, so logs and
// pipes stay clean; it never touches standard output.

#include <chrono>
#include <cstddef>
#include <string>

namespace corridor::io {

class Progress {
 public:
  // How progress reaches the user: one line redrawn on a terminal, or, where standard
  // error is a pipe that still ends on a screen (mpirun forwards its ranks' output), a
  // plain line every ten seconds, which a log can keep too.
  enum class Style { terminal_line, periodic_lines };
  Progress(std::string what, bool allowed, Style style = Style::terminal_line);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();

  void update(std::size_t done, std::size_t total);
  void finish();  // clears the line

 private:
  std::string what_;
  Style style_;
  bool shown_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace corridor::io
