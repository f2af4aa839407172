#include "sweep_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "common.hpp"
#include "corridor/experiment/process_group.hpp"
#include "corridor/experiment/sweep.hpp"
#include "corridor/io/atomic_file.hpp"
#include "corridor/io/progress.hpp"
#include "corridor/io/sweep_csv.hpp"
#include "corridor/io/sweep_manifest.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor::cli {
namespace {

std::atomic<bool> interrupted{false};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A file begun by another sweep is never continued: its manifest must match this one.
void check_same_sweep(const std::string& csv_path, const io::SweepManifest& now) {
  const std::string path = io::manifest_path(csv_path);
  if (!std::filesystem::exists(path)) {
    throw UsageError(fmt::format(
        "--resume: {} has no manifest ({}), so nothing says which sweep wrote it; remove it, "
        "choose another --csv or replace it with --force",
        csv_path, path));
  }
  io::SweepManifest earlier;
  try {
    earlier = io::parse_manifest(read_file(path));
  } catch (const std::exception& error) {
    throw UsageError(fmt::format("--resume: {}: {}", path, error.what()));
  }
  if (const auto difference = io::manifest_difference(earlier, now)) {
    throw UsageError(fmt::format(
        "--resume: {} is another sweep's: {}; choose another --csv, or --force to replace it",
        csv_path, *difference));
  }
}

extern "C" void on_interrupt(int) {
  interrupted.store(true);
}

// The complete rows of an earlier run of the same sweep: checks the header, drops a
// row cut short by an interruption, and returns how many points are already done.
std::size_t rows_already_written(const std::string& path, const std::string& header) {
  const std::string text = read_file(path);
  if (text.compare(0, header.size(), header) != 0) {
    throw UsageError(fmt::format(
        "--resume: {} was not written by this sweep (its header differs); remove it or choose "
        "another --csv",
        path));
  }
  std::size_t rows = 0;
  std::size_t end = header.size();  // just past the last complete line
  for (std::size_t at = header.size(); at < text.size();) {
    const auto newline = text.find('\n', at);
    if (newline == std::string::npos) break;
    const std::string expected = fmt::format("{},", rows);
    if (text.compare(at, expected.size(), expected) != 0) {
      throw UsageError(fmt::format("--resume: row {} of {} is not point {}", rows + 1, path, rows));
    }
    ++rows;
    at = end = newline + 1;
  }
  if (end < text.size()) std::filesystem::resize_file(path, end);
  return rows;
}

}  // namespace

CLI::App* add_sweep_command(CLI::App& app, SweepArguments& args) {
  auto* command = app.add_subcommand(
      "sweep",
      "Run a grid of variants (the product of every varied parameter) and write one CSV row "
      "per point with each key figure's mean and 95% half-width");
  command->add_option("scenario", args.scenario, default_scenario_help());
  command
      ->add_option("--set", args.sets,
                   "PATH=VALUE fixes a value; PATH=V1,V2,... varies it over the values")
      ->allow_extra_args(false);
  command->add_option("--range", args.ranges, "PATH=FROM:TO:STEP varies a number, ends included")
      ->allow_extra_args(false);
  command
      ->add_option("--replications,-r", args.replications,
                   fmt::format("Replications per point (default: {})", args.replications))
      ->check(CLI::Range(1U, 100000U));
  command->add_option("--seed", args.seed, "Seed for every point (default: the scenario's)")
      ->check(whole_number());
  command->add_option("--threads,-j", args.threads, "Threads (default: every core)")
      ->check(CLI::Range(1U, 1024U));
  command->add_option("--csv", args.csv_path, "Write the rows to FILE (or - for stdout)")
      ->required();
  command->add_flag("--resume", args.resume,
                    "Keep the rows FILE already holds and run only the points after them; "
                    "refused unless FILE.manifest.json shows the same scenario, seed, "
                    "replications, fixed values and grid");
  command->add_flag("--force", args.force, "Replace FILE if it exists (default: refuse)");
  command->add_flag("--quiet,-q", args.quiet, "Print no progress and no summary");
  add_run_limit_option(command);
  add_strict_option(command);
  add_fast_paths_option(command);
  add_demand_scale_option(command, args.sets);
  return command;
}

namespace {

// Writes rows strictly in grid order, holding back any that arrive early; one flushed
// write per row, so an interruption leaves whole rows.
class RowWriter {
 public:
  RowWriter(std::FILE* out, std::string path, std::size_t first)
      : out_(out), path_(std::move(path)), next_(first) {}

  void add(std::size_t index, std::string row) {
    pending_.emplace(index, std::move(row));
    for (auto it = pending_.find(next_); it != pending_.end(); it = pending_.find(next_)) {
      const std::string& text = it->second;
      const long before = std::ftell(out_);
      if (std::fwrite(text.data(), 1, text.size(), out_) != text.size() || std::fflush(out_) != 0) {
        const int error = errno;
        // A full disk may have taken part of the row: cut it off, so the file holds
        // whole rows only and --resume carries on from the last of them.
        if (out_ != stdout && before >= 0) {
          static_cast<void>(::ftruncate(::fileno(out_), static_cast<off_t>(before)));
        }
        throw io::OutputError(
            fmt::format("--csv {}: write failed: {}", path_, std::strerror(error)));
      }
      // The last column, falling_behind, is empty (",\n") unless an entry fell behind.
      if (!text.ends_with(",\n")) ++falling_behind_;
      pending_.erase(it);
      ++next_;
    }
  }
  [[nodiscard]] std::size_t written_up_to() const { return next_; }
  [[nodiscard]] std::size_t falling_behind() const { return falling_behind_; }

 private:
  std::FILE* out_;
  std::string path_;
  std::size_t next_;
  std::size_t falling_behind_ = 0;
  std::map<std::size_t, std::string> pending_;
};

// Rank 0 of several: computes its share on a thread while this thread gathers the other
// ranks' rows, writing each as soon as those before it are in.
void gather_rows(
    const experiment::ProcessGroup& group, RowWriter& writer,
    const std::function<void(const std::function<void(std::size_t, std::string)>&)>& run_own_share,
    const std::function<void()>& on_other_row) {
  std::mutex mutex;
  std::atomic<bool> own_done{false};
  std::exception_ptr own_error;
  std::thread own([&] {
    try {
      run_own_share([&](std::size_t index, std::string row) {
        const std::lock_guard lock(mutex);
        writer.add(index, std::move(row));
      });
    } catch (...) {
      own_error = std::current_exception();
    }
    own_done.store(true);
  });
  int ranks_done = 0;
  for (;;) {
    bool received = false;
    while (auto message = group.try_receive()) {
      received = true;
      if (message->done) {
        ++ranks_done;
      } else {
        const std::lock_guard lock(mutex);
        writer.add(message->index, std::move(message->text));
        on_other_row();
      }
    }
    if (own_done.load() && ranks_done == group.size() - 1) break;
    if (!received) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  own.join();
  if (own_error) std::rethrow_exception(own_error);
}

}  // namespace

// Ctrl-C, or mpirun passing a termination on to the ranks, for as long as the command
// runs: every rank stops starting runs, and what finished is written. Set before any
// rank loads a point, so that a termination that reaches one rank while another has
// begun (rank 0 writes the manifest first) is never the default's abrupt end.
class InterruptHandlers {
 public:
  explicit InterruptHandlers(void (*handler)(int))
      : previous_int_(std::signal(SIGINT, handler)),
        previous_term_(std::signal(SIGTERM, handler)) {}
  ~InterruptHandlers() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
  }
  InterruptHandlers(const InterruptHandlers&) = delete;
  InterruptHandlers& operator=(const InterruptHandlers&) = delete;

 private:
  void (*previous_int_)(int);
  void (*previous_term_)(int);
};

int sweep_command(const SweepArguments& args) {
  const auto& group = experiment::ProcessGroup::world();
  const bool root = group.rank() == 0;
  interrupted.store(false);
  const InterruptHandlers handlers(on_interrupt);
  check_output_directory(args.csv_path, "--csv");
  if (args.resume && args.csv_path == "-") throw UsageError("--resume needs a --csv file");
  std::vector<std::string> fixed;
  std::vector<experiment::SweepAxis> axes;
  try {
    for (const auto& set : args.sets) {
      auto axis = experiment::parse_value_list(set);
      if (axis.values.size() == 1) {
        fixed.push_back(set);
      } else {
        axes.push_back(std::move(axis));
      }
    }
    for (const auto& range : args.ranges) axes.push_back(experiment::parse_range(range));
  } catch (const experiment::GridError& error) {
    throw UsageError(error.what());
  }
  if (axes.empty()) throw UsageError("nothing to sweep: give --set PATH=V1,V2 or --range");

  // Every point is loaded and checked before anything runs.
  const auto path = scenario_or_default(args.scenario);
  std::vector<experiment::SweepPoint> points;
  std::vector<std::vector<std::string>> point_values;
  const auto grid = experiment::grid_points(axes);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    auto overrides = fixed;
    overrides.insert(overrides.end(), grid[i].begin(), grid[i].end());
    // The network checks solve the capacity bound: on the first point only.
    points.push_back({i, load_for_run(path, overrides, i == 0 ? Checks::network : Checks::values)});
    std::vector<std::string> values;
    for (std::size_t a = 0; a < axes.size(); ++a) {
      values.push_back(grid[i][a].substr(axes[a].path.size() + 1));
    }
    point_values.push_back(std::move(values));
  }
  std::vector<std::string> parameters;
  for (const auto& axis : axes) parameters.push_back(axis.path);
  const io::SweepCsv csv(parameters, points.front().spec);
  const io::SweepManifest manifest{CORRIDOR_VERSION,
                                   path.string(),
                                   scenario::resolved_fingerprint(path, fixed),
                                   args.seed.value_or(points.front().spec.seed),
                                   args.replications,
                                   fixed,
                                   axes,
                                   points.size()};

  // Rank 0 owns the file: it writes the header, or finds where a resumed sweep stands,
  // and tells the other ranks (SIZE_MAX: it could not, and has said why).
  constexpr std::size_t kFailed = static_cast<std::size_t>(-1);
  std::size_t done = 0;
  std::FILE* out = stdout;
  if (root) {
    try {
      if (args.csv_path != "-") {
        const bool exists = std::filesystem::exists(args.csv_path);
        if (exists && !args.resume && !args.force) {
          throw UsageError(fmt::format(
              "--csv {} already exists; --resume continues the sweep that began it, --force "
              "replaces it",
              args.csv_path));
        }
        if (args.resume && exists) {
          check_same_sweep(args.csv_path, manifest);
          done = rows_already_written(args.csv_path, csv.header());
        } else {
          // The manifest first: a file with a header has a manifest to be checked against.
          write_output(io::manifest_path(args.csv_path), io::manifest_json(manifest));
          write_output(args.csv_path, csv.header());
        }
        out = std::fopen(args.csv_path.c_str(), "ab");
        if (out == nullptr) throw UsageError(fmt::format("--csv {}: cannot open", args.csv_path));
      } else {
        std::fputs(csv.header().c_str(), stdout);
      }
    } catch (...) {
      (void)group.broadcast(kFailed);
      throw;
    }
  }
  done = group.broadcast(done);
  if (done == kFailed) return kExitInvalidInput;

  // The points left, dealt out to the ranks in turn.
  std::vector<experiment::SweepPoint> share;
  for (std::size_t i = done; i < points.size(); ++i) {
    if (static_cast<int>((i - done) % static_cast<std::size_t>(group.size())) == group.rank()) {
      share.push_back(points[i]);
    }
  }
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const unsigned threads = args.threads != 0
                               ? args.threads
                               : std::max(1U, hardware / static_cast<unsigned>(group.size()));
  // Rank 0 draws the progress of every rank: its own runs as they finish, and the other
  // ranks' as their rows arrive (a row is a point's replications).
  io::Progress progress(
      "runs", root && !args.quiet && args.csv_path != "-",
      group.size() > 1 ? io::Progress::Style::periodic_lines : io::Progress::Style::terminal_line);
  std::mutex progress_mutex;
  std::size_t own_runs = 0;
  std::size_t other_runs = 0;
  const std::size_t total_runs = (points.size() - done) * args.replications;
  const auto show_progress = [&] {
    const std::lock_guard lock(progress_mutex);
    progress.update(own_runs + other_runs, total_runs);
  };
  const auto run_share = [&](const std::function<void(std::size_t, std::string)>& deliver) {
    experiment::run_sweep(
        share,
        {.seed = args.seed,
         .replications = args.replications,
         .threads = threads,
         .cancel = &interrupted,
         .on_progress =
             [&](std::size_t runs, std::size_t) {
               {
                 const std::lock_guard lock(progress_mutex);
                 own_runs = runs;
               }
               show_progress();
             }},
        [&](const experiment::SweepPoint& point, const std::vector<model::RunResult>& runs) {
          deliver(point.index, csv.row(point.index, point_values[point.index], point.spec, runs));
        });
  };

  if (!root) {
    try {
      run_share([&](std::size_t index, std::string row) { group.send_row(index, row); });
      group.send_done();
    } catch (const std::exception& error) {
      std::fprintf(stderr, "corridor: rank %d: error: %s\n", group.rank(), error.what());
      group.abort(kExitInternalError);
    }
    return interrupted.load() ? 130 : 0;
  }

  RowWriter writer(out, args.csv_path, done);
  try {
    if (group.size() == 1) {
      run_share([&](std::size_t index, std::string row) { writer.add(index, std::move(row)); });
    } else {
      gather_rows(group, writer, run_share, [&] {
        {
          const std::lock_guard lock(progress_mutex);
          other_runs += args.replications;
        }
        show_progress();
      });
    }
  } catch (...) {
    if (out != stdout) std::fclose(out);
    if (group.size() > 1) {
      std::fprintf(stderr, "corridor: sweep failed on rank 0\n");
      group.abort(kExitInternalError);
    }
    throw;
  }
  progress.finish();
  if (out != stdout) std::fclose(out);
  if (writer.falling_behind() > 0) {
    std::fprintf(stderr,
                 "corridor: warning: at %zu of the %zu points run now, some demand delivered less "
                 "than 95 %% of what it created (column falling_behind): their transit columns "
                 "describe only the cargo that got through; censored_p95_days counts the rest\n",
                 writer.falling_behind(), writer.written_up_to() - done);
  }
  if (interrupted.load() || writer.written_up_to() < points.size()) {
    std::fprintf(stderr, "corridor: interrupted: %zu of %zu points are in %s; --resume continues\n",
                 writer.written_up_to(), points.size(), args.csv_path.c_str());
    return 130;
  }
  if (!args.quiet && args.csv_path != "-") {
    std::fprintf(stderr,
                 "corridor: %zu points run now and %zu already there: %zu points x %u "
                 "replications in %s (%d process%s)\n",
                 points.size() - done, done, points.size(), args.replications,
                 args.csv_path.c_str(), group.size(), group.size() == 1 ? "" : "es");
  }
  return 0;
}

}  // namespace corridor::cli
