"""The figures, in the order a brief shows them, and which apply to a folder.

    for figure in applicable(results):
        fig = figure.render(results)
"""
from dataclasses import dataclass
from typing import Callable

from analysis.plots import compare, cost, distribution, sensitivity, sweep, trust


@dataclass(frozen=True)
class Figure:
    slug: str  # file name stem
    title: str
    render: Callable  # Results -> matplotlib Figure or None
    caption: str


FIGURES = [
    Figure("trust_over_time", "Trust over time", trust.trust_over_time,
           "Mean trust of each side toward the other, one line per strategy (arm), with the 95% "
           "confidence band over replicates. Shaded: periods when a programme runs; dashed: "
           "crises."),
    Figure("arm_comparison", "Strategies compared with the base", compare.arm_comparison,
           "Each strategy's difference from the base at the end of the run, paired by replicate "
           "(the arms share their random numbers, so the difference is the policy, not the "
           "noise), with 95% confidence intervals."),
    Figure("cost_effectiveness", "Cost-effectiveness", cost.cost_effectiveness,
           "Gain over the base against spending, the base at its own spending. No strategy "
           "gains more for less than one on the frontier line; the others are dominated."),
    Figure("trust_distribution", "How trust is spread", distribution.trust_distribution,
           "The band holds the middle 80% of each public (10th to 90th percentile) with the "
           "median as a line; dotted lines mark the trusting and hostile thresholds. The bottom "
           "row shows polarisation: above 5/9 the public is splitting into two camps."),
    Figure("agent_density", "Every person's trust over time", distribution.agent_density,
           "The share of agents at each level of trust, step by step (from agents.csv): bright "
           "bands are where people gather; two bands mean two camps."),
    Figure("sweep_trajectories", "Every sweep point over time", sweep.sweep_trajectories,
           "One thin line per point of the sweep (its mean over replicates), coloured by the "
           "first swept parameter, over the band holding 80% of the points and their median."),
    Figure("sweep_heatmap", "Parameter sweep", sweep.sweep_heatmap,
           "The outcome at the end of the run over the swept parameters (mean over replicates)."),
    Figure("sensitivity", "Sensitivity", sensitivity.sensitivity_bars,
           "Which parameters move the outcome most: Morris μ* and σ, or Sobol first-order and "
           "total indices."),
]


def by_slug(slug):
    for figure in FIGURES:
        if figure.slug == slug:
            return figure
    raise KeyError(slug)


def render_all(results):
    """(Figure, matplotlib figure) for every figure the folder has data for."""
    out = []
    for figure in FIGURES:
        fig = figure.render(results)
        if fig is not None:
            out.append((figure, fig))
    return out
