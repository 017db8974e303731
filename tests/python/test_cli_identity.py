"""Python and the command line give the same bits for the same scenario and seed."""
import filecmp
import json
import os

import pandas as pd

import detente
from conftest import SMALL, SMALL_SET, run_cli

BASELINE = "scenarios/baseline.yaml"


def csv(path):
    return pd.read_csv(path, float_precision="round_trip")


def same_files(left, right, names):
    for name in names:
        assert filecmp.cmp(os.path.join(left, name), os.path.join(right, name), shallow=False), name


def test_run_frame_and_folder_match_detente_run(tmp_path):
    cli = tmp_path / "cli"
    run_cli("run", BASELINE, *SMALL_SET, "--seed", "11", "--replicates", "2", "--threads", "2",
            "--out", str(cli), "--quiet")
    py = tmp_path / "py"
    frame = detente.run(BASELINE, overrides=SMALL, seed=11, replicates=2, threads=1, out=str(py))
    expected = csv(cli / "timeseries.csv")
    assert list(frame.columns) == ["arm", "replicate", "step", "metric", "subject", "value"]
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)
    same_files(cli, py, ["timeseries.csv", "summary.csv", "events.csv", "scenario.yaml"])
    with open(cli / "run.json", encoding="utf-8") as handle:
        assert frame.attrs["replicate_seeds"] == json.load(handle)["replicate_seeds"]


def test_a_different_seed_gives_different_values():
    a = detente.run(BASELINE, overrides=SMALL, seed=1)
    b = detente.run(BASELINE, overrides=SMALL, seed=2)
    assert len(a) == len(b)
    assert not a["value"].equals(b["value"])


def test_compare_matches_detente_compare(tmp_path):
    scenario = "scenarios/journalists_vs_exchanges.yaml"
    small = ["--set", "steps=30", "--set", "population.groups.north.size=200",
             "--set", "population.groups.south.size=200"]
    run_cli("compare", scenario, *small, "--seed", "5", "--replicates", "2",
            "--out", str(tmp_path / "cli"), "--quiet")
    frame = detente.compare(scenario, overrides=[a for a in small if a != "--set"], seed=5,
                            replicates=2, out=str(tmp_path / "py"))
    pd.testing.assert_frame_equal(frame, csv(tmp_path / "cli" / "compare.csv"), check_exact=True)
    same_files(tmp_path / "cli", tmp_path / "py", ["compare.csv", "timeseries.csv", "summary.csv"])
    # Without out= the folder is temporary and the frame the same.
    again = detente.compare(scenario, overrides=[a for a in small if a != "--set"], seed=5,
                            replicates=2)
    pd.testing.assert_frame_equal(again, frame, check_exact=True)


def test_sweep_matches_detente_sweep(tmp_path):
    scenario = "scenarios/sweep_contact.yaml"
    small = ["--set", "steps=20", "--set", "population.groups.north.size=100",
             "--set", "population.groups.south.size=100"]
    run_cli("sweep", scenario, *small, "--replicates", "1", "--out", str(tmp_path / "cli"),
            "--quiet")
    frame = detente.sweep(scenario, overrides=[a for a in small if a != "--set"], replicates=1,
                          out=str(tmp_path / "py"))
    pd.testing.assert_frame_equal(frame, csv(tmp_path / "cli" / "sweep.csv"), check_exact=True)
    same_files(tmp_path / "cli", tmp_path / "py", ["sweep.csv", "sweep_points.csv"])
    assert list(frame.attrs["points"].columns)[0] == "point"
