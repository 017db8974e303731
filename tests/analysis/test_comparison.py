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
    assert row["glass_delta"] == pytest.approx(expected[0] / base.std(ddof=1), rel=1e-9)
    # Spending (fixture: 25,000 per step per arm index) and the gain per million.
    assert row["spending"] == pytest.approx(2 * 25_000 * 80)
    assert row["gain_per_million"] == pytest.approx(expected[0] / 4.0)


def test_no_arms_no_comparison(crisis_dir):
    assert comparison.comparison(contract.load(crisis_dir)).empty


def test_compare_csv_wins_over_computing(full_dir):
    table = comparison.comparison(contract.load(full_dir))
    assert set(table["spending"]) == {1.5e6, 6e6}  # the fixture's values, not the timeseries'


def test_rank_orders_by_gain_per_million():
    import pandas as pd
    table = pd.DataFrame({"arm": ["a", "b", "c"], "metric": "mean", "subject": "all",
                          "window": "final", "gain_per_million": [0.1, 0.3, math.nan]})
    ranked = comparison.rank(table)
    assert list(ranked["rank"][:2]) == [2, 1]
    assert math.isnan(ranked["rank"][2])


def test_frontier_drops_dominated_points():
    points = [("base", 0, 0), ("cheap", 1, 0.2), ("dear_but_weak", 3, 0.1), ("dear", 4, 0.5),
              ("worse", 5, 0.4)]
    assert cost.frontier(points) == ["base", "cheap", "dear"]
    # A strategy that costs the same and gains more dominates the other.
    assert cost.frontier([("base", 0, 0), ("a", 2, 0.1), ("b", 2, 0.3)]) == ["base", "b"]
