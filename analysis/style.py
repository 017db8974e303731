"""The look shared by every figure: palette, plain-words labels, the footer.

Colours are the Okabe–Ito palette, distinguishable with the common forms of
colour blindness; arms keep the same colour in every figure (the base is
always black). Every figure carries a footer naming the scenario, the detente
version and the commit of the run that made it.
"""
import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # files only, never a window
import matplotlib.pyplot as plt  # noqa: E402

OKABE_ITO = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7",
             "#F0E442"]
SHADE = "#E8E3D3"  # intervention periods
SHOCK = "#A03020"  # crisis markers

# What each metric means, in words a policy reader uses.
METRIC_LABELS = {
    "mean": "Mean trust toward the other group",
    "median": "Median trust toward the other group",
    "p10": "Trust of the least trusting tenth (10th percentile)",
    "p90": "Trust of the most trusting tenth (90th percentile)",
    "sd": "Spread of trust (standard deviation)",
    "trusting_share": "Share who trust the other group",
    "hostile_share": "Share hostile to the other group",
    "bimodality": "Polarisation (bimodality coefficient)",
    "gap": "Gap between the two sides' mean trust",
    "political_space": "Political space (smaller side's share trusting)",
    "cross_tie_share": "Share with a cross-group tie",
    "positive_tie_share": "Share with a positive cross-group tie",
    "backlash_events": "Backlash events (cumulative)",
    "cross_ties": "Cross-group ties",
    "positive_cross_ties": "Positive cross-group ties",
    "spending": "Spending (cumulative)",
}
# Short names for tight places: colour scales, sentences, axis labels of gains.
METRIC_SHORT = {
    "mean": "mean trust", "median": "median trust", "trusting_share": "share trusting",
    "hostile_share": "share hostile", "political_space": "political space", "gap": "trust gap",
    "bimodality": "polarisation",
}
SHARE_METRICS = {"trusting_share", "hostile_share", "political_space", "cross_tie_share",
                 "positive_tie_share"}
TRUST_METRICS = {"mean", "median", "p10", "p90", "sd", "gap"}


def metric_label(metric):
    return METRIC_LABELS.get(metric, metric.replace("_", " ").capitalize())


def metric_short(metric):
    return METRIC_SHORT.get(metric, metric.replace("_", " "))


def metric_unit(metric):
    if metric in SHARE_METRICS:
        return "share of people, 0–1"
    if metric in TRUST_METRICS:
        return "trust, 0–1 scale"
    if metric == "bimodality":
        return "0.56 = uniform, above = two camps"
    if metric == "spending":
        return "currency units"
    return "count" if metric.endswith(("ties", "events")) else ""


def axis_label(metric, short=False):
    unit = metric_unit(metric)
    name = metric_short(metric).capitalize() if short else metric_label(metric)
    if short and metric in TRUST_METRICS:
        unit = "0–1 scale"
    return f"{name} ({unit})" if unit else name


def subject_label(subject):
    """'north->south' → 'north's trust in south'; 'all' → 'both sides'."""
    if "->" in subject:
        source, target = subject.split("->", 1)
        return f"{source}'s trust in {target}"
    return "both sides" if subject == "all" else subject


def arm_label(arm):
    # The base is named by what it does where it is introduced (analysis/arms.py).
    return arm.replace("_", " ")


def arm_colours(arms):
    """A fixed colour per arm, in the order given (the first is the base: black)."""
    return {arm: OKABE_ITO[i % len(OKABE_ITO)] for i, arm in enumerate(arms)}


def time_label(results):
    return f"Time ({results.step_unit}s since the start)"


def new_figure(width=10.0, height=5.5, rows=1, cols=1, **kwargs):
    plt.rcParams.update({"font.size": 10, "axes.titlesize": 11, "axes.titleweight": "bold",
                         "figure.titlesize": 13, "figure.titleweight": "bold",
                         "axes.spines.top": False, "axes.spines.right": False,
                         "axes.grid": True, "grid.alpha": 0.25, "legend.frameon": False})
    return plt.subplots(rows, cols, figsize=(width, height), squeeze=False, **kwargs)


def finish(fig, results, title, note=None, top=None):
    """Title (wrapped to the figure's width), a note on how to read it, and a
    footer with the provenance; then a tidy layout above the footer."""
    width = fig.get_figwidth()
    fig.suptitle(textwrap.fill(title, width=int(width * 9.5)), x=0.01, ha="left")
    footer = (f"scenario: {results.name}   ·   detente {results.version}   ·   "
              f"commit {results.commit}   ·   {results.replicates} replicate"
              f"{'s' if results.replicates != 1 else ''}")
    height = fig.get_figheight()
    line = 0.2 / height  # one footer line, in figure coordinates
    fig.text(0.01, 0.25 * line, footer, fontsize=7.5, color="#555555", ha="left", va="bottom")
    bottom = 1.3 * line
    if note:
        fig.text(0.01, 1.25 * line, textwrap.fill(note, width=int(width * 15)), fontsize=7.5,
                 color="#333333", style="italic", ha="left", va="bottom")
        bottom = 2.5 * line
    if top is None:  # room for the title's lines, whatever the figure's height
        title_lines = fig._suptitle.get_text().count("\n") + 1
        top = 1 - (0.3 + 0.25 * title_lines) / height
    fig.tight_layout(rect=(0, bottom, 1, top))
    return fig


def png_bytes(fig, dpi=100):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def save(fig, path, dpi=150):
    metadata = {"Software": None} if str(path).endswith(".png") else {}
    fig.savefig(path, dpi=dpi, metadata=metadata)
    plt.close(fig)
