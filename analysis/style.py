"""The look shared by every figure: palette, plain-words labels, the footer.

Metric labels and units come from detente's metric table (metrics.py).

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

from analysis import metrics  # noqa: E402

OKABE_ITO = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7",
             "#F0E442"]
SHADE = "#E8E3D3"  # intervention periods
SHOCK = "#A03020"  # crisis markers

def metric_label(metric):
    return metrics.label(metric)


def metric_short(metric):
    return metrics.short_label(metric)


def metric_unit(metric):
    """The unit for an axis, in a policy reader's words."""
    if metrics.is_share(metric):
        return "share of people, 0–1"
    if metrics.is_trust(metric):
        return "trust, 0–1 scale"
    return metrics.unit(metric)


def axis_label(metric, short=False):
    unit = metric_unit(metric)
    name = metric_short(metric).capitalize() if short else metric_label(metric)
    if short and metrics.is_trust(metric):
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
