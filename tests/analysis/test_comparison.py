"""Paired differences between arms, and the cost-effectiveness frontier."""
import math

import pytest

from analysis import comparison, contract, stats
from analysis.plots import cost


def test_paired_differences_from_the_timeseries(arms_dir):
    results = contract.load(arms_dir)
    table = comparison.comparison(results)
    assert set(table["arm"]) == {"more_contact", "more_ties"}
    assert set(table["window"]) == {"final", "average"}
    # Recompute one row by hand: per replicate, arm minus base at the last step.
    ts = results.timeseries
    final = ts[(ts["step"] == 80) & (ts["metric"] == "mean") & (ts["subject"] == "all")]
    arm = final[final["arm"] == "more_ties"].set_index("replicate")["value"]
    base = final[final["arm"] == "base"].set_index("replicate")["value"]
    expected = stats.mean_interval((arm - base).to_numpy())
    row = table[(table["arm"] == "more_ties") & (table["metric"] == "mean")
                & (table["subject"] == "all") & (table["window"] == "final")].iloc[0]
    assert row["mean_difference"] == pytest.approx(expected[0], abs=1e-12)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(expected[2:4], abs=1e-12)
    assert row["n"] == 3
    # The person-level standardised difference: over the base's sd of people
    # (its `sd` rows of the same subject at the last step, averaged over replicates).
    sd = ts[(ts["step"] == 80) & (ts["metric"] == "sd") & (ts["subject"] == "all")
            & (ts["arm"] == "base")]["value"].mean()
    assert row["scale"] == "trust_level"
    assert row["person_sd"] == pytest.approx(sd, rel=1e-12)
    assert row["standardised"] == pytest.approx(expected[0] / sd, rel=1e-9)
    # Spending (fixture: 25,000 per step per arm index, the base's 0) and the
    # gain per million of extra spending.
    assert row["spending"] == pytest.approx(2 * 25_000 * 80)
    assert row["extra_spending"] == pytest.approx(2 * 25_000 * 80)
    assert row["gain_per_million"] == pytest.approx(expected[0] / 4.0)
    # A share: percentage points and people per 1,000.
    share = table[(table["arm"] == "more_ties") & (table["metric"] == "trusting_share")
                  & (table["subject"] == "all") & (table["window"] == "final")].iloc[0]
    assert share["points"] == pytest.approx(100 * share["mean_difference"])
    assert share["per_1000"] == pytest.approx(1000 * share["mean_difference"])


def test_no_arms_no_comparison(crisis_dir):
    assert comparison.comparison(contract.load(crisis_dir)).empty


def test_compare_csv_wins_over_computing(full_dir):
    table = comparison.comparison(contract.load(full_dir))
    assert set(table["spending"]) == {1.5e6, 6e6}  # the fixture's values, not the timeseries'


def test_rank_goes_only_to_arms_that_beat_the_base():
    import pandas as pd
    table = pd.DataFrame({"arm": ["a", "b", "c", "d"], "metric": "mean", "subject": "all",
                          "window": "final", "better": "higher",
                          "mean_difference": [0.1, 0.3, 0.5, -0.2],
                          "ci_low": [0.05, 0.2, -0.1, -0.3], "ci_high": [0.15, 0.4, 1.1, -0.1]})
    ranked = comparison.rank(table)
    assert list(ranked["rank"][:2]) == [2, 1]
    assert math.isnan(ranked["rank"][2])  # the largest difference, but its interval spans zero
    assert math.isnan(ranked["rank"][3])  # a loss


def test_frontier_drops_dominated_points():
    points = [("base", 0, 0), ("cheap", 1, 0.2), ("dear_but_weak", 3, 0.1), ("dear", 4, 0.5),
              ("worse", 5, 0.4)]
    assert cost.frontier(points) == ["base", "cheap", "dear"]
    # A strategy that costs the same and gains more dominates the other.
    assert cost.frontier([("base", 0, 0), ("a", 2, 0.1), ("b", 2, 0.3)]) == ["base", "b"]
