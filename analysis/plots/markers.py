"""What every time axis shows: intervention periods shaded, crises marked."""
import math

from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis import style


def mark_periods(ax, results, label_text=True):
    for period in results.periods:
        ax.axvspan(period.start, period.end, color=style.SHADE, alpha=0.8, lw=0, zorder=0)
        if label_text:
            ax.text(period.start, 0.99, f" {period.name}", transform=ax.get_xaxis_transform(),
                    fontsize=7.5, color="#6b6245", va="top", ha="left", clip_on=True)


def mark_shocks(ax, results, label_text=True):
    for shock in results.shocks:
        ax.axvline(shock.step, color=style.SHOCK, lw=1.2, ls="--", zorder=1)
        if label_text:
            size = "" if math.isnan(shock.magnitude) else f" ({shock.magnitude:g})"
            ax.text(shock.step, 0.92, f" crisis{size}", transform=ax.get_xaxis_transform(),
                    fontsize=7.5, color=style.SHOCK, va="top", ha="left")


def legend_extras(results):
    """Legend entries for the shading and the crisis markers, when there are any."""
    handles = []
    if results.periods:
        handles.append(Patch(color=style.SHADE, label="programme running"))
    if results.shocks:
        handles.append(Line2D([], [], color=style.SHOCK, ls="--", label="crisis"))
    return handles


def grid_shape(count, max_cols=3):
    cols = min(count, max_cols)
    rows = -(-count // cols)
    return rows, cols


def hide_unused(axes, used):
    for ax in axes.flat[used:]:
        ax.set_visible(False)
