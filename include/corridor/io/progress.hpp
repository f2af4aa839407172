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
  Progress(std::string what, bool allowed);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();

  void update(std::size_t done, std::size_t total);
  void finish();  // clears the line

 private:
  std::string what_;
  bool shown_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace corridor::io
