"""Cost-effectiveness: each arm's gain against its spending, with the efficient frontier.

The baseline sits at its real spending and a gain of 0; each arm at its own
spending and its gain over the baseline, so the horizontal distance from the
baseline is the arm's extra spending. An arm is on the frontier when no other
arm (nor the baseline) gains at least as much for no more money; the frontier
line joins those from the cheapest up. Arms off the line are dominated:
something else buys more for less. The table in the brief uses the same
units (percentage points for shares, the spending scale of `money_scale`).
"""
import math

import numpy as np

from analysis import arms, comparison, style

BASELINE = "(baseline)"  # the baseline's name among the frontier's points


def frontier(points):
    """Names of the undominated points among (name, spending, gain), cheapest first."""
    ordered = sorted(points, key=lambda p: (p[1], -p[2]))
    best = -math.inf
    out = []
    for name, _spent, gain in ordered:
        if gain > best:
            out.append(name)
            best = gain
    return out


def points_of(rows):
    """(name, spending, gain) of the baseline and each arm, gains in the brief's units."""
    scale = 100 if len(rows) and comparison.is_share(rows.iloc[0]) else 1
    base = float(rows["baseline_spending"].iloc[0]) if len(rows) else 0.0
    return [(BASELINE, base, 0.0)] + [(r["arm"], float(r["spending"]),
                                       scale * float(r["mean_difference"]))
                                      for _, r in rows.iterrows()]


def money_scale(largest):
    """(divisor, unit words) for spending axes: millions from 100,000 up, as the table's 'M'."""
    if largest >= 1e5:
        return 1e6, "millions of currency units"
    return 1.0, "currency units"


def cost_effectiveness_table(results, window="final", declared=()):
    """The comparison's rows for the headline outcome when something is spent.

    Adds `cost_rank`: among the arms that spend more than the baseline and
    beat it with 95% confidence, 1 for the largest gain per million of extra
    spending; NaN for every other arm.
    """
    table = comparison.comparison(results)
    if table is None or not len(table):
        return None, None
    table = table[table["window"] == window]
    if "baseline_spending" not in table.columns:
        return None, None
    spent = table["spending"].astype(float).abs() + table["baseline_spending"].astype(float).abs()
    if not len(table) or not (spent > 0).any():
        return None, None
    key = comparison.headline_metric(table, declared)
    rows = table[(table["metric"] == key[0]) & (table["subject"] == key[1])].copy()
    eligible = rows.apply(lambda r: r["extra_spending"] > 0 and comparison.beats(r), axis=1)
    per_million = rows["gain_per_million"].astype(float)
    per_million = per_million.where(~rows.apply(comparison.lower_is_better, axis=1), -per_million)
    rows["cost_rank"] = per_million.where(eligible).rank(ascending=False, method="min")
    rows = rows.sort_values(["cost_rank", "spending"], na_position="last")
    return rows, key


def cost_effectiveness(results, window="final"):
    rows, key = cost_effectiveness_table(results, window, declared=results.headline)
    if rows is None or not len(rows):
        return None
    metric, _subject = key
    share = comparison.is_share(rows.iloc[0])
    scale = 100 if share else 1
    names = list(dict.fromkeys(["base"] + results.arms + list(rows["arm"])))
    colours = style.arm_colours(names)
    points = points_of(rows)
    divisor, unit = money_scale(max(p[1] for p in points))
    fig, axes = style.new_figure(width=9.0, height=5.8)
    ax = axes[0][0]
    on_frontier = frontier(points)
    lookup = {p[0]: p for p in points}
    ax.plot([lookup[n][1] / divisor for n in on_frontier], [lookup[n][2] for n in on_frontier],
            color="#555555", lw=1.2, ls="-", zorder=1, label="efficient frontier")
    base_spent = points[0][1]
    base_name = rows["baseline"].iloc[0]
    base_label = arms.short_base_label(results) if base_name == "base" else style.arm_label(
        base_name)
    ax.plot(base_spent / divisor, 0, marker="s", color="black", ms=7, ls="none",
            label=f"{base_label}: spends {base_spent:,.0f}")
    for _, r in rows.iterrows():
        mid = scale * r["mean_difference"]
        ax.errorbar(r["spending"] / divisor, mid,
                    yerr=[[mid - scale * r["ci_low"]], [scale * r["ci_high"] - mid]],
                    fmt="o", color=colours.get(r["arm"], "#0072B2"), ms=8, capsize=4, lw=1.5,
                    mfc=colours.get(r["arm"], "#0072B2") if r["arm"] in on_frontier else "white",
                    zorder=3)
        ax.annotate(style.arm_label(r["arm"]), (r["spending"] / divisor, mid),
                    textcoords="offset points", xytext=(8, 6), fontsize=9)
    ax.axhline(0, color="#999999", lw=0.8)
    ax.set_xlabel(f"Spending over the run ({unit}); the distance from the base is extra spending")
    if share:
        what = "percentage points"
    else:
        what = style.metric_unit(metric)
    ax.set_ylabel(f"Gain in {style.metric_short(metric)} over the base"
                  + (f"\n({what})" if what else ""))
    ax.legend(loc="best")
    style.finish(fig, results, f"What each strategy buys: gain in {style.metric_short(metric)} "
                               "against what it costs",
                 note="filled: on the frontier (nothing else gains more for less); "
                      "open: dominated; bars: 95% CI; square: the baseline at its own spending")
    return fig
