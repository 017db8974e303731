"""run, compare and sweep: the command line's experiments, as DataFrames.

Each calls the same C++ function as its `detente` subcommand, so for the same
scenario and seed the frames hold the same bits as the CSV files (and, with
out=, the folder holds the same files). The GIL is released while they run.
"""

from __future__ import annotations

import os
import tempfile
from typing import Iterable, Optional

import pandas as pd

from . import _core
from ._scenario import Overrides, ScenarioSource, load, override_tuples

# The output contract's columns (design §4), in order.
TIMESERIES_COLUMNS = ["arm", "replicate", "step", "metric", "subject", "value"]


def _read_csv(path: str) -> pd.DataFrame:
    # round_trip: the CSV's shortest decimal text read back to the exact double.
    return pd.read_csv(path, float_precision="round_trip")


def _call(function: str, source: object, **arguments: object) -> str:
    """How run.json records the call (its `command_line`)."""
    shown = ", ".join([repr(source)] + [f"{k}={v!r}" for k, v in arguments.items() if v is not None])
    return f"python: detente.{function}({shown})"


def run(
    scenario: ScenarioSource,
    *,
    overrides: Overrides = None,
    seed: Optional[int] = None,
    replicates: int = 1,
    threads: int = 0,
    arms: Optional[Iterable[str]] = None,
    out: Optional[str] = None,
) -> pd.DataFrame:
    """Runs the base and its arms like `detente run`; returns timeseries.csv.

    Columns: arm, replicate, step, metric, subject, value. seed and overrides
    act like --seed and --set; arms like --arm (default: every arm); threads
    like --threads (0: every core; results do not depend on it). With out=,
    the result folder (timeseries.csv, summary.csv, events.csv, agents.csv,
    scenario.yaml, run.json) is written too, as the command line writes it.
    frame.attrs holds wall_seconds and replicate_seeds.
    """
    loaded = load(scenario, overrides, seed=seed)
    command = _call("run", scenario, overrides=overrides, seed=seed, replicates=replicates)
    answer = _core.run(loaded, replicates, threads, list(arms or []),
                       None if out is None else os.fspath(out), command)
    frame = pd.DataFrame(answer["timeseries"], columns=TIMESERIES_COLUMNS)
    frame.attrs["wall_seconds"] = answer["wall_seconds"]
    frame.attrs["replicate_seeds"] = answer["replicate_seeds"]
    return frame


def compare(
    scenario: ScenarioSource,
    *,
    overrides: Overrides = None,
    seed: Optional[int] = None,
    replicates: int = 10,
    threads: int = 0,
    baseline: str = "base",
    metrics: Optional[Iterable[str]] = None,
    out: Optional[str] = None,
) -> pd.DataFrame:
    """Every arm against the baseline on common random numbers, like
    `detente compare`; returns compare.csv (columns in the README's
    "Comparing strategies"). With out=, the whole folder is kept there;
    otherwise it is written to a temporary folder and removed.
    """
    loaded = load(scenario, overrides, seed=seed)
    command = _call("compare", scenario, overrides=overrides, seed=seed, replicates=replicates)
    with tempfile.TemporaryDirectory(prefix="detente-compare-") as scratch:
        folder = os.fspath(out) if out is not None else os.path.join(scratch, "compare")
        _core.compare(loaded, replicates, threads, baseline, list(metrics or []), folder, command)
        return _read_csv(os.path.join(folder, "compare.csv"))


def sweep(
    scenario: ScenarioSource,
    *,
    overrides: Overrides = None,
    seed: Optional[int] = None,
    replicates: int = 0,
    threads: int = 0,
    out: Optional[str] = None,
    resume: bool = False,
) -> pd.DataFrame:
    """The scenario's `sweep:` block, like `detente sweep`; returns sweep.csv
    (point, replicate, metric, subject, value). frame.attrs["points"] holds
    sweep_points.csv (point and one column per swept path) and
    frame.attrs["sensitivity"] sensitivity.csv. replicates=0: the block's own.
    A dict or Scenario is written as its resolved YAML into the scratch
    folder first, since a sweep reloads its file for every point.
    """
    command = _call("sweep", scenario, overrides=overrides, seed=seed, replicates=replicates)
    given = override_tuples(overrides, seed)
    with tempfile.TemporaryDirectory(prefix="detente-sweep-") as scratch:
        if isinstance(scenario, (str, os.PathLike)):
            file = os.fspath(scenario)
        else:
            file = os.path.join(scratch, "scenario.yaml")
            with open(file, "w", encoding="utf-8") as handle:
                handle.write(load(scenario).to_yaml())
        folder = os.fspath(out) if out is not None else os.path.join(scratch, "sweep")
        _core.sweep(file, given, replicates, threads, resume, folder, command)
        frame = _read_csv(os.path.join(folder, "sweep.csv"))
        frame.attrs["points"] = _read_csv(os.path.join(folder, "sweep_points.csv"))
        frame.attrs["sensitivity"] = _read_csv(os.path.join(folder, "sensitivity.csv"))
        return frame
