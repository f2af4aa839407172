// The process group over MPI, compiled when CMake finds MPI.

#include <mpi.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "corridor/experiment/process_group.hpp"

namespace corridor::experiment {
namespace {

constexpr int kRowTag = 1;
constexpr int kDoneTag = 2;

// Set by Open MPI's and other launchers (PMIx, Hydra) for each process they start.
bool launched_by_mpirun() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"}) {
    if (std::getenv(variable) != nullptr) return true;
  }
  return false;
}

}  // namespace

ProcessGroup::ProcessGroup() {
  if (!launched_by_mpirun()) return;
  int provided = 0;
  // Rows are sent from whichever worker thread finishes a point, one at a time.
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided);
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    throw std::runtime_error("the MPI library does not allow calls from several threads");
  }
  started_mpi_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

ProcessGroup::~ProcessGroup() {
  if (started_mpi_) MPI_Finalize();
}

ProcessGroup& ProcessGroup::world() {
  static ProcessGroup group;
  return group;
}

std::size_t ProcessGroup::broadcast(std::size_t value) const {
  if (size_ == 1) return value;
  auto wide = static_cast<std::uint64_t>(value);
  MPI_Bcast(&wide, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  return static_cast<std::size_t>(wide);
}

void ProcessGroup::abort(int exit_code) const {
  if (size_ > 1) MPI_Abort(MPI_COMM_WORLD, exit_code);
  std::exit(exit_code);
}

void ProcessGroup::send_row(std::size_t index, const std::string& text) const {
  std::vector<char> message(sizeof(std::uint64_t) + text.size());
  const auto wide = static_cast<std::uint64_t>(index);
  std::memcpy(message.data(), &wide, sizeof wide);
  std::memcpy(message.data() + sizeof wide, text.data(), text.size());
  MPI_Send(message.data(), static_cast<int>(message.size()), MPI_BYTE, 0, kRowTag, MPI_COMM_WORLD);
}

void ProcessGroup::send_done() const {
  MPI_Send(nullptr, 0, MPI_BYTE, 0, kDoneTag, MPI_COMM_WORLD);
}

std::optional<ProcessGroup::Message> ProcessGroup::try_receive() const {
  int arrived = 0;
  MPI_Status status;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
  if (arrived == 0) return std::nullopt;
  int bytes = 0;
  MPI_Get_count(&status, MPI_BYTE, &bytes);
  std::vector<char> message(static_cast<std::size_t>(bytes));
  MPI_Recv(message.data(), bytes, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  if (status.MPI_TAG == kDoneTag) return Message{true, 0, {}};
  std::uint64_t wide = 0;
  std::memcpy(&wide, message.data(), sizeof wide);
  return Message{false, static_cast<std::size_t>(wide),
                 std::string(message.data() + sizeof wide, message.size() - sizeof wide)};
}

std::string mpi_library_version() {
  char version[MPI_MAX_LIBRARY_VERSION_STRING];
  int length = 0;
  MPI_Get_library_version(version, &length);
  std::string text(version, static_cast<std::size_t>(length));
  const auto comma = text.find(',');
  return comma == std::string::npos ? text : text.substr(0, comma);
}

}  // namespace corridor::experiment
