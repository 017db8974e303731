"""The brief on a real `detente compare` folder: a shipped scenario's arms,
their spending and compare.csv as the program writes them (no fixtures)."""
import re

import pandas as pd
import pytest

from analysis import comparison, contract, report
from conftest import run_detente

SMALL_LIBRARY = ["scenarios/routine_vs_episodic.yaml", "--quiet", "--replicates", "3",
                 "--set", "population.groups.north.size=300",
                 "--set", "population.groups.south.size=300", "--set", "steps=60"]


@pytest.fixture(scope="module")
def compare_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare") / "routine"
    run_detente("compare", *SMALL_LIBRARY, "--out", str(out))
    return out


def test_compare_folder_loads_with_its_arms_and_directions(compare_dir):
    results = contract.load(compare_dir)
    assert set(results.compare["arm"]) == {"episodic", "same_people", "none"}
    directions = results.compare.groupby("metric")["better"].first()
    assert directions["hostile_share"] == "lower"
    assert directions["mean"] == "higher"


def test_headline_reads_the_stated_direction():
    stated = pd.DataFrame({"metric": ["mean"], "better": ["lower"]})
    assert comparison.lower_is_better(stated, "mean")  # the file's word wins over the known set
    unstated = pd.DataFrame({"metric": ["hostile_share"]})
    assert comparison.lower_is_better(unstated, "hostile_share")
    assert not comparison.lower_is_better(unstated, "mean")


def test_brief_of_a_real_comparison_names_the_arms_and_their_spending(compare_dir):
    html = report.build(contract.load(compare_dir))
    comparison = re.search(r'<section id="comparison">(.*?)</section>', html, re.S).group(1)
    for arm in ("episodic", "none"):
        assert arm in comparison
    assert "with 95% confidence" in html
    cost = re.search(r'<section id="cost">(.*?)</section>', html, re.S).group(1)
    assert "episodic" in cost and "per million" in cost
    # The base runs the exchanges: it is named by that, with its real spending.
    assert "the base (runs exchange: an exchange program" in html
    assert "no change" not in html
    # Provenance from run.json: the command that made the folder, as typed.
    results = contract.load(compare_dir)
    assert results.run["command"] == "compare"
    provenance = re.search(r'<section id="provenance">(.*?)</section>', html, re.S).group(1)
    assert " compare scenarios/routine_vs_episodic.yaml --quiet" in provenance
    assert "detente run" not in provenance
