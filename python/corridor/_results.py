"""What the commands return: the command's JSON document as a dict, its printed table as
the object's text, and its CSV tables as pandas DataFrames with the same columns."""

import io
import json
import os
import sys


def _pandas_of_the_build():
    """The pandas of the interpreter the module was built for (Debian's), when this one
    has none and is the same CPython version, so that the same compiled packages load
    in it: a pyenv or virtual-environment Python 3.11 beside Debian's. None otherwise."""
    from . import _build
    directory = _build.PANDAS_DIRECTORY
    if (sys.implementation.name != "cpython" or sys.version_info[:2] != _build.PYTHON_VERSION
            or not directory or not os.path.isdir(os.path.join(directory, "pandas"))):
        return None
    if directory not in sys.path:
        sys.path.append(directory)  # last: this interpreter's own packages come first
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def _pandas():
    try:
        import pandas
    except ImportError as error:
        pandas = _pandas_of_the_build()
        if pandas is None:
            raise ImportError(
                f"corridor's tables need pandas, which this Python ({sys.executable}) does "
                "not have: tools/setup.sh installs Debian's python3-pandas for "
                "/usr/bin/python3; run that interpreter, or install pandas for this one"
            ) from error
    return pandas


def read_table(text):
    """A CSV table as corridor writes it, read as pandas reads the file: only an empty
    field is missing (an id such as "NA" stays a string)."""
    return _pandas().read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])


class Result:
    """A command's results. ``to_dict()`` is its ``--json`` document, ``str()`` the table
    it prints, ``frame(name)`` (or an attribute) one of the tables its ``--csv`` writes."""

    _kind = "result"

    def __init__(self, output):
        self._json = output["json"]
        self._table = output["table"]
        self._tables = dict(output["tables"])
        self.warnings = list(output["warnings"])
        self._frames = {}

    def to_dict(self):
        """The document the command writes with ``--json``."""
        return json.loads(self._json)

    def to_json(self):
        """That document as the command writes it, byte for byte."""
        return self._json

    @property
    def table_names(self):
        """The tables this result holds, as their files are named (without .csv)."""
        return [name[:-len(".csv")] for name in self._tables]

    def csv_text(self, name):
        """Table `name` as the command's ``--csv`` writes its file."""
        try:
            return self._tables[name + ".csv"]
        except KeyError:
            raise KeyError(f"no table {name!r}; this result has {self.table_names}") from None

    def frame(self, name):
        """Table `name` as a pandas DataFrame (read once, then kept)."""
        if name not in self._frames:
            self._frames[name] = read_table(self.csv_text(name))
        return self._frames[name]

    def __str__(self):
        return self._table

    def _repr_html_(self):
        # A notebook shows the table the command prints, as it prints it.
        import html
        return f"<pre>{html.escape(self._table)}</pre>"

    def __repr__(self):
        return f"<corridor.{type(self).__name__}: {', '.join(self.table_names) or 'no tables'}>"


def _table_property(name, doc):
    return property(lambda self: self.frame(name), doc=doc)


class RunResult(Result):
    """A run (``corridor run``): one replication's ``corridor.run/1`` document, or with
    replications the ``corridor.replications/1`` one."""

    od = _table_property("od", "Per scenario, replication, period and origin-destination pair.")
    routes = _table_property("routes", "Per pair and candidate route.")
    nodes = _table_property("nodes", "Per node: throughput, utilization, queues, waits.")
    links = _table_property("links", "Per link: throughput, utilization, departures, closures.")
    periods = _table_property("periods", "Per period (and 'all'): tonnes and the busiest facility.")
    timeseries = _table_property("timeseries", "Per facility and simulated day.")
    demand = _table_property("demand", "Per demand entry.")


class CompareResult(RunResult):
    """A comparison (``corridor compare``): the ``corridor.compare/1`` document; the run
    tables hold every scenario's replications."""

    differences = _table_property("differences", "Each alternative against the base, paired.")


class CapacityResult(Result):
    """The capacity bound (``corridor capacity``)."""


class ExpandResult(Result):
    """Sustainable throughput of the scenario and each option (``corridor expand``)."""

    options = _table_property("expand", "Per option: sustainable throughput and what binds.")
    trials = _table_property("trials", "Per option and trial multiple.")


class AppraiseResult(Result):
    """An appraisal (``corridor appraise``): NPV, BCR, EIRR and payback per case."""

    cases = _table_property("appraise", "Per case: NPV, BCR, EIRR, payback with intervals.")
    years = _table_property("appraise_years", "Per case and year: costs and benefits.")


class PlanResult(Result):
    """An expansion plan under a budget (``corridor plan``)."""
