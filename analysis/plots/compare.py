"""Arms against the base: a forest plot of paired differences with 95% intervals."""
import numpy as np
from matplotlib.ticker import MaxNLocator

from analysis import comparison, style

MAX_PANELS = 4


def arm_comparison(results, window="final"):
    table = comparison.comparison(results)
    if table is None or not len(table):
        return None
    table = table[table["window"] == window]
    keys = comparison.headline_outcomes(table, results.headline, limit=MAX_PANELS)
    if not keys:
        keys = list(dict.fromkeys(zip(table["metric"], table["subject"])))[:MAX_PANELS]
    if not keys:
        return None
    arms = [a for a in results.arms if a in set(table["arm"])] or list(dict.fromkeys(table["arm"]))
    colours = style.arm_colours(list(dict.fromkeys(["base"] + results.arms + arms)))
    fig, axes = style.new_figure(width=3.6 * len(keys) + 1.6, height=1.0 + 0.55 * len(arms) + 1.4,
                                 cols=len(keys), sharey=True)
    positions = np.arange(len(arms))[::-1]
    for ax, (metric, subject) in zip(axes[0], keys):
        rows = table[(table["metric"] == metric) & (table["subject"] == subject)].set_index("arm")
        scale = 100 if len(rows) and comparison.is_share(rows.iloc[0]) else 1
        for y, arm in zip(positions, arms):
            if arm not in rows.index:
                continue
            row = rows.loc[arm]
            mid = scale * row["mean_difference"]
            ax.errorbar(mid, y, xerr=[[mid - scale * row["ci_low"]], [scale * row["ci_high"] - mid]],
                        fmt="o", color=colours[arm], ms=7, capsize=4, lw=1.8)
        ax.axvline(0, color="#444444", lw=1)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.set_yticks(positions, [style.arm_label(a) for a in arms])
        title = style.metric_label(metric)
        ax.set_title(title if subject == "all" else f"{title}\n({style.subject_label(subject)})",
                     fontsize=10)
        unit = "percentage points" if scale == 100 else style.metric_unit(metric)
        ax.set_xlabel(f"Difference from {rows['baseline'].iloc[0] if len(rows) else 'base'}"
                      + (f"\n({unit})" if unit else ""))
        ax.grid(axis="y", visible=False)
    axes[0][0].set_ylabel("Strategy")
    when = "at the end of the run" if window == "final" else "averaged over the run"
    style.finish(fig, results, f"Effect of each strategy compared with the base, {when}",
                 note="dot: mean paired difference; bar: 95% confidence interval; "
                      "right of the line = better than base (lower is better for hostility and gap)")
    return fig
