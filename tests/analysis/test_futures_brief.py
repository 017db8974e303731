"""`detente compare --futures` end to end on campaign_sponsor at a reduced size:
robustness.csv and discovery.csv follow their contract, the brief states the
share of futures in which each arm beats the base (the figure robustness.csv
holds), and the library's strategy scenarios share one `uncertain:` block, the
baseline world's.
"""
import html as html_module
import math
import re
import sqlite3

import pandas as pd
import yaml

from analysis import contract, report
from conftest import ROOT, run_detente

SMALL = ["--set", "population.groups.north.size=400", "--set", "population.groups.south.size=400",
         "--set", "steps=40"]
STRATEGIES = ["routine_vs_episodic", "inclusive_vs_elite", "campaign_sponsor", "literacy_vs_surge",
              "journalists_vs_exchanges", "ambassadors_mentoring", "crisis_resilience",
              "convener_governance", "combined_under_cap", "joint_production"]


def test_the_strategy_scenarios_share_the_library_world_uncertainty():
    """Every strategy scenario extends the baseline world and inherits its
    `uncertain:` block rather than carrying a copy that could drift."""
    baseline = yaml.safe_load((ROOT / "scenarios" / "baseline.yaml").read_text())
    assert baseline.get("uncertain") and len(baseline["uncertain"]) >= 4
    for name in STRATEGIES:
        own = yaml.safe_load((ROOT / "scenarios" / f"{name}.yaml").read_text())
        assert own.get("extends") == "baseline.yaml", name
        assert "uncertain" not in own, name


def test_futures_write_robustness_and_discovery_and_the_brief_states_shares(tmp_path):
    out = tmp_path / "sponsor"
    result = run_detente("compare", "scenarios/campaign_sponsor.yaml", "--quiet", "--futures", "8",
                         "--replicates", "2", *SMALL, "--out", str(out))
    assert "Across futures" in result.stdout
    results = contract.load(out)
    assert results.futures == 8 and results.run["futures"] == 8
    robust = results.robustness
    assert list(robust.columns) == contract.ROBUSTNESS_COLUMNS
    arms = set(results.run["arms"])
    assert set(robust["arm"]) == arms  # the baseline too, for its regret
    others = robust[robust["arm"] != robust["baseline"]]
    assert len(others) and (others["futures"] <= 8).all()
    # A share of nobody (no participants yet) leaves a future out; trust never does.
    assert (others[others["scale"] == "trust_level"]["futures"] == 8).all()
    for _, row in others.dropna(subset=["beats_share"]).iterrows():
        # A share of 8 futures, inside its Wilson interval.
        n = row["futures"]
        assert math.isclose(row["beats_share"] * n, round(row["beats_share"] * n))
        assert row["beats_low"] <= row["beats_share"] <= row["beats_high"]
        assert row["beats_share"] + row["loses_share"] <= 1
        assert row["p10_difference"] <= row["median_difference"] <= row["p90_difference"]
        assert 0 <= row["median_regret"] <= row["max_regret"]
    futures = pd.read_csv(out / "futures.csv")
    assert len(futures) == 8
    assert set(futures.columns[1:]) == {u["path"] for u in results.scenario["uncertain"]}
    assert list(results.discovery.columns) == contract.DISCOVERY_COLUMNS
    for _, box in results.discovery.iterrows():
        assert 0 < box["density"] <= 1 and 0 < box["coverage"] <= 1
        assert box["of_interest"] <= box["futures"] <= 8

    text = html_module.unescape(re.sub(r"<[^>]+>", " ", report.build(results)))
    assert "Across uncertain futures" in text
    key = results.headline[0]
    shares = results.futures_shares(*key)
    assert shares
    for arm, (share, low, high) in shares.items():
        assert (f"beats the base in {100 * share:.0f}% of futures "
                f"(95% CI {100 * low:.0f}–{100 * high:.0f}%)") in text


def test_futures_without_an_uncertain_block_are_refused_before_running(tmp_path):
    # campaign_sponsor over a baseline world that declares no uncertainty.
    world = yaml.safe_load((ROOT / "scenarios" / "baseline.yaml").read_text())
    del world["uncertain"]
    (tmp_path / "baseline.yaml").write_text(yaml.safe_dump(world))
    path = tmp_path / "certain.yaml"
    path.write_text((ROOT / "scenarios" / "campaign_sponsor.yaml").read_text())
    result = run_detente("compare", str(path), "--futures", "4", "--out", str(tmp_path / "x"),
                         check=False)
    assert result.returncode == 2
    assert "uncertain" in result.stderr
    assert not (tmp_path / "x").exists()


def test_results_db_keeps_series_only_on_request(tmp_path):
    """compare's results.db holds runs and summaries; --store-series adds the series."""
    counts = {}
    for flag in ([], ["--store-series"]):
        out = tmp_path / ("series" if flag else "summaries")
        run_detente("compare", "scenarios/campaign_sponsor.yaml", "--quiet", "--replicates", "2",
                    *SMALL, *flag, "--out", str(out))
        with sqlite3.connect(out / "results.db") as db:
            counts[bool(flag)] = [db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                                  for table in ("runs", "timeseries", "summaries")]
    runs, series, summaries = counts[False]
    assert runs == 6 and series == 0 and summaries > 0  # 3 arms × 2 replicates
    assert counts[True][0] == runs and counts[True][2] == summaries
    assert counts[True][1] == len(pd.read_csv(tmp_path / "series" / "timeseries.csv"))
