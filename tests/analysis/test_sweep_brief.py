"""The brief of a real sweep folder: the design it ran, each point's trajectory,
and Sobol indices on a 0–1 axis with what lies outside it flagged."""
import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import contract, report
from analysis.plots import sensitivity, sweep
from conftest import run_detente

SMALL_SOBOL = ["sweep", "scenarios/sweep_contact.yaml", "--quiet",
               "--set", "population.groups.north.size=200",
               "--set", "population.groups.south.size=200", "--set", "steps=24",
               "--set", "sweep.design=sobol", "--set", "sweep.samples=4",
               "--set", "sweep.replicates=1"]


@pytest.fixture(scope="module")
def sobol_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("sweep") / "sobol"
    run_detente(*SMALL_SOBOL, "--out", str(out))
    return out


def test_sweep_folder_names_the_design_it_ran(sobol_dir):
    results = contract.load(sobol_dir)
    assert results.design == "sobol"  # run.json, not an assumption
    assert results.summary is None  # per-point summaries are not one run's
    assert results.sweep_summary["point"].nunique() == 4 * (2 + 2)
    html = report.build(results)
    sweep_section = re.search(r'<section id="sweep">(.*?)</section>', html, re.S).group(1)
    assert ("the Sobol (Saltelli sampling) design, 16 points × 1 replicate (design from "
            "run.json)") in sweep_section
    # Only the scenario's own description (the question) may name another design.
    after_question = html.split('<section id="sweep">', 1)[1]
    assert "Latin hypercube" not in after_question
    assert "sweep scenarios/sweep_contact.yaml" in html  # the command that made it
    for draw in (sweep.sweep_trajectories, sweep.sweep_heatmap):
        fig = draw(results)
        assert "Sobol (Saltelli sampling)" in fig._suptitle.get_text()
        plt.close(fig)


def test_sweep_trajectories_draw_one_line_per_point(sobol_dir):
    results = contract.load(sobol_dir)
    fig = sweep.sweep_trajectories(results)
    ax = fig.axes[0]
    points = results.sweep_summary["point"].nunique()
    thin = [line for line in ax.get_lines() if line.get_linewidth() < 1]
    assert len(thin) == points  # one per point, not one sawtooth line
    steps = sorted(results.sweep_summary["step"].unique())
    assert all(list(line.get_xdata()) == steps for line in thin)
    plt.close(fig)


def test_sobol_axis_is_clipped_and_outliers_flagged(tmp_path, sobol_dir):
    frame = pd.DataFrame([
        ("sobol", "a", "mean", "all", "S1", 9.11, 6.0, 24.31),
        ("sobol", "a", "mean", "all", "ST", 3.0, 1.5, 4.0),
        ("sobol", "b", "mean", "all", "S1", 0.2, 0.1, 0.3),
        ("sobol", "b", "mean", "all", "ST", 0.3, 0.2, 0.4)],
        columns=contract.SENSITIVITY_COLUMNS)
    warnings = sensitivity.warnings(frame)
    assert warnings == [
        "a on mean/all: S1 = 9.110 [6.000, 24.310] lies outside [0, 1]",
        "a on mean/all: ST = 3.000 [1.500, 4.000] lies outside [0, 1]",
        "a on mean/all: S1 = 9.110 exceeds ST = 3.000 beyond their intervals, which cannot be"]
    results = contract.load(sobol_dir)
    results.sensitivity = frame
    fig = sensitivity.sensitivity_bars(results)
    ax = fig.axes[0]
    assert ax.get_xlim() == (0.0, 1.0)
    assert any("9.11" in t.get_text() for t in ax.texts)
    plt.close(fig)
    html = report._sweep(results)
    assert "cannot be right" in html and "24.310" in html
