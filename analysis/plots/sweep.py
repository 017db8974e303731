"""Parameter sweeps: each point's trajectory, and the outcome over the swept parameters.

sweep_points.csv names each point's parameter values; sweep.csv holds each
point's replicates at the final step; results.db's summaries hold each
point's mean over replicates at every output step. The trajectories figure
draws one thin line per point, coloured by the first parameter, over the
10–90% fan across points. The heatmap shows the mean over replicates (and
over any further parameters) on the grid of the first two parameters; the
points of a sampling design (Latin hypercube, Morris, Sobol) are binned into
quantile bins. With one parameter it draws the outcome against it with a 95%
band. Titles name the design the folder ran (run.json, else scenario.yaml).
"""
import matplotlib
import numpy as np
import pandas as pd

from analysis import stats, style

MAX_LEVELS = 12  # more distinct values than this on an axis: bin them
BINS = 6
MAX_PANELS = 3
DESIGN_NAMES = {"grid": "grid", "latin_hypercube": "Latin hypercube", "morris": "Morris",
                "sobol": "Sobol (Saltelli sampling)"}


def design_name(results):
    design = results.design
    return DESIGN_NAMES.get(design, str(design).replace("_", " ")) if design else "unknown design"


def _outcomes(results, limit=2):
    """The sweep's outcomes in the order the scenario lists them."""
    return list(dict.fromkeys(zip(results.sweep["metric"], results.sweep["subject"])))[:limit]


def sweep_trajectories(results):
    """Every point's mean trajectory, coloured by the first parameter, over the fan across points."""
    summary = results.sweep_summary
    if summary is None or results.sweep is None or results.sweep_points is None:
        return None
    parameters = [c for c in results.sweep_points.columns if c != "point"]
    outcomes = [k for k in _outcomes(results, MAX_PANELS)
                if ((summary["metric"] == k[0]) & (summary["subject"] == k[1])).any()]
    if not parameters or not outcomes:
        return None
    colour_by = parameters[0]
    values = results.sweep_points.set_index("point")[colour_by]
    norm = matplotlib.colors.Normalize(values.min(), values.max())
    cmap = matplotlib.colormaps["viridis"]
    fig, axes = style.new_figure(width=5.2 * len(outcomes) + 1.2, height=4.8, cols=len(outcomes))
    for ax, (metric, subject) in zip(axes[0], outcomes):
        rows = summary[(summary["metric"] == metric) & (summary["subject"] == subject)]
        wide = rows.pivot_table(index="step", columns="point", values="mean")
        for point in wide.columns:
            ax.plot(wide.index, wide[point], lw=0.7, alpha=0.45,
                    color=cmap(norm(values.get(point, np.nan))))
        low, mid, high = (wide.quantile(q, axis=1) for q in (0.1, 0.5, 0.9))
        ax.fill_between(wide.index, low, high, color="#999999", alpha=0.18, lw=0)
        ax.plot(wide.index, low, color="black", lw=1.2, ls="--", label="10th and 90th percentile "
                "of points")
        ax.plot(wide.index, high, color="black", lw=1.2, ls="--")
        ax.plot(wide.index, mid, color="black", lw=1.8, label="median over points")
        ax.set_title(f"{style.metric_short(metric).capitalize()} ({style.subject_label(subject)})",
                     fontsize=10)
        ax.set_xlabel(style.time_label(results))
        ax.set_ylabel(style.axis_label(metric, short=True))
        ax.legend(loc="best", fontsize=8)
    mappable = matplotlib.cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(mappable, ax=axes[0][-1], label=colour_by, shrink=0.9)
    style.finish(fig, results, f"Each sweep point over time: {len(values)} points of the "
                               f"{design_name(results)} design",
                 note="thin lines: one point each (mean over its replicates), coloured by "
                      f"{colour_by}; dashed and solid black: 10th, 90th percentile and median "
                      "across points")
    return fig


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
    binned = "" if results.design == "grid" else "; sampled points binned by quantile"
    style.finish(fig, results, "How the outcome at the end of the run depends on the swept "
                               f"parameters ({design_name(results)} design)",
                 note=f"mean over replicates{others}{binned}")
    return fig
