"""The `detente` Python module's tests: the module from the build
(DETENTE_PYTHON_DIR, set by CTest, else build/dev/python), the program
beside it for the CLI comparisons (DETENTE_PROGRAM, else build/dev/detente)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON_DIR = os.environ.get("DETENTE_PYTHON_DIR") or str(ROOT / "build" / "dev" / "python")
sys.path.insert(0, PYTHON_DIR)

# The baseline at a size that runs in a fraction of a second: 400 people, 60 weeks.
SMALL = {
    "population.groups.north.size": 200,
    "population.groups.south.size": 200,
    "steps": 60,
}
SMALL_SET = [arg for path, value in SMALL.items() for arg in ("--set", f"{path}={value}")]


def detente_program():
    program = os.environ.get("DETENTE_PROGRAM") or str(ROOT / "build" / "dev" / "detente")
    if not Path(program).is_file():
        pytest.fail(f"no detente program at {program}: build it first")
    return program


def run_cli(*arguments):
    result = subprocess.run([detente_program(), *arguments], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(autouse=True)
def _from_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # scenario paths as the README writes them
