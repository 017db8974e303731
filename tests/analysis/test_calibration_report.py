"""`detente report` and `python3 -m analysis report|plot` on a calibration
folder: figures and brief made, misses named from fit.csv's residuals, a
malformed folder refused with exit 2 and a message naming the file, and an
absent particles.csv handled. The folders are SYNTHETIC
(calibration_fixtures.py), generated in the test from a fixed seed."""
import html as html_module
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from analysis import calibration, calibration_brief, cli, report
from calibration_fixtures import write_calibration
from conftest import ROOT, run_detente


def section(page, element_id):
    match = re.search(rf'<section id="{element_id}">(.*?)</section>', page, re.S)
    assert match, f"no section {element_id}"
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))
    return re.sub(r"\s+", " ", text)


@pytest.fixture()
def folder(tmp_path):
    return write_calibration(tmp_path / "calibration")


def test_a_calibration_folder_is_recognised_by_run_json_or_by_its_files(tmp_path):
    by_kind = write_calibration(tmp_path / "kind")
    assert calibration.is_calibration(by_kind)
    by_files = write_calibration(tmp_path / "files", kind_in_run_json=False)
    assert calibration.is_calibration(by_files)
    (by_files / "posterior.csv").unlink()
    assert not calibration.is_calibration(by_files)


def test_the_brief_states_what_was_fitted_the_path_and_the_misses(folder):
    out = report.write(folder)
    page = out.read_text(encoding="utf-8")
    assert "Calibration brief: synthetic_calibration" in page
    fit = pd.read_csv(folder / "fit.csv")
    fitted = section(page, "fitted")
    held = int((fit["role"] == "holdout").sum())
    assert f"3 parameters fitted to {len(fit) - held} targets" in fitted
    assert f"{held} further targets held out" in fitted
    assert "SYNTHETIC test row, north->south step 104" in fitted
    # The acceptance path: one row per generation, cumulative simulations.
    gens = pd.read_csv(folder / "generations.csv")
    path = section(page, "acceptance")
    assert f"{len(gens)} generations, {int(gens['simulations'].iloc[-1])} simulations" in path
    # Misses are exactly the rows with |residual| > 2, fitted and held out apart.
    residuals = section(page, "residuals")
    for role in ("fit", "holdout"):
        rows = fit[fit["role"] == role]
        missed = rows[rows["standardised_residual"].abs() > 2]
        assert 0 < len(missed) < len(rows), "the synthetic folder should have misses and hits"
        assert f"misses {len(missed)} of {len(rows)}" in residuals
        for _, r in missed.iterrows():
            assert f"at step {r['step']} ({r['standardised_residual']:+.1f})" in residuals
    assert "not used in the fit" in residuals
    # Three figures embedded (three parameters: every pair is drawn).
    for slug in ("prior_to_posterior", "posterior_pairs", "observed_vs_simulated"):
        assert f'id="figure-{slug}"' in page
    assert not re.search(r"\bbest\b", html_module.unescape(re.sub(r"<[^>]+>", " ", page)), re.I)


@pytest.mark.parametrize("reason, said", [
    ("tolerance", "stopped at the tolerance floor of 1"),
    ("budget", "the budget ran out before the tolerance reached 1"),
    ("generations", None),
])
def test_the_acceptance_path_says_why_it_stopped(folder, reason, said):
    run_file = folder / "run.json"
    run = json.loads(run_file.read_text())
    run["stop_reason"] = reason
    run_file.write_text(json.dumps(run))
    path = section(calibration_brief.build(calibration.load(folder)), "acceptance")
    if said:
        assert said in path
    else:
        assert "It stopped" not in path


def test_parameter_table_reports_weighted_posterior_quantiles(folder):
    fitted = calibration.load(folder)
    page = calibration_brief.build(fitted)
    text = section(page, "parameters")
    for name in fitted.parameters:
        values, w = fitted.posterior[name], fitted.weights
        median = calibration.weighted_quantile(values, w, 0.5)
        assert name in text
        assert f"{median:.4g}" in text
        # The weighted median lies inside the posterior's own range.
        assert values.min() <= median <= values.max()


def test_plot_writes_the_calibration_figures(folder, tmp_path):
    out = tmp_path / "figures"
    assert cli.main(["plot", str(folder), "--out", str(out)]) == 0
    made = sorted(p.name for p in out.iterdir())
    assert made == ["observed_vs_simulated.png", "posterior_pairs.png", "prior_to_posterior.png"]
    assert all((out / name).stat().st_size > 5000 for name in made)


def test_pairs_are_only_the_correlated_ones_beyond_four_parameters(tmp_path):
    fitted = calibration.load(write_calibration(tmp_path / "five", parameters=5,
                                                correlated=(0, 3)))
    pairs = calibration.correlated_pairs(fitted)
    names = fitted.parameters
    assert (names[0], names[3]) in [(a, b) for a, b, _ in pairs]
    for a, b, r in pairs:
        assert abs(r) >= 0.3
    assert len(pairs) < 10  # not every one of the ten pairs
    few = calibration.load(write_calibration(tmp_path / "three", parameters=3))
    assert len(calibration.correlated_pairs(few)) == 3  # ≤ 4 parameters: every pair


def test_without_particles_csv_the_brief_says_so_and_the_figures_are_made(tmp_path):
    folder = write_calibration(tmp_path / "no_particles", with_particles=False)
    fitted = calibration.load(folder)
    assert fitted.particles is None
    page = calibration_brief.build(fitted)
    assert "particles.csv absent" in section(page, "provenance")
    assert 'id="figure-prior_to_posterior"' in page


@pytest.mark.parametrize("break_it, expected", [
    (lambda f: (f / "fit.csv").unlink(), "fit.csv: missing"),
    (lambda f: pd.read_csv(f / "posterior.csv").drop(columns="dynamics.media.influence")
     .to_csv(f / "posterior.csv", index=False),
     "posterior.csv: expected a column for every parameter of priors.csv; missing "
     "dynamics.media.influence"),
    (lambda f: (f / "priors.csv").write_text(
        "parameter,prior,low,high,mean,sd,a,b\nx,uniform,0.5,0.1,,,,\n"),
     "priors.csv: line 2: expected finite bounds with low < high"),
    (lambda f: (f / "generations.csv").write_text("generation,tolerance\n0,1\n"),
     "generations.csv: expected the columns"),
])
def test_a_malformed_folder_is_refused_with_exit_2_and_names_the_file(tmp_path, break_it,
                                                                      expected):
    folder = write_calibration(tmp_path / "bad")
    break_it(folder)
    result = subprocess.run([sys.executable, "-m", "analysis", "report", str(folder)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr
    assert not (folder / "report.html").exists()


def test_detente_report_routes_a_calibration_folder(folder, tmp_path):
    out = tmp_path / "brief.html"
    run_detente("report", str(folder), "--out", str(out))
    page = out.read_text(encoding="utf-8")
    assert "Calibration brief: synthetic_calibration" in page
    (folder / "priors.csv").unlink()
    (folder / "run.json").write_text('{"kind": "calibration"}')
    refused = run_detente("report", str(folder), "--out", str(tmp_path / "again.html"),
                          check=False)
    assert refused.returncode == 2
    assert "priors.csv: missing" in refused.stderr
