"""The brief's wording rules, on small comparison tables with known answers.

A brief never calls a loss or noise the strategy that "does most", never
ranks it, prices only extra spending, and names the base by what it does.
"""
import math
import re
from pathlib import Path

import pandas as pd

from analysis import arms, comparison, contract, headline, report
from analysis.plots import cost


def table(rows):
    """compare.csv-like rows: (arm, metric, difference, ci_low, ci_high, extra_spending)."""
    out = []
    for arm, metric, d, low, high, extra in rows:
        share = metric.endswith("share")
        out.append({"arm": arm, "baseline": "base", "metric": metric, "subject": "all",
                    "window": "final", "scale": "public_share" if share else "trust_level",
                    "mean_difference": d, "ci_low": low, "ci_high": high,
                    "points": 100 * d if share else math.nan,
                    "per_1000": 1000 * d if share else math.nan, "person_sd": 0.2,
                    "standardised": d / 0.2, "baseline_spending": 1000.0,
                    "spending": 1000.0 + extra, "extra_spending": extra,
                    "gain_per_million": d / extra * 1e6 if extra > 0 else math.nan,
                    "better": "lower" if metric == "hostile_share" else "higher",
                    "rank": math.nan, "n": 5})
    return comparison.rank(pd.DataFrame(out))


def results_with(compare, scenario=None, run=None):
    return contract.Results(directory=Path("results/x"), run=run or {}, scenario=scenario or {},
                            summary=None, compare=compare)


def test_no_strategy_beats_the_base_is_said_plainly():
    rows = table([("a", "mean", -0.002, -0.004, -0.001, 500.0),
                  ("b", "mean", 0.001, -0.001, 0.003, 500.0)])
    text = " ".join(headline.outcome_sentences(rows, "the base"))
    assert "No strategy beats the base on mean trust toward the other group with 95% confidence" \
        in text
    assert "does most" not in text
    assert "A does worse than the base" in text
    assert rows["rank"].isna().all()  # a loss and noise are never ranked


def test_only_an_arm_that_beats_the_base_does_most():
    rows = table([("loss", "mean", -0.01, -0.02, -0.005, 0.0),
                  ("noise", "mean", 0.03, -0.01, 0.07, 0.0),
                  ("gain", "mean", 0.005, 0.001, 0.009, 0.0),
                  ("bigger", "mean", 0.008, 0.004, 0.012, 0.0)])
    text = " ".join(headline.outcome_sentences(rows, "the base"))
    # noise has the largest difference, but its interval spans zero.
    assert "bigger does most for mean trust" in text
    assert "noise does most" not in text
    assert "2 of 4 strategies beat the base" in text
    ranks = dict(zip(rows["arm"], rows["rank"]))
    assert ranks["bigger"] == 1 and ranks["gain"] == 2
    assert math.isnan(ranks["noise"]) and math.isnan(ranks["loss"])


def test_lower_is_better_turns_the_sign():
    rows = table([("calmer", "hostile_share", -0.05, -0.07, -0.03, 0.0),
                  ("angrier", "hostile_share", 0.04, 0.02, 0.06, 0.0)])
    text = " ".join(headline.outcome_sentences(rows, "the base"))
    assert "calmer is the only strategy that beats it on share hostile to the other group" in text
    assert "-5.0 percentage points" in text and "50 fewer people per 1,000" in text
    assert "Angrier does worse than the base" in text
    assert dict(zip(rows["arm"], rows["rank"]))["calmer"] == 1


def test_gain_per_million_uses_extra_spending_only():
    rows = table([("same_money", "mean", 0.01, 0.005, 0.015, 0.0),
                  ("dearer_noise", "mean", 0.002, -0.001, 0.005, 2000.0),
                  ("dearer_gain", "mean", 0.004, 0.002, 0.006, 4000.0)])
    text = " ".join(headline.cost_sentences(rows))
    assert "buys the most" not in text
    # Per million of extra spending: 0.004 / 4000 × 1e6 = 1.0.
    assert ("For its extra spending of 4,000 over the base, dearer gain gains +0.004 in mean "
            "trust toward the other group: +1.000 per million of extra spending.") in text
    assert "For dearer noise, what the extra spending buys in mean trust toward the other group is" \
        in text
    assert math.isnan(rows.set_index("arm").loc["same_money", "gain_per_million"])


def test_no_extra_spending_no_gain_per_million():
    rows = table([("a", "mean", 0.01, 0.005, 0.015, 0.0)])
    assert headline.cost_sentences(rows) == [
        "No strategy spends more than the base, so none has a gain per million of extra "
        "spending."]


def test_cost_table_ranks_only_paid_gains_and_shows_the_base_spending():
    compare = table([("loss", "mean", -0.01, -0.02, -0.005, 3000.0),
                     ("gain", "mean", 0.004, 0.002, 0.006, 4000.0),
                     ("free", "mean", 0.02, 0.01, 0.03, 0.0)])
    results = results_with(compare)
    rows, key = cost.cost_effectiveness_table(results)
    assert key == ("mean", "all")
    ranks = dict(zip(rows["arm"], rows["cost_rank"]))
    assert ranks["gain"] == 1 and math.isnan(ranks["loss"]) and math.isnan(ranks["free"])
    html = report._cost(results, {})
    assert re.search(r"<td>base \(baseline\)</td><td[^>]*>0</td><td[^>]*>1,000</td>", html)
    assert "n/a: a loss" in html and "n/a: no extra spending" in html
    # The frontier starts at the baseline's own spending, not at 0.
    assert cost.points_of(rows)[0] == (cost.BASELINE, 1000.0, 0.0)


def test_the_base_is_named_by_what_it_runs():
    scenario = {"step_unit": "week", "interventions": [
        {"name": "spots", "type": "media_campaign", "start": 1, "rounds": 104, "every": 1},
        {"name": "off", "type": "exchange_program", "enabled": False}]}
    results = results_with(table([("a", "mean", 0.0, 0.0, 0.0, 0.0)]), scenario)
    assert arms.base_description(results) == (
        "the base (runs spots: a media campaign, 104 rounds from week 1)")
    assert arms.base_description(results_with(None, {"interventions": []})) == \
        "the base (no programmes)"
    assert arms.base_description(results, "none") == "the none arm"


def test_declared_headline_leads():
    compare = table([("a", "mean", 0.01, 0.005, 0.015, 0.0),
                     ("a", "hostile_share", -0.2, -0.3, -0.1, 0.0),
                     ("a", "trusting_share", 0.001, -0.01, 0.01, 0.0)])
    assert comparison.headline_outcomes(compare, [("trusting_share", "all")], limit=2) == [
        ("trusting_share", "all")]
    results = results_with(compare, {"outputs": {"headline": ["trusting_share", "mean/all"]}})
    assert results.headline == [("trusting_share", "all"), ("mean", "all")]
    text = " ".join(headline._comparison_sentences(results))
    assert text.startswith("No strategy beats the base (no programmes) on share who trust the "
                           "other group")


def test_the_brief_leads_with_what_detente_chose():
    """detente compare chooses the headline (metrics::headline_outcomes) and
    records it in run.json; the brief follows it rather than choosing again."""
    compare = table([("a", "mean", 0.01, 0.005, 0.015, 0.0),
                     ("a", "hostile_share", -0.2, -0.3, -0.1, 0.0)])
    results = results_with(compare, run={"headline": ["hostile_share/all", "mean/all"]})
    assert results.headline == [("hostile_share", "all"), ("mean", "all")]
    assert comparison.headline_metric(compare, results.headline) == ("hostile_share", "all")
    text = " ".join(headline._comparison_sentences(results))
    assert text.startswith("Compared with the base, a beats it on share hostile")
    # Without a recorded choice, nothing is chosen: the table's order stands.
    assert comparison.headline_outcomes(compare, limit=1) == [("mean", "all")]


def test_share_of_futures_is_stated_when_given():
    rows = table([("a", "mean", 0.01, 0.005, 0.015, 0.0)])
    text = " ".join(headline.outcome_sentences(rows, "the base", futures={"a": (0.78, 0.64, 0.88)}))
    assert "a beats the base in 78% of futures (95% CI 64–88%)" in text


def test_reproduce_command_is_the_command_that_made_the_folder():
    line = "build/release/detente compare scenarios/campaign_sponsor.yaml --replicates 10"
    results = results_with(None, run={"command": "compare", "command_line": line})
    assert report.reproduce_command(results) == line
    assert line in report._provenance(results)
    assert "no run.json" in report._provenance(results_with(None))
