"""Sensitivity analysis: which parameters move the outcome.

Morris screening: μ* (mean absolute elementary effect: how much a parameter
matters) beside σ (how much its effect depends on the others). Sobol: the
first-order index S1 (share of the variance a parameter explains alone)
beside the total index ST (alone and in interaction). Bars carry their 95%
interval when sensitivity.csv has one. Sobol indices are shares of a
variance: their axis runs from 0 to 1, and a value outside it (noise, too few
samples) is drawn at the edge with an arrow and its number. `warnings` names
the indices that cannot be right beyond their intervals, as `detente sweep`
does on the console.
"""
import math
import textwrap

import numpy as np

from analysis import style

INDICES = {"morris": [("mu_star", "μ* (overall effect)"), ("sigma", "σ (interactions, non-linearity)")],
           "sobol": [("S1", "S1 (alone)"), ("ST", "ST (alone and in interaction)")]}
MAX_METRICS = 2


def _metrics(frame):
    return list(dict.fromkeys(zip(frame["metric"], frame["subject"])))[:MAX_METRICS]


def warnings(frame):
    """Sentences for Sobol indices outside [0, 1] or with S1 > ST, beyond their intervals."""
    if frame is None or not len(frame):
        return []
    sobol = frame[frame["method"] == "sobol"]
    out = []
    for (parameter, metric, subject), rows in sobol.groupby(["parameter", "metric", "subject"],
                                                            sort=False):
        by_index = rows.set_index("index")
        where = f"{parameter} on {metric}/{subject}"
        for index in ("S1", "ST"):
            if index not in by_index.index:
                continue
            r = by_index.loc[index]
            if r["ci_high"] < 0 or r["ci_low"] > 1:
                out.append(f"{where}: {index} = {r['value']:.3f} [{r['ci_low']:.3f}, "
                           f"{r['ci_high']:.3f}] lies outside [0, 1]")
        if {"S1", "ST"} <= set(by_index.index):
            first, total = by_index.loc["S1"], by_index.loc["ST"]
            if first["ci_low"] > total["ci_high"]:
                out.append(f"{where}: S1 = {first['value']:.3f} exceeds ST = "
                           f"{total['value']:.3f} beyond their intervals, which cannot be")
    return out


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
    flagged = False
    for r, method in enumerate(methods):
        for c, (metric, subject) in enumerate(metrics):
            ax = axes[r][c]
            rows = frame[(frame["method"] == method) & (frame["metric"] == metric)
                         & (frame["subject"] == subject)]
            (lead, _), _ = INDICES[method]
            order = (rows[rows["index"] == lead].set_index("parameter")["value"]
                     .reindex(parameters).fillna(0).sort_values())
            y = np.arange(len(order))
            clip = (0.0, 1.0) if method == "sobol" else (-math.inf, math.inf)
            for k, (index, label) in enumerate(INDICES[method]):
                values = rows[rows["index"] == index].set_index("parameter").reindex(order.index)
                shown = values["value"].fillna(0).clip(*clip)
                low = (shown - values["ci_low"].clip(*clip)).clip(lower=0).fillna(0)
                high = (values["ci_high"].clip(*clip) - shown).clip(lower=0).fillna(0)
                offset = 0.2 if k == 0 else -0.2
                ax.barh(y + offset, shown, height=0.38, xerr=[low, high],
                        color=style.OKABE_ITO[5 if k == 0 else 1],
                        error_kw={"lw": 1, "capsize": 2}, label=label)
                if method != "sobol":
                    continue
                for yy, value in zip(y + offset, values["value"]):
                    if np.isfinite(value) and not 0 <= value <= 1:
                        flagged = True
                        edge = 1.0 if value > 1 else 0.0
                        ax.annotate(f"{'▶' if value > 1 else '◀'} {value:.2f}", (edge, yy),
                                    xytext=(-4 if value > 1 else 4, 0), textcoords="offset points",
                                    ha="right" if value > 1 else "left", va="center",
                                    fontsize=8, color=style.SHOCK, fontweight="bold")
            if method == "sobol":
                ax.set_xlim(0, 1)
            ax.set_yticks(y, [p.split(".")[-1] if len(p) > 30 else p for p in order.index],
                          fontsize=8)
            ax.grid(axis="y", visible=False)
            title = (f"{'Morris screening' if method == 'morris' else 'Sobol indices'}: "
                     f"{style.metric_label(metric).lower()}"
                     + ("" if subject == "all" else f" ({style.subject_label(subject)})"))
            ax.set_title(textwrap.fill(title, 48), fontsize=10)
            ax.set_xlabel("index (in the outcome's units)" if method == "morris"
                          else "share of the outcome's variance (0–1)")
            if c == 0:
                ax.set_ylabel("Parameter")
                ax.legend(loc="best", fontsize=8)
    note = "longest bars first; bars: 95% interval where given"
    if flagged:
        note += ("; red arrows: an estimate outside [0, 1], drawn at the edge with its value "
                 "(too few samples or too noisy an outcome)")
    style.finish(fig, results, "Which parameters matter most for the outcome", note=note)
    return fig
