"""Mistakes reach Python users as the command line reports them: a scenario's errors as
corridor.ScenarioError with the position of each, its warnings as ScenarioWarning."""

import shlex
import warnings

import pytest

import corridor
from conftest import SOURCE, cli

CORPUS = SOURCE / "tests" / "bad-scenarios"


def corpus_cases():
    """(arguments, expected first error line) from the corpus's manifest."""
    cases, arguments = [], None
    for line in (CORPUS / "expected-errors.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(" "):
            cases.append((arguments, line.strip()))
        else:
            arguments = line
    return cases


def load_arguments(arguments):
    """A manifest line as load()'s path and overrides; None for one that is not a
    scenario with overrides."""
    words = shlex.split(arguments)
    path, overrides = words[0], []
    rest = words[1:]
    while rest:
        if rest[0] != "--set" or len(rest) < 2:
            return None
        overrides.append(rest[1])
        rest = rest[2:]
    return path, overrides


POSITIONED = [(arguments, expected) for arguments, expected in corpus_cases()
              if load_arguments(arguments) and ": error: " in expected
              and not expected.startswith("corridor:")]


def test_the_corpus_has_positioned_cases():
    assert len(POSITIONED) > 100


@pytest.mark.parametrize("arguments,expected", POSITIONED, ids=[a for a, _ in POSITIONED])
def test_every_positioned_error_in_the_corpus_raises_scenario_error(arguments, expected,
                                                                    monkeypatch):
    monkeypatch.chdir(CORPUS)
    path, overrides = load_arguments(arguments)
    with pytest.raises(corridor.ScenarioError) as raised:
        corridor.load(path, set=overrides)
    error = raised.value
    assert str(error).splitlines()[0] == expected
    # The first problem's parts, as they make up its line.
    assert expected.startswith(f"{error.file}:{error.line}:{error.column}: error: ")
    assert expected.endswith(error.message)
    assert isinstance(error, ValueError)


def test_the_error_text_is_what_the_command_line_prints(tmp_path):
    scenario = tmp_path / "broken.yaml"
    scenario.write_text("scenario: {name: broken, horizon_days: -5}\nnetwork: {nodes: []}\n")
    printed = cli("validate", scenario, check=False)
    assert printed.returncode == 2
    with pytest.raises(corridor.ScenarioError) as raised:
        corridor.load(scenario)
    assert str(raised.value) + "\n" == printed.stderr
    assert [d.line for d in raised.value.diagnostics] == sorted(
        d.line for d in raised.value.diagnostics)
    assert raised.value.file == str(scenario)


def test_an_override_error_is_located_at_the_override():
    with pytest.raises(corridor.ScenarioError) as raised:
        corridor.load(set={"nodes.alat.capacity_mtpa": -1})
    assert raised.value.file == "--set"
    assert "capacity_mtpa" in raised.value.message


def test_warnings_are_scenario_warnings_and_strict_makes_them_errors():
    with pytest.warns(corridor.ScenarioWarning, match="times what its routes can carry"):
        corridor.load(set={"nodes.alat.capacity_mtpa": 2.5})
    with pytest.raises(corridor.ScenarioError, match="times what its routes can carry"):
        corridor.load(set={"nodes.alat.capacity_mtpa": 2.5}, strict=True)


def test_a_run_that_outgrows_its_bound_raises_run_limit_error():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", corridor.ScenarioWarning)
        scenario = corridor.load(set={"nodes.alat.capacity_mtpa": 2.5}, max_lots_in_flight=500)
    with pytest.raises(corridor.RunLimitError, match="more than 500 lots in the system"):
        corridor.run(scenario)


def test_appraise_without_investments_is_a_value_error():
    with pytest.raises(ValueError, match="no investments to appraise"):
        corridor.appraise("scenarios/middle-corridor-2025.yaml", replications=2)


def test_a_missing_file_is_a_scenario_error_at_its_name():
    with pytest.raises(corridor.ScenarioError) as raised:
        corridor.load("no/such/file.yaml")
    assert raised.value.file == "no/such/file.yaml"


def test_arguments_out_of_range_are_value_errors_that_say_so():
    with pytest.raises(ValueError, match="seed must be a whole number"):
        corridor.run(seed=-1)
    with pytest.raises(ValueError, match="threads must be 1 or more"):
        corridor.run(threads=0)
    with pytest.raises(ValueError, match="replications must be 2 or more"):
        corridor.compare(["scenarios/zangezur-control.yaml", "scenarios/zangezur.yaml"],
                         replications=1)
    with pytest.raises(TypeError, match="progress must be callable"):
        corridor.sweep(vary={"nodes.alat.capacity_mtpa": [4, 5]}, progress="yes")
    with pytest.raises(ValueError, match="is not a period"):
        corridor.run(period="decade")
