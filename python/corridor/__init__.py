"""corridor: discrete-event simulation of freight transport corridors, from Python.

The functions mirror the ``corridor`` commands and give the same numbers: ``run``,
``compare``, ``sweep``, ``expand``, ``capacity``, ``appraise`` and ``plan``. Each takes a
scenario (a path, a ``Scenario`` from ``load``, or None for the bundled Middle Corridor
baseline) and ``set={PATH: VALUE}`` overrides, as ``--set PATH=VALUE`` does. Results give
the command's JSON document (``to_dict()``) and its CSV tables as pandas DataFrames.
Long computations release the GIL and stop on Ctrl-C (KeyboardInterrupt).
docs/python.md has a worked analysis.
"""

import itertools
import os
import warnings as _warnings

from . import _corridor
from ._errors import (Diagnostic, InternalError, ResultWarning, RunLimitError, ScenarioError,
                      ScenarioWarning)
from ._results import (AppraiseResult, CapacityResult, CompareResult, ExpandResult, PlanResult,
                       Result, RunResult, read_table)
from ._values import overrides as _overrides, value_text as _value_text

__version__ = _corridor.__version__

__all__ = [
    "load", "run", "compare", "sweep", "expand", "capacity", "appraise", "plan",
    "default_scenario_path", "data_directory", "Scenario", "Result", "RunResult",
    "CompareResult", "CapacityResult", "ExpandResult", "AppraiseResult", "PlanResult",
    "ScenarioError", "Diagnostic", "RunLimitError", "InternalError", "ScenarioWarning",
    "ResultWarning",
]

_DEFAULT_MAX_LOTS = None  # the model's own default


class Scenario:
    """A validated scenario: the file and overrides it came from and the model it builds.

    Made by ``load``. ``name``, ``seed``, ``horizon_days``, ``node_ids``, ``link_ids`` and
    ``investment_ids`` describe it; ``warnings`` are the warnings it raised.
    """

    def __init__(self, core, settings):
        self._core = core
        self._settings = settings

    path = property(lambda self: self._core.path, doc="The scenario file.")
    overrides = property(lambda self: list(self._core.overrides),
                         doc="Its overrides, as PATH=VALUE texts.")
    warnings = property(lambda self: list(self._core.warnings))
    name = property(lambda self: self._core.name)
    seed = property(lambda self: self._core.seed)
    horizon_days = property(lambda self: self._core.horizon_days)
    warmup_days = property(lambda self: self._core.warmup_days)
    node_ids = property(lambda self: list(self._core.node_ids))
    link_ids = property(lambda self: list(self._core.link_ids))
    investment_ids = property(lambda self: list(self._core.investment_ids))

    def with_values(self, set):  # noqa: A002 - the command line's name for it
        """This scenario with more overrides on top of its own."""
        return _load(self.path, self.overrides + _overrides(set), **self._settings)

    def __repr__(self):
        shown = f", set={self.overrides}" if self.overrides else ""
        return f"<corridor.Scenario {self.name!r} from {self.path}{shown}>"


def _load(path, override_texts, strict=False, fast_paths=True, max_lots_in_flight=None,
          network_checks=True, stacklevel=3):
    settings = {"strict": strict, "fast_paths": fast_paths,
                "max_lots_in_flight": max_lots_in_flight}
    core = _corridor.load(
        None if path is None else os.fspath(path), list(override_texts), strict, fast_paths,
        max_lots_in_flight if max_lots_in_flight is not None else _model_max_lots(),
        network_checks)
    for text in core.warnings:
        _warnings.warn(text, ScenarioWarning, stacklevel=stacklevel)
    return Scenario(core, settings)


def _model_max_lots():
    global _DEFAULT_MAX_LOTS
    if _DEFAULT_MAX_LOTS is None:
        _DEFAULT_MAX_LOTS = _corridor.default_max_lots_in_flight()
    return _DEFAULT_MAX_LOTS


def load(path=None, set=None, *, strict=False, fast_paths=True, max_lots_in_flight=None):  # noqa: A002
    """Loads and validates a scenario, as ``corridor validate`` does.

    path: a scenario YAML file; None for the bundled baseline (``default_scenario_path()``).
    set: overrides, {PATH: VALUE} (``{"nodes.alat.capacity_mtpa": 25}``) or PATH=VALUE texts.
    strict: its warnings are errors. fast_paths: False runs the plain event-driven path
    (``--no-fast-paths``). max_lots_in_flight: stop a run once more lots are in the system.

    Raises ScenarioError, with ``file``, ``line``, ``column`` and ``message``, for a
    scenario that cannot run; warns (ScenarioWarning) of implausible values.
    """
    return _load(path, _overrides(set), strict=strict, fast_paths=fast_paths,
                 max_lots_in_flight=max_lots_in_flight)


def _scenario(scenario, set):  # noqa: A002
    """A Scenario from what a function was given, with `set` on top."""
    if isinstance(scenario, Scenario):
        return scenario.with_values(set) if set else scenario
    return _load(scenario, _overrides(set), stacklevel=4)


def _threads(threads):
    if threads is None:
        return 0
    if int(threads) < 1:
        raise ValueError(f"threads must be 1 or more (None: every core), got {threads!r}")
    return int(threads)


def _seed(seed):
    if seed is not None and (int(seed) < 0 or int(seed) >= 2**64):
        raise ValueError(f"seed must be a whole number from 0 to 2**64 - 1, got {seed!r}")
    return None if seed is None else int(seed)


def _period(period):
    if period is None:
        return ""  # the default for the horizon
    if period not in ("year", "quarter", "month", "none"):
        raise ValueError(f"{period!r} is not a period: give 'year', 'quarter', 'month' or "
                         "'none' (None: years when the run is longer than a year)")
    return period


def _replications(replications, least=1):
    if int(replications) < least:
        raise ValueError(f"replications must be {least} or more, got {replications!r}")
    return int(replications)


def _warn_results(result):
    for text in result.warnings:
        _warnings.warn(text, ResultWarning, stacklevel=3)
    return result


def run(scenario=None, seed=None, replications=1, threads=None, set=None, *, period=None):  # noqa: A002
    """Simulates a scenario, as ``corridor run`` does.

    seed: overrides the scenario's. replications: above 1, every figure is a mean with its
    95 % half-width (the ``corridor.replications/1`` document). threads: for replications
    (default: every core; results do not depend on it). period: "year", "quarter",
    "month" or "none" (default: years when the run is longer than a year).

    Returns a RunResult: ``to_dict()``, and DataFrames ``od``, ``routes``, ``nodes``,
    ``links``, ``periods``, ``timeseries``, ``demand``.
    """
    loaded = _scenario(scenario, set)
    output = _corridor.run(loaded._core, _seed(seed), _replications(replications),
                           _threads(threads), _period(period))
    return _warn_results(RunResult(output))


def compare(scenarios, seed=None, replications=10, threads=None, set=None, *,  # noqa: A002
            independent_streams=False, period=None):
    """Compares scenarios under common random numbers, as ``corridor compare`` does.

    scenarios: the base first, then the alternatives (paths or Scenarios). set: applied to
    every one. Returns a CompareResult (``differences`` and every run's tables).
    """
    loaded = [_scenario(scenario, set) for scenario in scenarios]
    output = _corridor.compare([s._core for s in loaded], _seed(seed),
                               _replications(replications, 2), _threads(threads),
                               bool(independent_streams), _period(period))
    return _warn_results(CompareResult(output))


def capacity(scenario=None, set=None):  # noqa: A002
    """The most the demand's routes can carry and what binds it (``corridor capacity``)."""
    return CapacityResult(_corridor.capacity(_scenario(scenario, set)._core))


def sweep(scenario=None, vary=None, set=None, seed=None, replications=5, threads=None,  # noqa: A002
          progress=None):
    """Runs the grid of every combination of the values in `vary`, as ``corridor sweep``.

    vary: {PATH: [VALUE, ...]}, the first path varying slowest. set: values fixed at every
    point. progress: called as progress(runs_done, runs_in_all) as runs finish (from the
    runs' threads, one call at a time); if it raises, no further run starts and the
    exception is raised. Returns the sweep's CSV as a DataFrame, a row per point.
    """
    if not vary:
        raise ValueError("nothing to sweep: give vary={PATH: [VALUE, ...]}")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be callable as progress(done, total), got {progress!r}")
    base = scenario if isinstance(scenario, Scenario) else None
    path = base.path if base else scenario
    fixed = (base.overrides if base else []) + _overrides(set)
    settings = base._settings if base else {}
    parameters = list(vary)
    axes = []
    for parameter in parameters:
        values = vary[parameter]
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            raise TypeError(f"vary[{parameter!r}] must be a list of values")
        texts = [_value_text(value) for value in values]
        if not texts:
            raise ValueError(f"vary[{parameter!r}] has no values")
        axes.append(texts)
    points, values = [], []
    for index, combination in enumerate(itertools.product(*axes)):
        texts = fixed + [f"{p}={v}" for p, v in zip(parameters, combination)]
        # The network checks solve the capacity bound: on the first point only.
        points.append(_load(path, texts, network_checks=index == 0, **settings)._core)
        values.append(list(combination))
    csv = _corridor.sweep(points, parameters, values, _seed(seed), _replications(replications),
                          _threads(threads), progress)
    return read_table(csv)


def expand(scenario=None, options=None, set=None, seed=None, replications=3,  # noqa: A002
           threads=None, *, backlog_tolerance=0.02, p95_max_multiple=3.0, p95_max_days=None,
           precision=0.01):
    """The sustainable throughput of the scenario and of each expansion option, as
    ``corridor expand`` finds it.

    options: {NAME: {PATH: VALUE, ...}}, each option's changes on top of the scenario.
    Returns an ExpandResult (``options`` and ``trials`` DataFrames).
    """
    base = _scenario(scenario, set)
    configurations = [("baseline", base)]
    for name, changes in (options or {}).items():
        if name == "baseline":
            raise ValueError("option name 'baseline' names the scenario itself")
        configurations.append((name, base.with_values(changes)))
    output = _corridor.expand([(name, s._core) for name, s in configurations], _seed(seed),
                              _replications(replications), _threads(threads),
                              float(backlog_tolerance),
                              float(p95_max_multiple), p95_max_days, float(precision))
    return ExpandResult(output)


def appraise(scenario, set=None, together=None, seed=None, replications=10, threads=None):  # noqa: A002
    """Appraises the scenario's investments against its do-nothing case, as
    ``corridor appraise`` does. together: investment ids appraised as one more case, or
    "all". Returns an AppraiseResult (``cases`` and ``years`` DataFrames)."""
    loaded = _scenario(scenario, set)
    if together is None:
        ids = []
    elif isinstance(together, str):
        ids = together.split(",")
    else:
        ids = list(together)
    output = _corridor.appraise(loaded._core, ids, _seed(seed), _replications(replications, 2),
                                _threads(threads))
    return _warn_results(AppraiseResult(output))


def plan(scenario, budget_musd_per_year, set=None, *, delays=2, only=None,  # noqa: A002
         max_diverted_share=0.05, serve_from=None, max_plans=400, seed=None, replications=4,
         threads=None, resume=None):
    """The investment plan with the largest NPV that keeps the corridor serving its
    demand under a capital budget a year, as ``corridor plan`` finds it. resume: a file
    that keeps each simulated plan's figures (``--resume``)."""
    loaded = _scenario(scenario, set)
    output = _corridor.plan(loaded._core, float(budget_musd_per_year), int(delays),
                            list(only or []), float(max_diverted_share), serve_from,
                            int(max_plans), _seed(seed), _replications(replications, 2),
                            _threads(threads),
                            os.fspath(resume) if resume is not None else "")
    return PlanResult(output)


def default_scenario_path():
    """The bundled Middle Corridor baseline, the scenario used when none is given."""
    return _corridor.default_scenario_path()


def data_directory():
    """Where the bundled scenarios and tools are found ($CORRIDOR_DATA_DIR if set)."""
    return _corridor.data_directory()
