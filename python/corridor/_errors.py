"""The exceptions and warnings of the corridor module."""

from typing import NamedTuple


class Diagnostic(NamedTuple):
    """One problem in a scenario, located as the command line locates it."""

    file: str  # a path, or "--set" for an override
    line: int  # 1-based
    column: int  # 1-based
    message: str
    text: str  # "FILE:LINE:COL: error: MESSAGE", as `corridor` prints it


class ScenarioError(ValueError):
    """A scenario that cannot be used: every problem found, in file order.

    ``file``, ``line``, ``column`` and ``message`` are the first problem's; ``diagnostics``
    holds them all. ``str(error)`` is what the command line prints, a line per problem.
    """

    def __init__(self, diagnostics):
        self.diagnostics = [Diagnostic(*entry) for entry in diagnostics]
        first = self.diagnostics[0]
        self.file, self.line, self.column, self.message = (
            first.file, first.line, first.column, first.message)
        super().__init__("\n".join(entry.text for entry in self.diagnostics))


class RunLimitError(RuntimeError):
    """A run outgrew its bound on lots in the system: the corridor is not carrying its
    demand (the message says where the lots pile up). Raise the bound with
    ``corridor.load(..., max_lots_in_flight=N)``."""


class InternalError(RuntimeError):
    """A check of the results failed: a bug in corridor, not in the scenario."""


class ScenarioWarning(UserWarning):
    """A scenario value that is valid but implausible, or demand the network cannot carry
    (what ``corridor validate`` warns of; ``strict=True`` makes them errors)."""


class ResultWarning(UserWarning):
    """Something in the results a reader must know to read them right, such as demand
    that delivered less than 95 % of what it created."""


# Shown as corridor.ScenarioError, where users catch them.
for _class in (Diagnostic, ScenarioError, RunLimitError, InternalError, ScenarioWarning,
               ResultWarning):
    _class.__module__ = "corridor"
