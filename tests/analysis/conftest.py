"""Shared fixtures: small real detente runs, made once per test session.

The program is DETENTE_PROGRAM (set by CTest) or build/dev/detente.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the analysis package, when pytest runs from elsewhere

import contract_fixtures  # noqa: E402

# The crisis scenario at a size that runs in well under a second: 600 people,
# 80 weeks, the crisis moved to week 30 so it falls inside the run.
SMALL_CRISIS = ["scenarios/crisis.yaml", "--quiet", "--replicates", "3",
                "--set", "population.groups.north.size=300",
                "--set", "population.groups.south.size=300", "--set", "steps=80",
                "--set", "dynamics.shocks.events.0.step=30", "--set", "outputs.every=2"]


def detente_program():
    program = os.environ.get("DETENTE_PROGRAM") or str(ROOT / "build" / "dev" / "detente")
    if not Path(program).is_file():
        pytest.fail(f"no detente program at {program}: build it first "
                    "(cmake --preset dev && cmake --build --preset dev)")
    return program


def run_detente(*arguments, check=True):
    result = subprocess.run([detente_program(), *arguments], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"detente {' '.join(arguments)} failed ({result.returncode}):\n"
                             f"{result.stderr}")
    return result


@pytest.fixture(scope="session")
def crisis_dir(tmp_path_factory):
    """A real `detente run` result folder (one arm, a crisis)."""
    out = tmp_path_factory.mktemp("runs") / "crisis"
    run_detente("run", *SMALL_CRISIS, "--out", str(out))
    return out


@pytest.fixture(scope="session")
def arms_dir(tmp_path_factory, crisis_dir):
    """Real runs merged as arms, with invented spending and interventions (FIXTURE)."""
    runs = tmp_path_factory.mktemp("arm_runs")
    more_contact, more_ties = runs / "more_contact", runs / "more_ties"
    run_detente("run", *SMALL_CRISIS, "--set", "dynamics.contact.rate=0.4",
                "--out", str(more_contact))
    run_detente("run", *SMALL_CRISIS, "--set", "network.between.mean_degree=2",
                "--out", str(more_ties))
    return contract_fixtures.merge_arms(
        {"base": crisis_dir, "more_contact": more_contact, "more_ties": more_ties},
        tmp_path_factory.mktemp("merged") / "arms")


@pytest.fixture(scope="session")
def full_dir(tmp_path_factory, arms_dir):
    """The arms folder plus every optional file (FIXTURES: compare, agents, sweep)."""
    out = tmp_path_factory.mktemp("full") / "full"
    out.mkdir()
    for name in ("run.json", "scenario.yaml", "timeseries.csv", "summary.csv"):
        (out / name).write_bytes((arms_dir / name).read_bytes())
    contract_fixtures.write_compare(out, ["more_contact", "more_ties"])
    contract_fixtures.write_agents(out)
    contract_fixtures.write_sweep(out)
    return out
