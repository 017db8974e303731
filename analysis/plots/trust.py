"""Trust over time per directed pair: one line per arm with its 95% band."""
from matplotlib.patches import Patch

from analysis import arms, metrics, style
from analysis.plots import markers


def trust_over_time(results, metric=metrics.named("mean")):
    pairs = results.pairs
    if not pairs or not results.has_metric(metric):
        return None
    rows, cols = markers.grid_shape(len(pairs), max_cols=2)
    fig, axes = style.new_figure(width=5.4 * cols, height=4.2 * rows + 0.9, rows=rows, cols=cols,
                                 sharey=True)
    colours = style.arm_colours(results.arms)
    handles = []
    for ax, pair in zip(axes.flat, pairs):
        markers.mark_periods(ax, results)
        markers.mark_shocks(ax, results)
        for arm in results.arms:
            series = results.series(metric, pair, arm)
            if not len(series):
                continue
            ax.fill_between(series["step"], series["ci_low"], series["ci_high"],
                            color=colours[arm], alpha=0.2 if len(results.arms) == 1 else 0.12,
                            lw=0)
            (line,) = ax.plot(series["step"], series["mean"], color=colours[arm], lw=1.8,
                              label=arms.short_base_label(results) if arm == "base"
                              else style.arm_label(arm))
            if ax is axes.flat[0]:
                handles.append(line)
        ax.set_title(style.subject_label(pair).capitalize())
        ax.set_xlabel(style.time_label(results))
        ax.set_xlim(0, results.last_step)
    markers.hide_unused(axes, len(pairs))
    for row in axes:
        row[0].set_ylabel(style.axis_label(metric, short=True))
    handles.append(Patch(color="#999999", alpha=0.3, label="95% confidence band"))
    handles += markers.legend_extras(results)
    columns = min(len(handles), 6)
    legend_rows = -(-len(handles) // columns)
    top = 1 - (0.55 + 0.25 * legend_rows) / fig.get_figheight()
    title = f"{style.metric_label(metric)}, each side toward the other, over time"
    style.finish(fig, results, title, top=top)
    # Just above the panels' titles, whatever room the layout left.
    above = max(ax.get_position().y1 for ax in axes.flat) + 0.32 / fig.get_figheight()
    fig.legend(handles=handles, loc="lower center", ncol=columns,
               bbox_to_anchor=(0.5, min(above, top)), frameon=False)
    return fig
