#pragma once
// The processes a sweep is spread over: the MPI world when `corridor` was started by
// mpirun (and built with MPI), otherwise this process alone. Rank 0 gathers the rows
// and writes the files; the others only compute. Kept behind this small interface so
// that nothing else includes <mpi.h>.

#include <cstddef>
#include <optional>
#include <string>

namespace corridor::experiment {

class ProcessGroup {
 public:
  // The group of this process, set up on first use; MPI is started only when the
  // launcher's environment says the process is one of several.
  static ProcessGroup& world();

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

  // From rank 0 to every rank: rank 0's value is returned everywhere.
  [[nodiscard]] std::size_t broadcast(std::size_t value) const;
  // Stops every rank: called when one rank cannot go on.
  [[noreturn]] void abort(int exit_code) const;

  // Rows travel to rank 0: `send_row` from a non-zero rank (one caller at a time), and
  // `send_done` once it has no more. On rank 0, `try_receive` returns the next message
  // if one has arrived: a row (index and text), or a rank reporting done.
  struct Message {
    bool done = false;
    std::size_t index = 0;
    std::string text;
  };
  void send_row(std::size_t index, const std::string& text) const;
  void send_done() const;
  [[nodiscard]] std::optional<Message> try_receive() const;

  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;
  ~ProcessGroup();

 private:
  ProcessGroup();
  int rank_ = 0;
  int size_ = 1;
  bool started_mpi_ = false;
};

// "Open MPI v4.1.4 ..." when built with MPI, or empty: for `corridor --version`.
[[nodiscard]] std::string mpi_library_version();

}  // namespace corridor::experiment
