#!/usr/bin/env python3
"""Regenerates tests/golden/: every bundled scenario's JSON results (less the event
count, which measures the engine, not the corridor), and prints what moved.

    tools/update-golden.py [build/corridor]

A commit that moves a number moves its golden file and says why; this script's report
is what to read before writing that why. The test that checks the files is
tests/cli/golden_test.cpp (relative tolerance 1e-9).
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHOWN_PER_FILE = 25


def results(binary, scenario):
    # The sixteen-year outlooks run five years, as tests/cli/golden_test.cpp runs them.
    extra = (["--set", "scenario.horizon_days=1826"]
             if scenario.stem.startswith(("outlook-", "appraisal-")) else [])
    out = subprocess.run([binary, "run", str(scenario), "--json", "-", "--quiet", *extra],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    document = json.loads(out)
    del document["totals"]["events"]
    return document


def leaves(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def differences(old, new):
    before = dict(leaves(old))
    after = dict(leaves(new))
    for path in list(before) + [p for p in after if p not in before]:
        a, b = before.get(path, "(absent)"), after.get(path, "(absent)")
        if a == b:
            continue
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a != 0:
            yield f"  {path}: {a} -> {b} ({(b - a) / abs(a):+.2%})"
        else:
            yield f"  {path}: {a} -> {b}"


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build" / "corridor")
    GOLDEN.mkdir(exist_ok=True)
    scenarios = sorted((ROOT / "scenarios").glob("*.yaml"))
    expected = {s.stem + ".json" for s in scenarios}
    for stale in GOLDEN.glob("*.json"):
        if stale.name not in expected:
            print(f"{stale.name}: removed (no such scenario)")
            stale.unlink()
    for scenario in scenarios:
        target = GOLDEN / (scenario.stem + ".json")
        new = results(binary, scenario)
        if target.exists():
            changes = list(differences(json.loads(target.read_text()), new))
            print(f"{target.name}: {len(changes)} figures moved" if changes
                  else f"{target.name}: unchanged")
            for line in changes[:SHOWN_PER_FILE]:
                print(line)
            if len(changes) > SHOWN_PER_FILE:
                print(f"  ... and {len(changes) - SHOWN_PER_FILE} more")
        else:
            print(f"{target.name}: new")
        target.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
