"""Figures of a calibration folder (analysis/calibration.py reads it).

- prior_to_posterior: per parameter, the prior's density and the posterior's
  weighted histogram; with particles.csv, each generation's median and 95%
  range, so the narrowing can be followed.
- posterior_pairs: scatter of the posterior for the pairs worth a look
  (calibration.correlated_pairs), point size by weight.
- observed_vs_simulated: per target metric and subject, the observations with
  ±2 standard errors and the simulated mean with its 2.5–97.5% band at the
  posterior; held-out targets drawn open and on a shaded span.
"""
import math

import numpy as np
from matplotlib.ticker import MaxNLocator

from analysis import calibration, style

PRIOR_COLOUR = style.OKABE_ITO[0]
POSTERIOR_COLOUR = style.OKABE_ITO[5]
HOLDOUT_COLOUR = style.OKABE_ITO[4]


def _grid(count, columns=3):
    cols = min(columns, count)
    return math.ceil(count / cols), cols


def prior_to_posterior(fitted):
    names = fitted.parameters
    with_path = fitted.particles is not None and fitted.particles["generation"].nunique() > 1
    rows, cols = _grid(len(names))
    panel_rows = rows * (2 if with_path else 1)
    fig, axes = style.new_figure(width=3.6 * cols + 0.6, height=2.7 * panel_rows + 1.2,
                                 rows=panel_rows, cols=cols)
    for ax in axes.ravel():
        ax.set_visible(False)
    for k, name in enumerate(names):
        prior = fitted.prior(name)
        r, c = divmod(k, cols)
        ax = axes[r * (2 if with_path else 1), c]
        ax.set_visible(True)
        low, high = float(prior["low"]), float(prior["high"])
        grid = np.linspace(low, high, 400)
        ax.hist(fitted.posterior[name], bins=25, range=(low, high), weights=fitted.weights,
                density=True, color=POSTERIOR_COLOUR, alpha=0.55, label="posterior")
        ax.plot(grid, calibration.prior_density(prior, grid), color=PRIOR_COLOUR, lw=1.6,
                label=f"prior ({prior['prior'].replace('_', '-')})")
        median = calibration.weighted_quantile(fitted.posterior[name], fitted.weights, 0.5)
        ax.axvline(median, color=POSTERIOR_COLOUR, lw=1.2, ls="--")
        ax.set_title(name, fontsize=9)
        ax.set_yticks([])
        if k == 0:
            ax.legend(fontsize=7.5)
        if with_path:
            path_ax = axes[r * 2 + 1, c]
            path_ax.set_visible(True)
            _generation_path(path_ax, fitted.particles, name, low, high)
    note = ("Black line: the prior's density; blue bars: the posterior (weighted); dashed: its "
            "weighted median. A posterior as wide as the prior means the targets say little "
            "about that parameter.")
    if with_path:
        note += " Lower panels: each generation's median and 95% range (particles.csv)."
    return style.finish(fig, fitted, "What the targets taught about each parameter", note=note)


def _generation_path(ax, particles, name, low, high):
    generations = sorted(particles["generation"].unique())
    medians, lows, highs = [], [], []
    for g in generations:
        rows = particles[particles["generation"] == g]
        w = rows["weight"].to_numpy(dtype=float)
        medians.append(calibration.weighted_quantile(rows[name], w, 0.5))
        lows.append(calibration.weighted_quantile(rows[name], w, 0.025))
        highs.append(calibration.weighted_quantile(rows[name], w, 0.975))
    ax.fill_between(generations, lows, highs, color=POSTERIOR_COLOUR, alpha=0.25, lw=0)
    ax.plot(generations, medians, color=POSTERIOR_COLOUR, marker="o", ms=3)
    ax.set_ylim(low, high)
    ax.set_xlabel("generation")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=7.5)


def posterior_pairs(fitted):
    pairs = calibration.correlated_pairs(fitted)
    if not pairs:
        return None
    rows, cols = _grid(len(pairs))
    fig, axes = style.new_figure(width=3.6 * cols + 0.6, height=3.2 * rows + 1.2, rows=rows,
                                 cols=cols)
    for ax in axes.ravel():
        ax.set_visible(False)
    weights = fitted.weights
    sizes = 8 + 120 * weights / weights.max()
    for k, (first, second, r) in enumerate(pairs):
        ax = axes.ravel()[k]
        ax.set_visible(True)
        ax.scatter(fitted.posterior[first], fitted.posterior[second], s=sizes,
                   color=POSTERIOR_COLOUR, alpha=0.45, lw=0)
        for setter, name in ((ax.set_xlim, first), (ax.set_ylim, second)):
            prior = fitted.prior(name)
            setter(float(prior["low"]), float(prior["high"]))
        ax.set_xlabel(first, fontsize=8)
        ax.set_ylabel(second, fontsize=8)
        ax.set_title(f"weighted r = {r:+.2f}", fontsize=9)
    which = ("every pair" if len(fitted.parameters) <= 4
             else "the pairs whose weighted correlation is at least 0.3 in size")
    return style.finish(fig, fitted, "Which parameters trade off in the posterior",
                        note=f"Posterior particles ({which}), point size by weight, axes spanning "
                             "the prior bounds. A slanted cloud means the targets fix a "
                             "combination of the two, not each alone.")


def _panels(fit):
    return list(dict.fromkeys(zip(fit["metric"], fit["subject"])))


def observed_vs_simulated(fitted):
    fit = fitted.fit
    if not len(fit):
        return None
    x = fitted.step_positions()
    roles = fitted.roles().to_numpy()
    panels = _panels(fit)
    rows, cols = _grid(len(panels), columns=2)
    fig, axes = style.new_figure(width=5.2 * cols + 0.6, height=2.8 * rows + 1.3, rows=rows,
                                 cols=cols)
    for ax in axes.ravel():
        ax.set_visible(False)
    for k, (metric, subject) in enumerate(panels):
        ax = axes.ravel()[k]
        ax.set_visible(True)
        mask = ((fit["metric"] == metric) & (fit["subject"] == subject)).to_numpy()
        order = np.argsort(x[mask])
        xs = x[mask][order]
        rows_here = fit[mask].iloc[order]
        role_here = roles[mask][order]
        held = role_here == "holdout"
        if held.any():
            ax.axvspan(xs[held].min() - 0.5, xs[held].max() + 0.5, color=style.SHADE, lw=0)
        ax.fill_between(xs, rows_here["simulated_low"], rows_here["simulated_high"],
                        color=POSTERIOR_COLOUR, alpha=0.25, lw=0, label="simulated 95% range")
        ax.plot(xs, rows_here["simulated_mean"], color=POSTERIOR_COLOUR, lw=1.4,
                label="simulated mean")
        for part, face, label in ((~held, PRIOR_COLOUR, "observed (fitted), ±2 se"),
                                  (held, "white", "observed (held out), ±2 se")):
            if not part.any():
                continue
            ax.errorbar(xs[part], rows_here["observed"].to_numpy()[part],
                        yerr=2 * rows_here["se"].to_numpy()[part], fmt="o", ms=4,
                        mfc=face, mec=PRIOR_COLOUR, ecolor=PRIOR_COLOUR, lw=1, label=label)
        ax.set_title(f"{style.metric_short(metric).capitalize()}: "
                     f"{style.subject_label(subject)}", fontsize=9)
        ax.set_xlabel(f"{fitted.scenario.get('step_unit', 'step')} (output step)", fontsize=8)
        if k == 0:
            ax.legend(fontsize=7)
    return style.finish(fig, fitted, "Observed and simulated at the posterior, target by target",
                        note="Dots: the targets with ±2 standard errors (open dots and the shaded "
                             "span: held out, never used in the fit). Line and band: the mean and "
                             "2.5–97.5% range of simulations drawn from the posterior (fit.csv).")
