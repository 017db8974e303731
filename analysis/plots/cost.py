"""Cost-effectiveness: each arm's gain against its spending, with the efficient frontier.

An arm is on the frontier when no other arm (nor doing nothing) gains at
least as much for no more money; the frontier line joins those arms from the
cheapest up. Arms off the line are dominated: something else buys more for less.
"""
import math

import numpy as np

from analysis import comparison, style


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


def cost_effectiveness_table(results, window="final"):
    """Rows of the comparison for the headline metric that have a spending, ranked."""
    table = comparison.comparison(results)
    if table is None or not len(table):
        return None, None
    table = table[(table["window"] == window) & np.isfinite(table["spending"].astype(float))]
    if not len(table):
        return None, None
    key = comparison.headline_metric(table)
    rows = table[(table["metric"] == key[0]) & (table["subject"] == key[1])].copy()
    rows = rows.sort_values(["rank", "gain_per_million"], ascending=[True, False], na_position="last")
    return rows, key


def cost_effectiveness(results, window="final"):
    rows, key = cost_effectiveness_table(results, window)
    if rows is None or not len(rows):
        return None
    metric, _subject = key
    colours = style.arm_colours(list(dict.fromkeys(["base"] + results.arms + list(rows["arm"]))))
    scale, unit = (1e6, "millions") if rows["spending"].max() >= 1e6 else (1e3, "thousands")
    fig, axes = style.new_figure(width=9.0, height=5.8)
    ax = axes[0][0]
    points = [("base", 0.0, 0.0)] + [(r.arm, r.spending, r.mean_difference)
                                     for r in rows.itertuples()]
    on_frontier = frontier(points)
    lookup = {p[0]: p for p in points}
    xs = [lookup[name][1] / scale for name in on_frontier]
    ys = [lookup[name][2] for name in on_frontier]
    ax.plot(xs, ys, color="#555555", lw=1.2, ls="-", zorder=1, label="efficient frontier")
    ax.plot(0, 0, marker="s", color="black", ms=7, ls="none", label="base (no change)")
    for r in rows.itertuples():
        ax.errorbar(r.spending / scale, r.mean_difference,
                    yerr=[[r.mean_difference - r.ci_low], [r.ci_high - r.mean_difference]],
                    fmt="o", color=colours[r.arm], ms=8, capsize=4, lw=1.5,
                    mfc=colours[r.arm] if r.arm in on_frontier else "white", zorder=3)
        ax.annotate(style.arm_label(r.arm), (r.spending / scale, r.mean_difference),
                    textcoords="offset points", xytext=(8, 6), fontsize=9)
    ax.axhline(0, color="#999999", lw=0.8)
    ax.set_xlabel(f"Spending over the run ({unit} of currency units)")
    unit_metric = style.metric_unit(metric)
    ax.set_ylabel(f"Gain in {style.metric_short(metric)} over the base"
                  + (f"\n({unit_metric})" if unit_metric else ""))
    ax.legend(loc="lower right")
    style.finish(fig, results, f"What each strategy buys: gain in {style.metric_short(metric)} "
                               "against what it costs",
                 note="filled: on the frontier (nothing else gains more for less); "
                      "open: dominated; bars: 95% CI")
    return fig
