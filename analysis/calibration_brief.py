"""The brief of a calibration folder: what was fitted to what, what the
targets taught about each parameter, the acceptance path, and which targets
the model misses (|standardised residual| > 2), fitted and held out apart.

Wording follows the evidence: a parameter is called constrained only by how
much narrower its posterior is than its prior, a target missed only by its
residual, and a hindcast judged only on the held-out rows of fit.csv.
"""
import shlex

import numpy as np

from analysis import calibration, html, style
from analysis.plots import calibration as plots

FIGURES = [
    ("prior_to_posterior", "Prior to posterior", plots.prior_to_posterior,
     "Each parameter's prior density and its posterior (weighted histogram)."),
    ("posterior_pairs", "Posterior pairs", plots.posterior_pairs,
     "Pairs of parameters in the posterior: every pair with at most four parameters, else the "
     "pairs whose weighted correlation is 0.3 or more in size."),
    ("observed_vs_simulated", "Observed and simulated", plots.observed_vs_simulated,
     "Each target with ±2 standard errors against the simulated mean and 95% range at the "
     "posterior; held-out targets open, on a shaded span."),
]


def render_all(fitted):
    """(slug, title, caption, matplotlib figure) for every figure with data."""
    out = []
    for slug, title, render, caption in FIGURES:
        fig = render(fitted)
        if fig is not None:
            out.append((slug, title, caption, fig))
    return out


def _number(value):
    return f"{value:.4g}"


def _prior_text(prior):
    kind = prior["prior"]
    bounds = f"[{_number(prior['low'])}, {_number(prior['high'])}]"
    if kind == "normal":
        return f"normal(mean {_number(prior['mean'])}, sd {_number(prior['sd'])}) on {bounds}"
    if kind == "beta":
        return f"beta({_number(prior['a'])}, {_number(prior['b'])}) on {bounds}"
    return f"{kind.replace('_', '-')} on {bounds}"


def _targets_text(fitted):
    fit = fitted.fit
    roles = fitted.roles()
    n_fit, n_hold = int((roles == "fit").sum()), int((roles == "holdout").sum())
    metrics = ", ".join(dict.fromkeys(fit["metric"]))
    subjects = ", ".join(dict.fromkeys(fit["subject"]))
    text = (f"{len(fitted.parameters)} parameter{'s' if len(fitted.parameters) != 1 else ''} "
            f"fitted to {n_fit} target{'s' if n_fit != 1 else ''} ({metrics}; subjects "
            f"{subjects})")
    if n_hold:
        text += (f"; {n_hold} further target{'s' if n_hold != 1 else ''} held out: simulated at "
                 "the posterior but never used in the fit")
    return text + "."


def _what(fitted):
    body = html.paragraph(_targets_text(fitted))
    description = fitted.scenario.get("description")
    if description:
        body += html.paragraph(f"The scenario: {description}")
    sources = list(dict.fromkeys(fitted.fit["source"].fillna("").astype(str)))
    missing = sum(1 for s in sources if not s.strip())
    shown = [s for s in sources if s.strip()][:12]
    body += html.paragraph("Where the targets come from (fit.csv's source column"
                           + (f", the first {len(shown)} of {len(sources)} distinct sources"
                              if len(sources) > len(shown) + missing else "") + "):")
    body += "<ul>" + "".join(f"<li>{html.text(s)}</li>" for s in shown) + "</ul>"
    if missing:
        body += html.paragraph(f"{missing} target row(s) name no source.", "warning")
    return html.section("fitted", "What was fitted to what", body)


def _parameters(fitted):
    rows, notes = [], []
    for name in fitted.parameters:
        prior = fitted.prior(name)
        values = fitted.posterior[name]
        median = calibration.weighted_quantile(values, fitted.weights, 0.5)
        low = calibration.weighted_quantile(values, fitted.weights, 0.025)
        high = calibration.weighted_quantile(values, fitted.weights, 0.975)
        prior_low, prior_high = calibration.prior_quantiles(prior)
        share = (high - low) / (prior_high - prior_low) if prior_high > prior_low else float("nan")
        rows.append((name, _prior_text(prior), _number(median),
                     f"[{_number(low)}, {_number(high)}]", f"{share:.0%}"))
        if share > 0.8:
            notes.append(name)
    body = html.table(["parameter", "prior", "posterior median", "posterior 95% range",
                       "width of the prior's 95% range"], rows, numeric=(2, 3, 4))
    ess = 1.0 / float((fitted.weights ** 2).sum())
    body += html.paragraph(f"Posterior: {len(fitted.posterior)} particles, effective sample size "
                           f"{ess:.0f} (weighted quantiles).")
    if notes:
        body += html.paragraph("The targets say little about " + ", ".join(notes) + ": the "
                               "posterior's 95% range keeps more than 80% of the prior's.", "note")
    return html.section("parameters", "What the targets taught about each parameter", body)


def _acceptance(fitted):
    gens = fitted.generations
    if gens is None or not len(gens):
        return html.section("acceptance", "The acceptance path",
                            html.paragraph("This folder has no generations.csv, so the path of "
                                           "tolerances and acceptance is not shown.", "note"))
    rows = [(int(g["generation"]), _number(g["tolerance"]), int(g["proposed"]),
             int(g["accepted"]), f"{g['acceptance_rate']:.1%}", f"{g['ess']:.0f}",
             int(g["simulations"])) for _, g in gens.iterrows()]
    body = html.table(["generation", "tolerance", "proposed", "accepted", "acceptance",
                       "effective sample size", "simulations so far"], rows,
                      numeric=(0, 1, 2, 3, 4, 5, 6))
    last = gens.iloc[-1]
    block = fitted.scenario.get("calibrate") or {}
    floor = block.get("min_acceptance")
    text = (f"{len(gens)} generation{'s' if len(gens) != 1 else ''}, "
            f"{int(last['simulations'])} simulations in all; the last accepted "
            f"{last['acceptance_rate']:.1%} of its proposals at tolerance "
            f"{_number(last['tolerance'])}.")
    reason = fitted.run.get("stop_reason")
    if reason == "tolerance":
        text += (" It stopped at the tolerance floor of 1: the runs lie within the targets' "
                 "standard errors, and a smaller tolerance would fit them more closely than the "
                 "targets are known.")
    elif reason == "budget":
        text += (" It stopped because the budget ran out before the tolerance reached 1 (the "
                 "targets' standard errors): the posterior may be wider than the targets allow.")
    elif floor is not None and float(last["acceptance_rate"]) < float(floor):
        text += (f" It stopped because acceptance fell below {float(floor):.1%}: further "
                 "generations would have cost more than they could narrow.")
    body += html.paragraph(text)
    return html.section("acceptance", "The acceptance path", body)


def _target_label(row):
    return f"{row['metric']} of {style.subject_label(row['subject'])} at step {row['step']}"


def _misses(fitted, role):
    fit = fitted.fit[fitted.roles() == role]
    missed = fit[fit["standardised_residual"].abs() > calibration.MISS]
    return fit, missed


def _residuals(fitted):
    body = ""
    for role, title in (("fit", "Fitted targets"), ("holdout", "Held-out targets")):
        fit, missed = _misses(fitted, role)
        if not len(fit):
            continue
        body += f"<h3>{html.text(title)}</h3>"
        if missed.empty:
            text = (f"All {len(fit)} lie within 2 standard errors of the simulated mean "
                    "(|standardised residual| ≤ 2).")
        else:
            named = "; ".join(f"{_target_label(r)} ({r['standardised_residual']:+.1f})"
                              for _, r in missed.head(20).iterrows())
            more = f"; and {len(missed) - 20} more" if len(missed) > 20 else ""
            text = (f"The model misses {len(missed)} of {len(fit)} (|standardised residual| > 2, "
                    f"residual = (simulated − observed) / se): {named}{more}.")
        body += html.paragraph(text)
        inside = ((fit["observed"] >= fit["simulated_low"])
                  & (fit["observed"] <= fit["simulated_high"])).sum()
        error = (fit["simulated_mean"] - fit["observed"]).abs()
        body += html.paragraph(
            f"The simulated 2.5–97.5% range holds the observation for {int(inside)} of "
            f"{len(fit)}; mean absolute error {error.mean():.3g} on the targets' own scale "
            f"(largest {error.max():.3g}).")
        if role == "holdout":
            body += html.paragraph(
                "These rows were not used in the fit, so they are the hindcast's test: "
                "how far the model, fitted to the earlier targets, lands from the later ones.")
        rows = [(r["metric"], r["subject"], r["step"], _number(r["observed"]), _number(r["se"]),
                 _number(r["simulated_mean"]),
                 f"[{_number(r['simulated_low'])}, {_number(r['simulated_high'])}]",
                 f"{r['standardised_residual']:+.2f}", r["source"])
                for _, r in fit.iterrows()]
        body += html.table(["metric", "subject", "step", "observed", "se", "simulated mean",
                            "simulated 95% range", "residual", "source"], rows,
                           numeric=(3, 4, 5, 6, 7))
    return html.section("residuals", "How well the posterior reproduces the targets", body)


def _figures(rendered):
    body = "".join(html.image(style.png_bytes(fig, dpi=100), alt=f"{title}: {caption}",
                              element_id=f"figure-{slug}", caption=caption)
                   for slug, title, caption, fig in rendered)
    return html.section("figures", "Figures", body)


def _provenance(fitted):
    run = fitted.run
    rows = [("detente version", fitted.version), ("commit", fitted.commit),
            ("seed", run.get("seed", "unknown")),
            ("threads", run.get("threads", "unknown")),
            ("wall time", f"{float(run['wall_seconds']):.1f} s" if "wall_seconds" in run
             else "unknown"),
            ("files read", ", ".join(fitted.files))]
    if fitted.particles is None:
        rows.append(("particles.csv", "absent: the generations' path is not drawn"))
    body = html.table(["", ""], rows).replace("<thead><tr><th></th><th></th></tr></thead>", "")
    if fitted.command_line:
        body += html.paragraph("The command that made this calibration:")
        body += f"<pre>{html.text(fitted.command_line)}</pre>"
    else:
        body += html.paragraph("run.json does not record the command that made this folder.",
                               "note")
    body += html.paragraph("Rebuild this brief with:")
    body += f"<pre>detente report {html.text(shlex.quote(str(fitted.directory)))}</pre>"
    return html.section("provenance", "Provenance", body)


def build(fitted):
    """The calibration brief's HTML text."""
    rendered = render_all(fitted)
    header = (f"<header><h1>Calibration brief: {html.text(fitted.name)}</h1>"
              f"<p class=\"meta\">detente {html.text(fitted.version)} (commit "
              f"{html.text(fitted.commit)}) · folder <code>{html.text(fitted.directory)}</code>"
              "</p></header>")
    body = (header + _what(fitted) + _parameters(fitted) + _acceptance(fitted)
            + _residuals(fitted) + _figures(rendered) + _provenance(fitted))
    return html.page(f"Calibration brief: {fitted.name}", body)


def weighted_means(fitted):
    """{parameter: weighted posterior mean}, for scripts and tests."""
    return {p: float(np.average(fitted.posterior[p], weights=fitted.weights))
            for p in fitted.parameters}
