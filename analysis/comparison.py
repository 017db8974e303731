"""Arms against the base: the comparison table, from compare.csv or computed.

`detente compare` writes compare.csv; when a folder has arms but no
compare.csv, `comparison(results)` computes the same table from
timeseries.csv: per replicate, arm minus base (replicates share their random
numbers across arms, so the pairing removes the common noise), for the final
step (`final`) and for the mean over all output steps (`average`), with a 95%
t interval, Glass's Δ (the difference over the base replicates' sd), the
arm's spending (the `spending` metric for subject `all` at the final step)
and the gain per million spent. Columns as in compare.csv.
"""
import math

import numpy as np
import pandas as pd

from analysis import contract, metrics, stats

# The outcomes a brief leads with, most political first.
HEADLINE_METRICS = [(metrics.named("political_space"), "all"), (metrics.named("mean"), "all"),
                    (metrics.named("trusting_share"), "all"),
                    (metrics.named("hostile_share"), "all"), (metrics.named("gap"), "all")]


def spending_by_arm(results):
    """Mean cumulative spending of each arm at the final step; {} when nothing is spent."""
    if not results.has_metric(metrics.named("spending")):
        return {}
    out = {}
    for arm in results.arms:
        row = results.final(metrics.named("spending"), "all", arm)
        if row is not None:
            out[arm] = float(row["mean"])
    return out


def _paired(results, window):
    ts = results.timeseries
    if window == "final":
        last = ts.groupby("arm")["step"].transform("max")
        ts = ts[ts["step"] == last]
    per_replicate = ts.groupby(["arm", "metric", "subject", "replicate"])["value"].mean()
    return per_replicate


def computed(results):
    """The compare.csv table computed from timeseries.csv (empty without arms)."""
    arms = [a for a in results.arms if a != contract.BASE_ARM]
    if results.timeseries is None or not arms:
        return pd.DataFrame(columns=contract.COMPARE_COLUMNS)
    spending = spending_by_arm(results)
    rows = []
    for window in ("final", "average"):
        values = _paired(results, window)
        base = values.xs(contract.BASE_ARM, level="arm")
        for arm in arms:
            if arm not in values.index.get_level_values("arm"):
                continue
            arm_values = values.xs(arm, level="arm")
            for (metric, subject), arm_series in arm_values.groupby(level=["metric", "subject"]):
                if metric == metrics.named("spending") or (metric, subject) not in base.index.droplevel(2):
                    continue
                base_series = base.loc[(metric, subject)]
                a = arm_series.droplevel(["metric", "subject"])
                common = a.index.intersection(base_series.index)
                diff = a.loc[common].to_numpy() - base_series.loc[common].to_numpy()
                mean, _sd, low, high, n = stats.mean_interval(diff)
                base_sd = float(np.nanstd(base_series.to_numpy(), ddof=1)) if len(common) > 1 else 0.0
                glass = mean / base_sd if base_sd > 0 else math.nan
                spent = spending.get(arm, math.nan) - spending.get(contract.BASE_ARM, 0.0)
                per_million = mean / (spent / 1e6) if spent and spent > 0 else math.nan
                rows.append((arm, contract.BASE_ARM, metric, subject, window, mean, low, high,
                             glass, spent, per_million, math.nan, n))
    table = pd.DataFrame(rows, columns=contract.COMPARE_COLUMNS)
    return rank(table)


def rank(table):
    """Ranks arms by gain per million within each metric, subject and window (1 = best)."""
    table = table.copy()
    keys = ["metric", "subject", "window"]
    table["rank"] = table.groupby(keys)["gain_per_million"].rank(ascending=False, method="min")
    return table


def comparison(results):
    """compare.csv when present, else the table computed from timeseries.csv."""
    if results.compare is not None:
        return results.compare
    return computed(results)


def headline_metric(table):
    """The (metric, subject) a brief leads with: the first of HEADLINE_METRICS in the table."""
    present = set(zip(table["metric"], table["subject"]))
    for key in HEADLINE_METRICS:
        if key in present:
            return key
    return (table["metric"].iloc[0], table["subject"].iloc[0]) if len(table) else None
