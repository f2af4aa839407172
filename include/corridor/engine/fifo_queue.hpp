#pragma once
// A first-in first-out queue on a power-of-two ring buffer. Unlike std::deque it
// allocates only when it grows past its largest size so far, so queues on the hot path
// stop allocating once a run has warmed up.

#include <cstddef>
#include <utility>
#include <vector>

namespace corridor::engine {

template <class T>
class FifoQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  void push_back(const T& value) {
    if (size_ == buffer_.size()) grow();
    buffer_[(head_ + size_) & (buffer_.size() - 1)] = value;
    ++size_;
  }
  [[nodiscard]] const T& front() const { return buffer_[head_]; }
  void pop_front() {
    head_ = (head_ + 1) & (buffer_.size() - 1);
    --size_;
  }
  // Element i from the front (0 = front).
  [[nodiscard]] const T& operator[](std::size_t i) const {
    return buffer_[(head_ + i) & (buffer_.size() - 1)];
  }
  [[nodiscard]] T& operator[](std::size_t i) { return buffer_[(head_ + i) & (buffer_.size() - 1)]; }

 private:
  // Rare, and kept out of line so that push_back inlines.
  [[gnu::noinline, gnu::cold]] void grow() {
    std::vector<T> bigger(buffer_.empty() ? 8 : buffer_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = (*this)[i];
    buffer_ = std::move(bigger);
    head_ = 0;
  }
  std::vector<T> buffer_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace corridor::engine
