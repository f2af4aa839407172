"""Python values as the text of a scenario override (PATH=VALUE), as typed after --set."""

import json
import math
import numbers


def value_text(value):
    """The text `corridor --set PATH=TEXT` would be given for `value`."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    # numbers.Integral and numbers.Real take numpy's scalars too (numpy.arange's values).
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a number a scenario can hold")
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value)  # JSON is YAML's flow style
    raise TypeError(f"cannot put a {type(value).__name__} into a scenario: {value!r}")


def overrides(values):
    """A ``set=`` argument as override texts: a dict {PATH: VALUE}, or texts already."""
    if values is None:
        return []
    if isinstance(values, dict):
        return [f"{path}={value_text(value)}" for path, value in values.items()]
    if isinstance(values, str):
        return [values]
    return [str(text) for text in values]
