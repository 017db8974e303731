"""Arms against the base: the comparison table, from compare.csv or computed.

`detente compare` writes compare.csv; when a folder has arms but no
compare.csv, `comparison(results)` computes the same table from
timeseries.csv: per replicate, arm minus base (replicates share their random
numbers across arms, so the pairing removes the common noise), for the final
step (`final`) and for the mean over all output steps (`average`), with a 95%
t interval, the effect sizes people read (percentage points and people per
1,000 for shares; the difference over the baseline's spread of people), the
spending of the base and of each arm, the extra spending and the gain per
million of it. Columns as in compare.csv (README, "Comparing strategies").

The rules a brief must not break live here too: an arm "beats" the base
only when its whole 95% interval is on the better side of zero, and only such
arms are ranked.
"""
import math

import numpy as np
import pandas as pd

from analysis import contract, metrics, stats


def lower_is_better(row_or_rows, metric=None):
    """The metric's direction as compare.csv states it, else the metric table's."""
    if isinstance(row_or_rows, pd.DataFrame):
        if "better" in row_or_rows.columns:
            stated = row_or_rows["better"].dropna()
            if len(stated):
                return stated.iloc[0] == "lower"
        return metrics.lower_is_better(metric)
    better = row_or_rows.get("better") if hasattr(row_or_rows, "get") else None
    if isinstance(better, str) and better:
        return better == "lower"
    return metrics.lower_is_better(metric or row_or_rows["metric"])


def _finite(value):
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def beats(row):
    """Whether the arm beats its baseline with 95% confidence (the whole interval is better)."""
    if not (_finite(row["ci_low"]) and _finite(row["ci_high"])):
        return False
    return row["ci_high"] < 0 if lower_is_better(row) else row["ci_low"] > 0


def loses(row):
    """Whether the arm does worse than its baseline with 95% confidence."""
    if not (_finite(row["ci_low"]) and _finite(row["ci_high"])):
        return False
    return row["ci_low"] > 0 if lower_is_better(row) else row["ci_high"] < 0


def is_share(row):
    """Whether the row's outcome is a share, read in percentage points."""
    scale = row.get("scale") if hasattr(row, "get") else None
    if not (isinstance(scale, str) and scale):
        scale = metrics.scale(row["metric"])
    return scale in ("public_share", "share")


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
    return ts.groupby(["arm", "metric", "subject", "replicate"])["value"].mean()


def _person_sd(scale, base, subject, base_values):
    """The baseline's spread of people behind a difference (compare.csv `person_sd`)."""
    if scale == "trust_level" and ("sd", subject) in base.index.droplevel(2):
        return float(np.nanmean(base.loc[("sd", subject)].to_numpy()))
    if scale == "public_share":
        p = float(np.nanmean(base_values))
        return math.sqrt(p * (1 - p))
    return math.nan


def computed(results):
    """The compare.csv table computed from timeseries.csv (empty without arms)."""
    arms = [a for a in results.arms if a != contract.BASE_ARM]
    if results.timeseries is None or not arms:
        return pd.DataFrame(columns=contract.COMPARE_COLUMNS)
    spending = spending_by_arm(results)
    base_spent = spending.get(contract.BASE_ARM, 0.0)
    rows = []
    for window in ("final", "average"):
        values = _paired(results, window)
        base = values.xs(contract.BASE_ARM, level="arm")
        for arm in arms:
            if arm not in values.index.get_level_values("arm"):
                continue
            spent = spending.get(arm, 0.0)
            extra = spent - base_spent
            arm_values = values.xs(arm, level="arm")
            for (metric, subject), arm_series in arm_values.groupby(level=["metric", "subject"]):
                if metric == metrics.named("spending") or (metric, subject) not in base.index.droplevel(2):
                    continue
                base_series = base.loc[(metric, subject)]
                a = arm_series.droplevel(["metric", "subject"])
                common = a.index.intersection(base_series.index)
                diff = a.loc[common].to_numpy() - base_series.loc[common].to_numpy()
                mean, _sd, low, high, n = stats.mean_interval(diff)
                scale = metrics.scale(metric)
                share = scale in ("public_share", "share")
                public = scale == "public_share"
                person = _person_sd(scale, base, subject, base_series.loc[common].to_numpy())
                rows.append((arm, contract.BASE_ARM, metric, subject, window, scale, mean, low,
                             high, 100 * mean if share else math.nan,
                             1000 * mean if public else math.nan, person,
                             mean / person if person > 0 else math.nan, base_spent, spent, extra,
                             mean / extra * 1e6 if extra > 0 else math.nan,
                             "lower" if metrics.lower_is_better(metric) else "higher", math.nan, n))
    return rank(pd.DataFrame(rows, columns=contract.COMPARE_COLUMNS))


def rank(table):
    """compare's rank: among the arms that beat the baseline only, 1 for the largest gain.

    Within each metric, subject and window; ties share the lower rank; every
    other arm (worse, or not distinguishable from the baseline) has none (NaN).
    """
    table = table.copy()
    keys = ["metric", "subject", "window"]
    ranked = table[table.apply(beats, axis=1)] if len(table) else table
    gain = ranked["mean_difference"].where(~ranked.apply(lower_is_better, axis=1),
                                           -ranked["mean_difference"]) if len(ranked) else None
    table["rank"] = math.nan
    if len(ranked):
        ranks = gain.groupby([ranked[k] for k in keys]).rank(ascending=False, method="min")
        table.loc[ranks.index, "rank"] = ranks
    return table


def comparison(results):
    """compare.csv when present, else the table computed from timeseries.csv."""
    if results.compare is not None:
        return results.compare
    return computed(results)


def headline_outcomes(table, chosen=(), limit=3):
    """The outcomes [(metric, subject)] a brief leads with, as `detente compare` chose them.

    `chosen` is `Results.headline`: the order detente recorded in run.json
    (or the scenario's declared outputs.headline). This module does not
    choose: without a choice, the table's own order (the metric table's) stands.
    """
    present = list(dict.fromkeys(zip(table["metric"], table["subject"])))
    picked = [key for key in dict.fromkeys(chosen) if key in set(present)]
    if picked:
        return picked[:limit]
    return [key for key in present if key[1] == "all"][:limit] or present[:limit]


def headline_metric(table, chosen=()):
    """The (metric, subject) a brief leads with: the first headline outcome."""
    keys = headline_outcomes(table, chosen, limit=1)
    if keys:
        return keys[0]
    return (table["metric"].iloc[0], table["subject"].iloc[0]) if len(table) else None
