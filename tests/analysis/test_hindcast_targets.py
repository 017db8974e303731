"""The shipped ANES hindcast targets (scenarios/data/anes_hindcast_*.csv):
in the calibration contract's format, every row sourced, every step an output
step of scenarios/hindcast_anes.yaml, and every value the row of
anes_outparty_thermometer.csv it cites, rescaled, with the standard error the
data README's formula gives."""
import csv
import math

import pytest
import yaml

from analysis import metrics
from conftest import ROOT

DATA = ROOT / "scenarios" / "data"
SIDES = {"north->south": "dems_incl_leaners_rating_rep_unweighted",
         "south->north": "reps_incl_leaners_rating_dem_unweighted"}


def read_targets(name):
    with open(DATA / name, newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    assert lines[0].strip() == "metric,subject,step,value,se,source"
    assert all(len(line.encode()) <= 4096 for line in lines)
    return list(csv.DictReader(lines))


def source_rows():
    with open(DATA / "anes_outparty_thermometer.csv", newline="") as f:
        return {(int(r["year"]), r["group"]): r for r in csv.DictReader(f)}


def output_steps():
    scenario = yaml.safe_load((ROOT / "scenarios" / "hindcast_anes.yaml").read_text())
    every, steps = scenario["outputs"]["every"], scenario["steps"]
    return set(range(0, steps + 1, every)), scenario


@pytest.mark.parametrize("name, years", [("anes_hindcast_fit.csv", range(1980, 1997)),
                                         ("anes_hindcast_holdout.csv", range(1998, 2013))])
def test_targets_are_the_cited_anes_rows_at_output_steps(name, years):
    rows = read_targets(name)
    assert rows
    sources = source_rows()
    steps, _ = output_steps()
    for row in rows:
        metrics.named(row["metric"])
        assert row["subject"] in SIDES
        step = int(row["step"])
        assert step in steps, f"step {step} is not an output step"
        year = 1978 + step // 52
        assert step % 52 == 0 and year in years
        assert f"ANES Time Series {year}" in row["source"]
        assert f"row {year},{SIDES[row['subject']]}" in row["source"]
        cited = sources[(year, SIDES[row["subject"]])]
        n, sd = int(cited["n"]), float(cited["sd"]) / 100
        observed, expected_se = {
            "mean": (float(cited["mean"]) / 100, sd / math.sqrt(n)),
            "sd": (sd, sd / math.sqrt(2 * (n - 1))),
            "trusting_share": (float(cited["share_warm"]),
                               math.sqrt(float(cited["share_warm"]) * (1 - float(cited["share_warm"])) / n)),
            "hostile_share": (float(cited["share_cold"]),
                              math.sqrt(float(cited["share_cold"]) * (1 - float(cited["share_cold"])) / n)),
        }[row["metric"]]
        assert float(row["value"]) == pytest.approx(observed, abs=1e-4)
        assert float(row["se"]) == pytest.approx(expected_se, abs=1e-4)
        assert float(row["se"]) > 0


def test_the_scenario_starts_from_the_1978_wave_by_the_method_of_moments():
    _, scenario = output_steps()
    sources = source_rows()
    groups = {g["name"]: g for g in scenario["population"]["groups"]}
    for group, subject in (("north", "north->south"), ("south", "south->north")):
        cited = sources[(1978, SIDES[subject])]
        a, b = groups[group]["trust"]["a"], groups[group]["trust"]["b"]
        mean, sd = float(cited["mean"]) / 100, float(cited["sd"]) / 100
        assert a / (a + b) == pytest.approx(mean, abs=1e-3)
        assert math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1))) == pytest.approx(sd, abs=1e-3)
