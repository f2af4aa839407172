// The compiled core of the Python module `corridor` (python/corridor/ wraps it): loading
// scenarios, and the commands, each returning the documents and tables of its `corridor`
// command as text for the Python side to parse.

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "corridor/scenario/bundled_files.hpp"
#include "corridor/scenario/load.hpp"
#include "errors.hpp"
#include "interruptible.hpp"
#include "loaded_scenario.hpp"

namespace py = pybind11;
using namespace py::literals;

namespace corridor::python {
namespace {

py::dict as_dict(const CommandOutput& output) {
  py::dict tables;
  for (const auto& table : output.tables) tables[py::str(table.file_name)] = table.text;
  return py::dict("json"_a = output.json, "table"_a = output.table, "tables"_a = tables,
                  "warnings"_a = output.warnings);
}

Replicated replicated(std::optional<std::uint64_t> seed, std::uint32_t replications,
                      unsigned threads) {
  if (replications < 1) throw std::invalid_argument("replications must be at least 1");
  return {seed, replications, threads};
}

// A Python progress callback called from the runs' threads: with the GIL, and once it
// raises, never again; its error stops the sweep and is raised when the sweep returns.
class ProgressCallback {
 public:
  explicit ProgressCallback(py::object callback) : callback_(std::move(callback)) {}
  ~ProgressCallback() {
    const py::gil_scoped_acquire held;
    callback_ = py::object();
    error_.reset();
  }
  ProgressCallback(const ProgressCallback&) = delete;
  ProgressCallback& operator=(const ProgressCallback&) = delete;

  void operator()(std::size_t done, std::size_t total) {
    const std::lock_guard lock(mutex_);
    if (callback_.is_none() || stop_.load()) return;
    const py::gil_scoped_acquire held;
    try {
      callback_(done, total);
    } catch (py::error_already_set& error) {
      error_.emplace(std::move(error));
      stop_.store(true);
    }
  }
  [[nodiscard]] const std::atomic<bool>* stop() const { return &stop_; }
  void raise_if_failed() {
    if (error_) throw std::move(*error_);
  }

 private:
  py::object callback_;
  std::mutex mutex_;
  std::atomic<bool> stop_{false};
  std::optional<py::error_already_set> error_;
};

}  // namespace
}  // namespace corridor::python

PYBIND11_MODULE(_corridor, module) {
  using namespace corridor::python;
  module.doc() = "corridor's compiled core; use the package `corridor`, not this module";
  module.attr("__version__") = CORRIDOR_VERSION;
  register_error_translation();

  py::class_<LoadedScenario>(module, "Scenario")
      .def_readonly("path", &LoadedScenario::path)
      .def_readonly("overrides", &LoadedScenario::overrides)
      .def_readonly("warnings", &LoadedScenario::warnings)
      .def_property_readonly("name", [](const LoadedScenario& s) { return s.spec.name; })
      .def_property_readonly("seed", [](const LoadedScenario& s) { return s.spec.seed; })
      .def_property_readonly("horizon_days",
                             [](const LoadedScenario& s) { return s.spec.horizon_days; })
      .def_property_readonly("warmup_days",
                             [](const LoadedScenario& s) { return s.spec.warmup_days; })
      .def_property_readonly("node_ids",
                             [](const LoadedScenario& s) {
                               std::vector<std::string> ids;
                               for (const auto& node : s.spec.nodes) ids.push_back(node.id);
                               return ids;
                             })
      .def_property_readonly("link_ids",
                             [](const LoadedScenario& s) {
                               std::vector<std::string> ids;
                               for (const auto& link : s.spec.links) ids.push_back(link.id);
                               return ids;
                             })
      .def_property_readonly("investment_ids", [](const LoadedScenario& s) {
        std::vector<std::string> ids;
        for (const auto& investment : s.spec.investments) ids.push_back(investment.id);
        return ids;
      });

  module.def(
      "load",
      [](std::optional<std::string> path, std::vector<std::string> overrides, bool strict,
         bool fast_paths, std::uint64_t max_lots_in_flight, bool network_checks) {
        return load(path, std::move(overrides),
                    {strict, fast_paths, max_lots_in_flight, network_checks});
      },
      "path"_a, "overrides"_a, "strict"_a, "fast_paths"_a, "max_lots_in_flight"_a,
      "network_checks"_a);

  module.def(
      "run",
      [](const LoadedScenario& scenario, std::optional<std::uint64_t> seed,
         std::uint32_t replications, unsigned threads, const std::string& period) {
        const Replicated how = replicated(seed, replications, threads);
        return as_dict(interruptible([&] { return run(scenario, how, period); }));
      },
      "scenario"_a, "seed"_a, "replications"_a, "threads"_a, "period"_a);

  module.def(
      "compare",
      [](const std::vector<const LoadedScenario*>& scenarios, std::optional<std::uint64_t> seed,
         std::uint32_t replications, unsigned threads, bool independent_streams,
         const std::string& period) {
        const Replicated how = replicated(seed, replications, threads);
        return as_dict(
            interruptible([&] { return compare(scenarios, how, independent_streams, period); }));
      },
      "scenarios"_a, "seed"_a, "replications"_a, "threads"_a, "independent_streams"_a, "period"_a);

  module.def(
      "capacity",
      [](const LoadedScenario& scenario) {
        return as_dict(interruptible([&] { return capacity(scenario); }));
      },
      "scenario"_a);

  module.def(
      "expand",
      [](const std::vector<std::pair<std::string, const LoadedScenario*>>& configurations,
         std::optional<std::uint64_t> seed, std::uint32_t replications, unsigned threads,
         double backlog_tolerance, double p95_max_multiple, std::optional<double> p95_limit_days,
         double precision) {
        const Replicated how = replicated(seed, replications, threads);
        const ExpandSettings settings{backlog_tolerance, p95_max_multiple, p95_limit_days,
                                      precision};
        return as_dict(interruptible([&] { return expand(configurations, how, settings); }));
      },
      "configurations"_a, "seed"_a, "replications"_a, "threads"_a, "backlog_tolerance"_a,
      "p95_max_multiple"_a, "p95_limit_days"_a, "precision"_a);

  module.def(
      "sweep",
      [](const std::vector<const LoadedScenario*>& points,
         const std::vector<std::string>& parameters,
         const std::vector<std::vector<std::string>>& values, std::optional<std::uint64_t> seed,
         std::uint32_t replications, unsigned threads, py::object progress) {
        const Replicated how = replicated(seed, replications, threads);
        ProgressCallback callback(std::move(progress));
        std::string csv = interruptible([&] {
          return sweep(points, parameters, values, how, callback.stop(),
                       [&](std::size_t done, std::size_t total) { callback(done, total); });
        });
        callback.raise_if_failed();
        return csv;
      },
      "points"_a, "parameters"_a, "values"_a, "seed"_a, "replications"_a, "threads"_a,
      "progress"_a);

  module.def(
      "appraise",
      [](const LoadedScenario& scenario, std::vector<std::string> together,
         std::optional<std::uint64_t> seed, std::uint32_t replications, unsigned threads) {
        const Replicated how = replicated(seed, replications, threads);
        return as_dict(interruptible([&] { return appraise(scenario, std::move(together), how); }));
      },
      "scenario"_a, "together"_a, "seed"_a, "replications"_a, "threads"_a);

  module.def(
      "plan",
      [](const LoadedScenario& scenario, double budget_musd_per_year, std::uint32_t delays,
         std::vector<std::string> only, double max_diverted_share, std::optional<int> serve_from,
         std::size_t max_plans, std::optional<std::uint64_t> seed, std::uint32_t replications,
         unsigned threads, std::string resume) {
        const corridor::experiment::PlanSearch search{.budget_musd_per_year = budget_musd_per_year,
                                                      .delays = delays,
                                                      .only = std::move(only),
                                                      .max_diverted_share = max_diverted_share,
                                                      .serve_from_year = serve_from,
                                                      .max_simulated_plans = max_plans,
                                                      .seed = seed,
                                                      .replications = replications,
                                                      .threads = threads,
                                                      .cache_path = std::move(resume)};
        return as_dict(interruptible([&] { return plan(scenario, search); }));
      },
      "scenario"_a, "budget_musd_per_year"_a, "delays"_a, "only"_a, "max_diverted_share"_a,
      "serve_from"_a, "max_plans"_a, "seed"_a, "replications"_a, "threads"_a, "resume"_a);

  module.def("default_max_lots_in_flight", [] { return corridor::model::kDefaultMaxLotsInFlight; });
  module.def("data_directory", [] { return corridor::scenario::data_directory().string(); });
  module.def("default_scenario_path",
             [] { return corridor::scenario::default_scenario_path().string(); });
}
