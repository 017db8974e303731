"""FIXTURES: files in the formats detente writes, made up for the tests.

These helpers write small files in their documented formats with values
chosen to reach corner cases of the analysis code (every figure, empty and
missing cells) quickly. Every value here is invented for the test, except
where a function says it stitches together real `detente run` outputs. The
same code is also tested on real folders: test_real_compare.py reads what
`detente compare` writes for a shipped scenario with arms and spending.
"""
import json
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import yaml


def merge_arms(folders, out):
    """FIXTURE: real runs of the same seed with different settings, relabelled as arms.

    `folders` maps arm name → a `detente run` folder; the first is the base.
    The timeseries and summary rows are the engine's own; the arms list, the
    `spending` rows and the scenario's interventions are invented.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    timeseries, summary = [], []
    for arm, folder in folders.items():
        ts = pd.read_csv(Path(folder) / "timeseries.csv")
        su = pd.read_csv(Path(folder) / "summary.csv")
        ts["arm"], su["arm"] = arm, arm
        timeseries.append(ts)
        summary.append(su)
    base_folder = Path(next(iter(folders.values())))
    run = json.loads((base_folder / "run.json").read_text())
    run["arms"] = list(folders)
    (out / "run.json").write_text(json.dumps(run, indent=2))
    scenario = yaml.safe_load((base_folder / "scenario.yaml").read_text())
    scenario["interventions"] = [
        {"name": "summer_exchange", "type": "exchange_program", "start": 10, "end": 24,
         "every": 1},
        {"name": "peace_radio", "type": "media_campaign", "start": 40, "rounds": 3, "every": 5}]
    scenario["arms"] = [{"name": arm, "set": {"fixture": arm}} for arm in list(folders)[1:]]
    (out / "scenario.yaml").write_text(yaml.safe_dump(scenario, sort_keys=False))
    timeseries = pd.concat(timeseries, ignore_index=True)
    # Invented spending: cumulative, linear in time, a different rate per arm.
    spending = []
    steps = sorted(timeseries["step"].unique())
    for i, arm in enumerate(folders):
        for replicate in sorted(timeseries["replicate"].unique()):
            for step in steps:
                spending.append((arm, replicate, step, "spending", "all", 25_000.0 * i * step))
    spending = pd.DataFrame(spending, columns=timeseries.columns)
    timeseries = pd.concat([timeseries, spending], ignore_index=True)
    timeseries.to_csv(out / "timeseries.csv", index=False)
    summary = pd.concat(summary, ignore_index=True)
    spending_summary = spending.groupby(["arm", "metric", "subject", "step"], sort=False)[
        "value"].agg(["mean", "count"]).reset_index()
    spending_summary = spending_summary.rename(columns={"count": "n"})
    for column in ("sd", ):
        spending_summary[column] = 0.0
    spending_summary["ci_low"] = spending_summary["mean"]
    spending_summary["ci_high"] = spending_summary["mean"]
    for column in ("p10", "p50", "p90"):  # spending is the same in every replicate
        spending_summary[column] = spending_summary["mean"]
    summary = pd.concat([summary, spending_summary[summary.columns]], ignore_index=True)
    summary.to_csv(out / "summary.csv", index=False)
    return out


def write_compare(folder, arms):
    """FIXTURE: a compare.csv as `detente compare` will write it (values invented)."""
    rows = []
    for i, arm in enumerate(arms, start=1):
        for metric, gain in (("political_space", 0.02 * i), ("mean", 0.01 * i)):
            for window in ("final", "average"):
                spent = 1.5e6 * i * i
                share = metric == "political_space"
                rows.append({"arm": arm, "baseline": "base", "metric": metric, "subject": "all",
                             "window": window,
                             "scale": "public_share" if share else "trust_level",
                             "mean_difference": gain, "ci_low": gain - 0.01,
                             "ci_high": gain + 0.01, "points": 100 * gain if share else "",
                             "per_1000": 1000 * gain if share else "", "person_sd": 0.2,
                             "standardised": gain / 0.2, "baseline_spending": 0.0,
                             "spending": spent, "extra_spending": spent,
                             "gain_per_million": gain / (spent / 1e6), "better": "higher",
                             "rank": len(arms) + 1 - i, "n": 3})
    pd.DataFrame(rows).to_csv(Path(folder) / "compare.csv", index=False)


def write_agents(folder, steps=(0, 10, 20, 30, 40), per_group=200, seed=7):
    """FIXTURE: agents.csv; trust splits into two camps over time (values invented)."""
    rng = np.random.default_rng(seed)
    rows = []
    for step in steps:
        split = step / max(steps)
        for subject, group in (("north->south", "north"), ("south->north", "south")):
            camp = rng.random(per_group) < 0.5
            values = np.where(camp, 0.5 + 0.3 * split, 0.5 - 0.3 * split)
            values = np.clip(values + rng.normal(0, 0.05, per_group), 0, 1)
            for agent, value in enumerate(values):
                rows.append(("base", 0, step, agent, group, subject, value))
    pd.DataFrame(rows, columns=["arm", "replicate", "step", "agent", "group", "subject",
                                "value"]).to_csv(Path(folder) / "agents.csv", index=False)


def write_sweep(folder, seed=11):
    """FIXTURE: sweep_points.csv, sweep.csv and sensitivity.csv (values invented)."""
    rng = np.random.default_rng(seed)
    rates = [0.05, 0.1, 0.2, 0.3]
    confidences = [0.1, 0.2, 0.3]
    points = [(i, r, c) for i, (r, c) in enumerate((r, c) for r in rates for c in confidences)]
    pd.DataFrame(points, columns=["point", "dynamics.contact.rate",
                                  "dynamics.influence.confidence"]).to_csv(
        Path(folder) / "sweep_points.csv", index=False)
    rows = []
    for point, rate, confidence in points:
        for replicate in range(3):
            noise = rng.normal(0, 0.01)
            rows.append((point, replicate, "political_space", "all", rate + 0.3 * confidence + noise))
            rows.append((point, replicate, "mean", "all", 0.3 + rate / 2 + noise))
    pd.DataFrame(rows, columns=["point", "replicate", "metric", "subject", "value"]).to_csv(
        Path(folder) / "sweep.csv", index=False)
    sensitivity = []
    for parameter, strength in (("dynamics.contact.rate", 0.8), ("dynamics.influence.confidence",
                                                                 0.3), ("media.0.slant", 0.1)):
        for metric in ("political_space", "mean"):
            for index, value in (("mu_star", strength), ("sigma", strength / 3),
                                 ("mu", strength * 0.9)):
                sensitivity.append(("morris", parameter, metric, "all", index, value,
                                    value * 0.8, value * 1.2))
            for index, value in (("S1", strength / 1.3), ("ST", strength / 1.1)):
                sensitivity.append(("sobol", parameter, metric, "all", index, value,
                                    value - 0.05, value + 0.05))
    pd.DataFrame(sensitivity, columns=["method", "parameter", "metric", "subject", "index",
                                       "value", "ci_low", "ci_high"]).to_csv(
        Path(folder) / "sensitivity.csv", index=False)


def write_database_only(source, out):
    """FIXTURE: a folder holding only results.db with a real run's rows in it.

    The tables runs, timeseries and summaries carry the CSVs' columns plus a
    run_id; a second, older run's rows are included to check that only the
    newest run is read.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    run = json.loads((Path(source) / "run.json").read_text())
    timeseries = pd.read_csv(Path(source) / "timeseries.csv")
    summary = pd.read_csv(Path(source) / "summary.csv")
    with sqlite3.connect(out / "results.db") as db:
        runs = pd.DataFrame([{**{k: json.dumps(v) if isinstance(v, list) else v
                                 for k, v in run.items()}, "run_id": r} for r in (1, 2)])
        runs.to_sql("runs", db, index=False)
        older = timeseries.assign(run_id=1, value=timeseries["value"] * 0 - 1)
        pd.concat([older, timeseries.assign(run_id=2)]).to_sql("timeseries", db, index=False)
        older = summary.assign(run_id=1, mean=-1.0)
        pd.concat([older, summary.assign(run_id=2)]).to_sql("summaries", db, index=False)
    return out
