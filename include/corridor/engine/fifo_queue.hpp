#pragma once
// A first-in first-out queue on a power-of-two ring buffer. Unlike std::deque it
// allocates only when it grows past its largest size so far, so queues on the hot path
// stop allocating once a run has warmed up. It is 24 bytes with its size first, so a
// model can keep the queues an event reads together on one cache line (and test a queue
// for emptiness by reading one word).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <utility>

namespace corridor::engine {

template <class T>
class FifoQueue {
 public:
  FifoQueue() = default;
  FifoQueue(const FifoQueue& other)
      : size_(other.size_),
        capacity_(other.capacity_),
        buffer_(other.capacity_ == 0 ? nullptr : std::make_unique<T[]>(other.capacity_)) {
    for (std::uint32_t i = 0; i < size_; ++i) buffer_[i] = other[i];
  }
  FifoQueue(FifoQueue&& other) noexcept
      : size_(std::exchange(other.size_, 0)),
        head_(std::exchange(other.head_, 0)),
        capacity_(std::exchange(other.capacity_, 0)),
        buffer_(std::move(other.buffer_)) {}
  FifoQueue& operator=(FifoQueue other) noexcept {
    std::swap(size_, other.size_);
    std::swap(head_, other.head_);
    std::swap(capacity_, other.capacity_);
    std::swap(buffer_, other.buffer_);
    return *this;
  }
  ~FifoQueue() = default;

  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  void push_back(const T& value) {
    if (size_ == capacity_) grow();
    buffer_[(head_ + size_) & (capacity_ - 1)] = value;
    ++size_;
  }
  [[nodiscard]] const T& front() const { return buffer_[head_]; }
  void pop_front() {
    head_ = (head_ + 1) & (capacity_ - 1);
    --size_;
  }
  // Element i from the front (0 = front).
  [[nodiscard]] const T& operator[](std::size_t i) const {
    return buffer_[(head_ + i) & (capacity_ - 1)];
  }
  [[nodiscard]] T& operator[](std::size_t i) { return buffer_[(head_ + i) & (capacity_ - 1)]; }

 private:
  // Rare, and kept out of line so that push_back inlines.
  [[gnu::noinline, gnu::cold]] void grow() {
    if (capacity_ >= kLargest) throw std::length_error("a queue of more than 2^31 entries");
    const std::uint32_t bigger_capacity = capacity_ == 0 ? 8 : capacity_ * 2;
    auto bigger = std::make_unique<T[]>(bigger_capacity);
    for (std::uint32_t i = 0; i < size_; ++i) bigger[i] = (*this)[i];
    buffer_ = std::move(bigger);
    capacity_ = bigger_capacity;
    head_ = 0;
  }
  static constexpr std::uint32_t kLargest = std::uint32_t{1} << 31;

  std::uint32_t size_ = 0;
  std::uint32_t head_ = 0;
  std::uint32_t capacity_ = 0;  // a power of two, or 0
  std::unique_ptr<T[]> buffer_;
};

static_assert(sizeof(FifoQueue<double>) == 24);

}  // namespace corridor::engine
