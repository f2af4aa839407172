"""What the Python tests share: the corridor binary and the source tree (CTest passes both
in the environment, tests/python/CMakeLists.txt), and a way to run the command line."""

import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("CORRIDOR_SOURCE_DIR",
                                     pathlib.Path(__file__).resolve().parents[2]))
BINARY = os.environ.get("CORRIDOR_BINARY", str(SOURCE / "build" / "corridor"))


def cli(*arguments, cwd=None, check=True):
    """Runs `corridor ARGUMENTS...`; returns the completed process (text output)."""
    done = subprocess.run([BINARY, *map(str, arguments)], cwd=cwd or SOURCE,
                          capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"corridor {' '.join(map(str, arguments))} exited "
                             f"{done.returncode}:\n{done.stderr}")
    return done


@pytest.fixture
def source():
    return SOURCE


@pytest.fixture(autouse=True)
def _in_source(monkeypatch):
    # Paths in the tests, and in the documents both sides write, are relative to the tree.
    monkeypatch.chdir(SOURCE)
