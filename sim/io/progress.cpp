#include "corridor/io/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace corridor::io {

Progress::Progress(std::string what, bool allowed, Style style)
    : what_(std::move(what)),
      style_(style),
      shown_(allowed && (style == Style::periodic_lines || ::isatty(STDERR_FILENO) == 1)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  finish();
}

void Progress::update(std::size_t done, std::size_t total) {
  if (!shown_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed_s = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed_s > 0.0 ? static_cast<double>(done) / elapsed_s : 0.0;
  const double left_s = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
  if (style_ == Style::periodic_lines) {
    // The first, then one every ten seconds, not the last: the closing summary says it is
    // done.
    if (done >= total || (drawn_ && now - last_draw_ < std::chrono::seconds(10))) return;
    drawn_ = true;
    last_draw_ = now;
    std::fprintf(stderr, "corridor: %zu/%zu %s, %.1f/s, %.0f s left\n", done, total, what_.c_str(),
                 rate, left_s);
    std::fflush(stderr);
    return;
  }
  // At most ten redraws a second, and always the last.
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  std::fprintf(stderr, "\rcorridor: %zu/%zu %s, %.1f/s, %.0f s left   ", done, total, what_.c_str(),
               rate, left_s);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_ || style_ == Style::periodic_lines) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace corridor::io
