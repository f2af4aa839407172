#include "corridor/io/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace corridor::io {

Progress::Progress(std::string what, bool allowed)
    : what_(std::move(what)),
      shown_(allowed && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  finish();
}

void Progress::update(std::size_t done, std::size_t total) {
  if (!shown_) return;
  const auto now = std::chrono::steady_clock::now();
  // At most ten redraws a second, and always the last.
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed_s = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed_s > 0.0 ? static_cast<double>(done) / elapsed_s : 0.0;
  const double left_s = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
  std::fprintf(stderr, "\rcorridor: %zu/%zu %s, %.1f/s, %.0f s left   ", done, total, what_.c_str(),
               rate, left_s);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace corridor::io
