"""Sensitivity analysis: which parameters move the outcome.

Morris screening: μ* (mean absolute elementary effect: how much a parameter
matters) beside σ (how much its effect depends on the others). Sobol: the
first-order index S1 (share of the variance a parameter explains alone)
beside the total index ST (alone and in interaction). Bars carry their 95%
interval when sensitivity.csv has one.
"""
import numpy as np

from analysis import comparison, style

INDICES = {"morris": [("mu_star", "μ* (overall effect)"), ("sigma", "σ (interactions, non-linearity)")],
           "sobol": [("S1", "S1 (alone)"), ("ST", "ST (alone and in interaction)")]}
MAX_METRICS = 2


def _metrics(frame):
    present = list(dict.fromkeys(zip(frame["metric"], frame["subject"])))
    ordered = [k for k in comparison.HEADLINE_METRICS if k in present]
    return (ordered + [k for k in present if k not in ordered])[:MAX_METRICS]


def sensitivity_bars(results):
    frame = results.sensitivity
    if frame is None or not len(frame):
        return None
    methods = [m for m in INDICES if (frame["method"] == m).any()]
    if not methods:
        return None
    metrics = _metrics(frame)
    parameters = list(dict.fromkeys(frame["parameter"]))
    fig, axes = style.new_figure(width=5.8 * len(metrics) + 0.8,
                                 height=(0.45 * len(parameters) + 1.6) * len(methods) + 0.8,
                                 rows=len(methods), cols=len(metrics))
    for r, method in enumerate(methods):
        for c, (metric, subject) in enumerate(metrics):
            ax = axes[r][c]
            rows = frame[(frame["method"] == method) & (frame["metric"] == metric)
                         & (frame["subject"] == subject)]
            (lead, _), (second, _) = INDICES[method]
            order = (rows[rows["index"] == lead].set_index("parameter")["value"]
                     .reindex(parameters).fillna(0).sort_values())
            y = np.arange(len(order))
            for k, (index, label) in enumerate(INDICES[method]):
                values = rows[rows["index"] == index].set_index("parameter").reindex(order.index)
                low = (values["value"] - values["ci_low"]).clip(lower=0).fillna(0)
                high = (values["ci_high"] - values["value"]).clip(lower=0).fillna(0)
                ax.barh(y + (0.2 if k == 0 else -0.2), values["value"].fillna(0), height=0.38,
                        xerr=[low, high], color=style.OKABE_ITO[5 if k == 0 else 1],
                        error_kw={"lw": 1, "capsize": 2}, label=label)
            ax.set_yticks(y, [p.split(".")[-1] if len(p) > 30 else p for p in order.index],
                          fontsize=8)
            ax.grid(axis="y", visible=False)
            ax.set_title(f"{'Morris screening' if method == 'morris' else 'Sobol indices'}: "
                         f"{style.metric_label(metric).lower()}", fontsize=10)
            ax.set_xlabel("index (in the outcome's units)" if method == "morris"
                          else "share of the outcome's variance (0–1)")
            if c == 0:
                ax.set_ylabel("Parameter")
                ax.legend(loc="lower right", fontsize=8)
    style.finish(fig, results, "Which parameters matter most for the outcome",
                 note="longest bars first; bars: 95% interval where given")
    return fig
