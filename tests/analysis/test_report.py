"""The policy brief: what it contains, that it needs no network, and the
commands that write it (`detente report`, `python3 -m analysis …`)."""
import re
import subprocess
import sys

import pytest

from analysis import contract, report
from conftest import ROOT, run_detente


@pytest.fixture(scope="module")
def crisis_brief(crisis_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("brief") / "crisis.html"
    result = run_detente("report", str(crisis_dir), "--out", str(out))
    assert "wrote" in result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def arms_brief(full_dir):
    return report.build(contract.load(full_dir))


def section(html, element_id):
    match = re.search(rf'<section id="{element_id}">(.*?)</section>', html, re.S)
    assert match, f"no section {element_id}"
    return match.group(1)


def test_brief_has_every_part(crisis_brief, crisis_dir):
    results = contract.load(crisis_dir)
    question = section(crisis_brief, "question")
    assert "What happens to trust between north and south over 1.5 years (80 weeks)" in question
    headline = section(crisis_brief, "headline")
    assert 'id="headline-figure"' in headline
    assert "The crisis in week 30 cut mean trust" in headline
    assumptions = section(crisis_brief, "assumptions")
    assert "300 people; initial trust in the other side Beta(1.96, 2.6), mean 0.43" in assumptions
    assert "week 30: trust cut by up to 35% on both sides" in assumptions
    assert "north_national_tv" in assumptions
    caveats = section(crisis_brief, "caveats")
    assert "No politics inside the model" in caveats
    assert "This run has 3 replicates" in caveats  # caveats that depend on the run
    provenance = section(crisis_brief, "provenance")
    for value in (results.version, results.commit, str(results.run["seed"]),
                  str(results.run["replicate_seeds"][0]), "--replicates 3"):
        assert value in provenance
    # No arms: the brief says what it leaves out instead of showing empty sections.
    assert "Not in this brief: no comparison of strategies" in crisis_brief
    assert 'id="comparison"' not in crisis_brief and 'id="cost"' not in crisis_brief


def test_brief_opens_without_a_network(crisis_brief, arms_brief):
    for html in (crisis_brief, arms_brief):
        assert "http://" not in html and "https://" not in html
        assert not re.search(r"<(link|script)\b", html)
        images = re.findall(r'<img [^>]*src="([^"]*)"', html)
        assert images and all(src.startswith("data:image/png;base64,") for src in images)


def test_brief_with_arms_compares_and_ranks(arms_brief):
    question = section(arms_brief, "question")
    assert "How do the strategies — more contact and more ties — change trust" in question
    # The base is named by what it runs, never as "no change".
    assert "compared with the base (runs summer_exchange: an exchange program" in question
    assert "no change" not in arms_brief
    comparison = section(arms_brief, "comparison")
    assert "more contact" in comparison and "more ties" in comparison
    cost = section(arms_brief, "cost")
    rows = re.findall(r"<tr><td[^>]*>(\d)</td><td>([^<]*)</td>", cost)
    # compare.csv fixture: more contact costs 1.5 M for +2 points, more ties 6 M for +4.
    assert rows == [("1", "more contact"), ("2", "more ties")]
    assert "1.50 M" in cost and "6.00 M" in cost
    figures = section(arms_brief, "figures")
    for title in ("How trust is spread", "Every person&#x27;s trust over time", "Parameter sweep",
                  "Sensitivity"):
        assert title in figures
    assert re.search(r"Compared with the base \(runs summer_exchange[^)]*\), more ties does most "
                     r"for political space", arms_brief)


def test_default_output_is_in_the_results_folder(crisis_dir):
    code = subprocess.run([sys.executable, "-m", "analysis.report", str(crisis_dir)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert code.returncode == 0, code.stderr
    assert (crisis_dir / "report.html").stat().st_size > 50_000


def test_detente_report_refuses_a_missing_folder(tmp_path):
    result = run_detente("report", str(tmp_path / "nowhere"), check=False)
    assert result.returncode == 2
    assert "no such results folder" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_detente_report_refuses_a_folder_that_is_not_a_result(tmp_path):
    (tmp_path / "notes.txt").write_text("not a result")
    result = run_detente("report", str(tmp_path), check=False)
    assert result.returncode == 2
    assert "not a detente results folder" in result.stderr
    assert not (tmp_path / "report.html").exists()


def test_detente_report_finds_the_package_through_the_environment(crisis_dir, tmp_path):
    import os
    env = dict(os.environ, DETENTE_ANALYSIS_DIR=str(tmp_path / "elsewhere"))
    from conftest import detente_program
    result = subprocess.run([detente_program(), "report", str(crisis_dir)], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "the analysis package is not at" in result.stderr


def test_plot_command_writes_the_figures(crisis_dir, tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "plot", str(crisis_dir), "--out",
                             str(tmp_path), "--format", "svg"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trust_distribution.svg",
                                                          "trust_over_time.svg"]


def test_analysis_cli_exit_codes(tmp_path):
    missing = subprocess.run([sys.executable, "-m", "analysis", "report", str(tmp_path / "x")],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no such results folder" in missing.stderr
    bad_option = subprocess.run([sys.executable, "-m", "analysis", "plot", "--format", "gif",
                                 str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                                timeout=60)
    assert bad_option.returncode == 2


@pytest.mark.parametrize("files, sections", [
    (("run.json", "scenario.yaml", "sweep.csv", "sweep_points.csv", "sensitivity.csv"),
     ["question", "assumptions", "figures", "caveats", "provenance"]),
    (("run.json", "compare.csv"), ["question", "comparison", "cost", "provenance"]),
])
def test_partial_folders_still_give_a_brief(full_dir, tmp_path, files, sections):
    """A sweep folder or a comparison alone (no time series) still makes a brief."""
    for name in files:
        (tmp_path / name).write_bytes((full_dir / name).read_bytes())
    html = report.build(contract.load(tmp_path))
    for element_id in sections:
        assert f'<section id="{element_id}">' in html
    assert 'id="headline-figure"' not in html  # no time series, no trust-over-time figure
