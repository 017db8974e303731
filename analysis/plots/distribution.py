"""How trust is spread, not only its mean: fan charts and polarisation.

From the contract's quantiles: for each directed pair and arm the band from
the 10th to the 90th percentile with the median (means over replicates), and
below them the bimodality coefficient, whose rise means the public is
splitting into two camps. With agents.csv, `agent_density` draws the full
distribution over time as a heatmap.
"""
import numpy as np

from analysis import style
from analysis.plots import markers

UNIFORM_BIMODALITY = 5 / 9
MAX_ARMS = 3


def trust_distribution(results):
    pairs = results.pairs
    if not pairs or not all(results.has_metric(m) for m in ("p10", "p90", "median")):
        return None
    arms = results.arms[:MAX_ARMS]
    has_bimodality = results.has_metric("bimodality")
    rows = len(arms) + (1 if has_bimodality else 0)
    cols = len(pairs)
    fig, axes = style.new_figure(width=min(5.0 * cols, 15), height=2.9 * rows + 1.0, rows=rows,
                                 cols=cols, sharex=True)
    colours = style.arm_colours(results.arms)
    for c, pair in enumerate(pairs):
        for r, arm in enumerate(arms):
            ax = axes[r][c]
            markers.mark_periods(ax, results, label_text=False)
            markers.mark_shocks(ax, results, label_text=(r == 0))
            low, high = results.series("p10", pair, arm), results.series("p90", pair, arm)
            median = results.series("median", pair, arm)
            colour = colours[arm] if arm != "base" else style.OKABE_ITO[5]
            ax.fill_between(low["step"], low["mean"], high["mean"].to_numpy(), color=colour,
                            alpha=0.25, lw=0, label="middle 80% of people (p10–p90)")
            ax.plot(median["step"], median["mean"], color=colour, lw=1.8, label="median")
            ax.axhline(results.threshold_trusting, color="#777777", lw=0.8, ls=":")
            ax.axhline(results.threshold_hostile, color="#777777", lw=0.8, ls=":")
            ax.set_ylim(0, 1)
            ax.set_title(f"{style.subject_label(pair).capitalize()} — {style.arm_label(arm)}")
            if c == 0:
                ax.set_ylabel("Trust (0–1 scale)")
            if r == 0 and c == cols - 1:
                ax.text(1.0, results.threshold_trusting, " trusting", fontsize=7.5,
                        color="#555555", va="bottom", ha="right",
                        transform=ax.get_yaxis_transform())
                ax.text(1.0, results.threshold_hostile, " hostile", fontsize=7.5,
                        color="#555555", va="top", ha="right", transform=ax.get_yaxis_transform())
            if r == 0 and c == 0:
                ax.legend(loc="lower right", fontsize=8)
        if has_bimodality:
            ax = axes[len(arms)][c]
            markers.mark_periods(ax, results, label_text=False)
            markers.mark_shocks(ax, results, label_text=False)
            for arm in arms:
                series = results.series("bimodality", pair, arm)
                ax.fill_between(series["step"], series["ci_low"], series["ci_high"],
                                color=colours[arm], alpha=0.2 if len(arms) == 1 else 0.1, lw=0)
                ax.plot(series["step"], series["mean"], color=colours[arm], lw=1.5,
                        label=style.arm_label(arm))
            ax.axhline(UNIFORM_BIMODALITY, color="#777777", lw=0.8, ls=":",
                       label="evenly spread (5/9)")
            ax.set_title(f"Polarisation of {style.subject_label(pair)}")
            if c == 0:
                ax.set_ylabel("Bimodality coefficient\n(above 0.56: two camps)")
            if c == 0:
                ax.legend(loc="upper left", fontsize=8)
    for ax in axes[-1]:
        ax.set_xlabel(style.time_label(results))
        ax.set_xlim(0, results.last_step)
    style.finish(fig, results, "How trust is spread across each public over time",
                 note="bands and lines: means over replicates")
    return fig


def agent_density(results, bins=40):
    """Heatmap of every agent's trust over time (base arm, first replicate)."""
    agents = results.agents
    if agents is None or not len(agents):
        return None
    arm = "base" if (agents["arm"] == "base").any() else agents["arm"].iloc[0]
    agents = agents[agents["arm"] == arm]
    agents = agents[agents["replicate"] == agents["replicate"].min()]
    subjects = list(dict.fromkeys(agents["subject"]))
    fig, axes = style.new_figure(width=min(5.2 * len(subjects), 15), height=4.6,
                                 cols=len(subjects), sharey=True)
    steps = np.sort(agents["step"].unique())
    edges = np.linspace(0, 1, bins + 1)
    image = None
    for ax, subject in zip(axes[0], subjects):
        rows = agents[agents["subject"] == subject]
        density = np.zeros((bins, len(steps)))
        for i, (_step, values) in enumerate(rows.groupby("step")["value"]):
            counts, _ = np.histogram(values.clip(0, 1), bins=edges)
            density[:, i] = counts / max(counts.sum(), 1)
        half = (steps[1] - steps[0]) / 2 if len(steps) > 1 else 0.5
        image = ax.imshow(density, origin="lower", aspect="auto", cmap="viridis",
                          extent=(steps[0] - half, steps[-1] + half, 0, 1))
        markers.mark_shocks(ax, results)
        ax.grid(False)
        ax.set_title(style.subject_label(subject).capitalize())
        ax.set_xlabel(style.time_label(results))
    axes[0][0].set_ylabel("Trust (0–1 scale)")
    style.finish(fig, results, f"Every person's trust over time ({style.arm_label(arm)}, "
                               "one replicate): where the public gathers")
    fig.subplots_adjust(right=0.88)  # room for the colour scale, placed after the layout
    scale = fig.add_axes([0.905, 0.2, 0.015, 0.62])
    scale.grid(False)
    fig.colorbar(image, cax=scale, label="share of agents in the band")
    return fig
