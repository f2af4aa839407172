"""docs/python.md's worked analysis runs as written, and its results say what its text
says of them."""

import re

from conftest import SOURCE


def analysis_code():
    text = (SOURCE / "docs" / "python.md").read_text()
    analysis = text[text.index("## A worked analysis"):]
    return "\n".join(re.findall(r"```python\n(.*?)```", analysis, flags=re.S))


def test_the_worked_analysis_runs_and_its_findings_hold(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    names = {}
    exec(compile(analysis_code(), "docs/python.md", "exec"), names)  # noqa: S102

    assert (tmp_path / "alat-capacity-sweep.png").stat().st_size > 10_000

    # "Xi'an-Baku at about 11 days"
    xian_baku = names["by_pair"].loc[("xian", "baku"), "transit_mean_days"]
    assert 10.0 <= xian_baku <= 12.5

    sweep = names["sweep"].set_index("nodes.alat.capacity_mtpa")
    # "Below about 3.5 Mt/yr, Alat binds ... every Mt/yr of port capacity carries nearly a
    # Mt/yr more cargo"
    for capacity in (2.5, 3.0, 3.5):
        assert sweep.loc[capacity, "binding"] == "node:alat"
        assert sweep.loc[capacity, "node.alat.utilization"] > 0.97
    gain = sweep.loc[3.0, "delivered_mtpa"] - sweep.loc[2.5, "delivered_mtpa"]
    assert 0.8 * 0.5 <= gain <= 0.5 * 1.05
    assert isinstance(sweep.loc[2.5, "falling_behind"], str)
    # "From 4 Mt/yr on, delivered throughput is flat at the demand (about 5.2 Mt/yr) and
    # the busiest stage is the Kuryk-Alat ferry"
    flat = sweep.loc[4.0:]
    assert set(flat["binding"]) == {"link:kuryk-alat"}
    assert (flat["delivered_mtpa"] - 5.2).abs().max() < 0.1
    spread = flat["delivered_mtpa"].max() - flat["delivered_mtpa"].min()
    assert spread <= flat["delivered_mtpa_ci95"].max()
    # "uses a fraction of Alat's 15 Mt/yr"
    assert sweep.loc[15.0, "node.alat.utilization"] < 0.3
