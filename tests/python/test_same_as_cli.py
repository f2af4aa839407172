"""Python and the command line give the same numbers for every command: the documents
byte for byte, and every table as the DataFrame pandas reads from the CLI's CSV file."""


import pandas
import pandas.testing
import pytest

import corridor
from conftest import cli
from tables import assert_tables_equal, read_csv_file

SEED = 11


def test_replications_and_overrides_match_the_cli(tmp_path):
    cli("run", "scenarios/caspian-winter.yaml", "-r", 3, "-j", 2, "--seed", 5,
        "--set", "nodes.alat.capacity_mtpa=12", "--period", "quarter",
        "--json", tmp_path / "run.json", "--csv", tmp_path / "tables", "--quiet")
    result = corridor.run("scenarios/caspian-winter.yaml", seed=5, replications=3, threads=2,
                          set={"nodes.alat.capacity_mtpa": 12}, period="quarter")
    assert result.to_json() == (tmp_path / "run.json").read_text()
    assert result.to_dict()["schema"] == "corridor.replications/1"
    assert_tables_equal(result, tmp_path / "tables")
    # The quarters are in the periods table, beside the whole window.
    assert list(result.periods["period"].unique())[:2] == ["all", "Y1-Q1"]


def test_the_thread_count_changes_nothing():
    one = corridor.run("scenarios/zangezur.yaml", replications=4, threads=1)
    two = corridor.run("scenarios/zangezur.yaml", replications=4, threads=2)
    assert one.to_json() == two.to_json()


def test_compare_matches_the_cli(tmp_path):
    base, alternative = "scenarios/zangezur-control.yaml", "scenarios/zangezur.yaml"
    cli("compare", base, alternative, "-r", 3, "--json", tmp_path / "compare.json",
        "--csv", tmp_path / "tables", "--quiet")
    result = corridor.compare([base, alternative], replications=3)
    assert result.to_json() == (tmp_path / "compare.json").read_text()
    assert_tables_equal(result, tmp_path / "tables")
    assert set(result.differences["alternative"]) == {alternative}


def test_capacity_matches_the_cli(tmp_path):
    cli("capacity", "scenarios/demand-2030.yaml", "--json", tmp_path / "capacity.json")
    result = corridor.capacity("scenarios/demand-2030.yaml")
    assert result.to_json() == (tmp_path / "capacity.json").read_text()
    assert result.to_dict()["schema"] == "corridor.capacity/1"
    assert result.to_dict()["network_mtpa"] > 0


def test_expand_matches_the_cli(tmp_path):
    cli("expand", "tests/cli/three-berths.yaml", "--option", "b1:nodes.b1.capacity_mtpa=2",
        "-r", 2, "--precision", 0.05, "--json", tmp_path / "expand.json",
        "--csv", tmp_path / "tables", "--quiet")
    result = corridor.expand("tests/cli/three-berths.yaml",
                             options={"b1": {"nodes.b1.capacity_mtpa": 2}}, replications=2,
                             precision=0.05)
    assert result.to_json() == (tmp_path / "expand.json").read_text()
    assert_tables_equal(result, tmp_path / "tables")
    assert list(result.options["option"]) == ["baseline", "b1"]


def test_sweep_matches_the_cli_and_reports_progress(tmp_path):
    cli("sweep", "--set", "nodes.alat.capacity_mtpa=3,4,15", "--set", "scenario.horizon_days=120",
        "-r", 2, "--csv", tmp_path / "sweep.csv", "--quiet")
    seen = []
    frame = corridor.sweep(vary={"nodes.alat.capacity_mtpa": [3, 4, 15]},
                           set={"scenario.horizon_days": 120}, replications=2,
                           progress=lambda done, total: seen.append((done, total)))
    pandas.testing.assert_frame_equal(frame, read_csv_file(tmp_path / "sweep.csv"),
                                      check_exact=True)
    assert [done for done, _ in seen] == list(range(1, 7))
    assert {total for _, total in seen} == {6}


def test_a_progress_callback_that_raises_stops_the_sweep():
    calls = []

    def fail(done, total):
        calls.append(done)
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        corridor.sweep(vary={"nodes.alat.capacity_mtpa": [3, 4, 5, 6, 8, 15]},
                       set={"scenario.horizon_days": 60}, replications=2, threads=1,
                       progress=fail)
    assert calls == [1]


def test_appraise_and_plan_match_the_cli(tmp_path):
    berths = "tests/cli/three-berths.yaml"
    cli("appraise", berths, "-r", 2, "--together", "y,z", "--json", tmp_path / "appraise.json",
        "--csv", tmp_path / "tables", "--quiet")
    appraisal = corridor.appraise(berths, together=["y", "z"], replications=2)
    assert appraisal.to_json() == (tmp_path / "appraise.json").read_text()
    assert_tables_equal(appraisal, tmp_path / "tables")
    assert set(appraisal.cases["id"]) >= {"x", "y", "z"}

    cli("plan", berths, "--budget-musd-per-year", 1, "--delays", 0, "-r", 2,
        "--json", tmp_path / "plan.json", "--quiet")
    plan = corridor.plan(berths, 1, delays=0, replications=2)
    assert plan.to_json() == (tmp_path / "plan.json").read_text()
    assert [entry["id"] for entry in plan.to_dict()["chosen"]] == ["y", "z"]


def test_numpy_values_are_written_as_the_numbers_they_are(tmp_path):
    import numpy
    from_numpy = corridor.sweep(vary={"nodes.alat.capacity_mtpa": numpy.arange(3.0, 4.5, 0.5)},
                                set={"scenario.horizon_days": numpy.int64(60)}, replications=1)
    from_python = corridor.sweep(vary={"nodes.alat.capacity_mtpa": [3.0, 3.5, 4.0]},
                                 set={"scenario.horizon_days": 60}, replications=1)
    pandas.testing.assert_frame_equal(from_numpy, from_python, check_exact=True)
