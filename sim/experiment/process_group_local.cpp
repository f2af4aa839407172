// The process group without MPI: this process alone.

#include <cstdlib>
#include <stdexcept>

#include "corridor/experiment/process_group.hpp"

namespace corridor::experiment {

ProcessGroup::ProcessGroup() = default;
ProcessGroup::~ProcessGroup() = default;

ProcessGroup& ProcessGroup::world() {
  static ProcessGroup group;
  return group;
}

std::size_t ProcessGroup::broadcast(std::size_t value) const {
  return value;
}

void ProcessGroup::abort(int exit_code) const {
  std::exit(exit_code);
}

void ProcessGroup::send_row(std::size_t, const std::string&) const {
  throw std::logic_error("send_row: a single process has no rank 0 to send to");
}

void ProcessGroup::send_done() const {
  throw std::logic_error("send_done: a single process has no rank 0 to send to");
}

std::optional<ProcessGroup::Message> ProcessGroup::try_receive() const {
  return std::nullopt;
}

std::string mpi_library_version() {
  return {};
}

}  // namespace corridor::experiment
