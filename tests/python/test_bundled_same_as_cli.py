"""Every bundled scenario gives the same numbers through Python as through the command
line, with the same seed: the document byte for byte, and every table as the DataFrame
pandas reads from the CLI's CSV file."""

import json
import warnings

import pytest

import corridor
from conftest import SOURCE, cli
from tables import assert_tables_equal

BUNDLED = sorted(path.relative_to(SOURCE) for path in (SOURCE / "scenarios").glob("*.yaml"))
SEED = 11


def shortened(scenario):
    """The sixteen-year outlooks and the appraisal run five years on both sides, as the
    golden test runs them (tools/update-golden.py): the same code, a third of the time."""
    long = scenario.stem.startswith(("outlook-", "appraisal-"))
    return {"scenario.horizon_days": 1826} if long else {}


@pytest.mark.parametrize("scenario", BUNDLED, ids=[path.stem for path in BUNDLED])
def test_every_bundled_scenario_runs_to_the_same_document_and_tables(scenario, tmp_path):
    overrides = shortened(scenario)
    sets = [word for path, value in overrides.items() for word in ("--set", f"{path}={value}")]
    printed = cli("run", scenario, "--seed", SEED, "--json", tmp_path / "run.json",
                  "--csv", tmp_path / "tables", "--quiet", *sets)
    with warnings.catch_warnings(record=True) as raised:
        warnings.simplefilter("always")
        result = corridor.run(str(scenario), seed=SEED, set=overrides)
    assert result.to_json() == (tmp_path / "run.json").read_text()
    assert result.to_dict() == json.loads((tmp_path / "run.json").read_text())
    assert result.to_dict()["schema"] == "corridor.run/1"
    assert_tables_equal(result, tmp_path / "tables")
    # The same warnings, as Python warnings.
    cli_warnings = [line for line in printed.stderr.splitlines() if "warning: " in line]
    python_warnings = [str(w.message) for w in raised]
    assert len(python_warnings) == len(cli_warnings)
    for text in python_warnings:
        assert any(line.endswith(text) for line in cli_warnings), text


