"""Parameter sweeps: the outcome over two swept parameters as a heatmap.

sweep_points.csv names each point's parameter values; sweep.csv holds each
point's replicates at the final step. The heatmap shows the mean over
replicates (and over any further parameters) on the grid of the first two
parameters; points drawn by Latin hypercube are binned into quantile bins.
With one parameter it draws the outcome against it with a 95% band.
"""
import numpy as np
import pandas as pd

from analysis import comparison, stats, style

MAX_LEVELS = 12  # more distinct values than this on an axis: bin them
BINS = 6


def _outcomes(results):
    sweep = results.sweep
    keys = [k for k in comparison.HEADLINE_METRICS
            if ((sweep["metric"] == k[0]) & (sweep["subject"] == k[1])).any()]
    return keys[:2] or list(dict.fromkeys(zip(sweep["metric"], sweep["subject"])))[:2]


def _axis(values):
    """Grid levels, or quantile bins labelled by their middle."""
    if values.nunique() <= MAX_LEVELS:
        return values, sorted(values.unique())
    binned = pd.qcut(values, BINS, duplicates="drop")
    mids = binned.apply(lambda interval: interval.mid).astype(float)
    return mids, sorted(mids.unique())


def sweep_heatmap(results):
    if results.sweep is None or results.sweep_points is None or not len(results.sweep):
        return None
    parameters = [c for c in results.sweep_points.columns if c != "point"]
    if not parameters:
        return None
    outcomes = _outcomes(results)
    fig, axes = style.new_figure(width=5.6 * len(outcomes) + 0.6, height=5.2, cols=len(outcomes))
    for ax, (metric, subject) in zip(axes[0], outcomes):
        rows = results.sweep[(results.sweep["metric"] == metric)
                             & (results.sweep["subject"] == subject)]
        per_point = rows.groupby("point")["value"].mean().rename("value").reset_index()
        data = per_point.merge(results.sweep_points, on="point")
        label = style.axis_label(metric, short=True)
        if len(parameters) == 1:
            p = parameters[0]
            summary = rows.merge(results.sweep_points, on="point").groupby(p)["value"].apply(
                lambda v: pd.Series(stats.mean_interval(v)[:4], index=["mean", "sd", "lo", "hi"]))
            summary = summary.unstack()
            ax.fill_between(summary.index, summary["lo"], summary["hi"], color=style.OKABE_ITO[5],
                            alpha=0.2, lw=0, label="95% confidence band")
            ax.plot(summary.index, summary["mean"], "o-", color=style.OKABE_ITO[5], label="mean")
            ax.set_xlabel(p)
            ax.set_ylabel(label)
            ax.legend()
        else:
            x, y = parameters[0], parameters[1]
            data["_x"], xs = _axis(data[x])
            data["_y"], ys = _axis(data[y])
            grid = data.pivot_table(index="_y", columns="_x", values="value", aggfunc="mean")
            grid = grid.reindex(index=ys, columns=xs)
            image = ax.imshow(grid.to_numpy(), origin="lower", aspect="auto", cmap="viridis")
            ax.set_xticks(range(len(xs)), [f"{v:.3g}" for v in xs], rotation=45)
            ax.set_yticks(range(len(ys)), [f"{v:.3g}" for v in ys])
            ax.set_xlabel(x)
            ax.set_ylabel(y)
            ax.grid(False)
            fig.colorbar(image, ax=ax, label=label, shrink=0.9)
            for (i, j), value in np.ndenumerate(grid.to_numpy()):
                if np.isfinite(value) and len(xs) * len(ys) <= 64:
                    ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=7,
                            color="white" if value < np.nanmean(grid.to_numpy()) else "black")
        ax.set_title(f"{style.metric_short(metric).capitalize()} ({style.subject_label(subject)})",
                     fontsize=10)
    others = f"; averaged over {', '.join(parameters[2:])}" if len(parameters) > 2 else ""
    style.finish(fig, results, "How the outcome at the end of the run depends on the swept parameters",
                 note=f"mean over replicates{others}")
    return fig
