"""How the module behaves in a Python session: the GIL released while simulating, Ctrl-C
stopping a long run, and the bundled files found from the module, not the source tree."""

import _thread
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest

import corridor
from conftest import SOURCE

LONG = "scenarios/outlook-2025-2040.yaml"


def test_python_threads_run_while_corridor_simulates():
    ticks = []
    running = threading.Event()
    done = threading.Event()

    def count():
        running.set()
        while not done.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.002)

    counter = threading.Thread(target=count)
    counter.start()
    running.wait()
    start = time.monotonic()
    corridor.run("scenarios/demand-2030.yaml", replications=2, threads=1)
    elapsed = time.monotonic() - start
    done.set()
    counter.join()
    during = [t for t in ticks if start <= t <= start + elapsed]
    # Holding the GIL for the whole run would leave the counter one tick at most.
    assert elapsed > 0.2
    assert len(during) >= 20


def test_two_python_threads_get_the_same_results_as_one():
    results = {}

    def run(key):
        results[key] = corridor.run("scenarios/zangezur.yaml", replications=2, threads=1)

    threads = [threading.Thread(target=run, args=(key,)) for key in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    alone = corridor.run("scenarios/zangezur.yaml", replications=2, threads=1)
    assert results["a"].to_json() == results["b"].to_json() == alone.to_json()


def test_ctrl_c_stops_a_long_run_and_the_next_run_is_unaffected():
    # interrupt_main() raises SIGINT's flag in the main thread, as Ctrl-C at a terminal.
    timer = threading.Timer(0.5, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        corridor.run(LONG, replications=8, threads=1)
    stopped_after = time.monotonic() - start
    timer.join()
    # Eight replications of sixteen years take minutes; the stop comes within seconds.
    assert stopped_after < 5.0
    first = corridor.run("scenarios/zangezur.yaml")
    again = corridor.run("scenarios/zangezur.yaml")
    assert first.to_json() == again.to_json()


def test_the_bundled_files_are_found_from_the_module(monkeypatch):
    assert corridor.default_scenario_path() == str(
        (SOURCE / "scenarios" / "middle-corridor-2025.yaml").resolve())
    monkeypatch.setenv("CORRIDOR_DATA_DIR", "/nonexistent/corridor-data")
    with pytest.raises(FileNotFoundError, match="CORRIDOR_DATA_DIR"):
        corridor.load()


def python_interpreters():
    """This interpreter, and the `python3` first on the PATH when it is another of the
    same CPython version (pyenv's beside Debian's): both must take the module."""
    found = [sys.executable]
    on_path = shutil.which("python3")
    if on_path:
        version = subprocess.run(
            [on_path, "-c", "import sys; print(sys.implementation.name, *sys.version_info[:2])"],
            capture_output=True, text=True, check=False).stdout.split()
        same = version == [sys.implementation.name, *map(str, sys.version_info[:2])]
        if same and os.path.realpath(on_path) != os.path.realpath(sys.executable):
            found.append(on_path)
    return found


@pytest.mark.parametrize("python", python_interpreters())
def test_the_readme_command_prints_the_od_table(python, tmp_path):
    # README: PYTHONPATH=build/python python3 -c 'import corridor; print(corridor.run().od)'
    build_python = os.path.dirname(os.path.dirname(corridor.__file__))
    done = subprocess.run([python, "-c", "import corridor; print(corridor.run().od)"],
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": build_python},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "middle-corridor-2025" in done.stdout
    assert "[11 rows x 21 columns]" in done.stdout
