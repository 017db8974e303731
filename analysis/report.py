"""The policy brief: one self-contained HTML file from a result folder.

    python3 -m analysis.report RESULTS_DIR [--out FILE.html]

(also `python3 -m analysis report …` and `detente report …`). The brief has
the question, the headline with its figure, the scenario's assumptions, the
comparison of strategies and their cost-effectiveness ranking when the run
has arms and spending, the other figures, the caveats and the provenance.
Exit codes: 0 written, 2 not a result folder (or a bad option), 1 anything else.
"""
import argparse
import datetime
import math
import os
import shlex
import sys
import tempfile
from pathlib import Path

from analysis import (arms, assumptions, calibration, calibration_brief, caveats, comparison,
                      contract, events, figures, headline, html, metrics, robustness, style)
from analysis.plots import cost, sensitivity
from analysis.plots import sweep as sweep_plots

HEADLINE_FIGURE = "trust_over_time"


def _figure_html(figure, fig, element_id=None):
    return html.image(style.png_bytes(fig, dpi=100), alt=f"{figure.title}: {figure.caption}",
                      element_id=element_id, caption=figure.caption)


def _header(results):
    started = results.run.get("started_at", "")
    if results.run:
        made = (f"Simulated with detente {html.text(results.version)} (commit "
                f"{html.text(results.commit)}) on {html.text(started[:10] or 'an unknown date')}")
    else:
        made = ("Provenance unknown: this folder has no run.json (brief written "
                f"{datetime.date.today().isoformat()})")
    return (f"<header><h1>Policy brief: {html.text(results.name)}</h1>"
            f"<p class=\"meta\">{made} · "
            f"{results.replicates} replicates · results folder "
            f"<code>{html.text(results.directory)}</code></p></header>")


def _question(results):
    body = html.paragraph(headline.question(results), "question")
    description = results.scenario.get("description")
    if description:
        body += html.paragraph(f"The scenario: {description}")
    return html.section("question", "The question", body)


def _headline(results, rendered):
    tiles = "".join(f'<div class="tile"><div class="label">{html.text(label)}</div>'
                    f'<div class="value">{html.text(value)}</div>'
                    f'<div class="detail">{html.text(detail)}</div></div>'
                    for label, value, detail in headline.key_numbers(results))
    body = f'<div class="tiles">{tiles}</div>' if tiles else ""
    body += '<div class="headline">' + "".join(html.paragraph(s) for s in
                                               headline.sentences(results)) + "</div>"
    if HEADLINE_FIGURE in rendered:
        figure, fig = rendered.pop(HEADLINE_FIGURE)
        body += _figure_html(figure, fig, element_id="headline-figure")
    if not tiles and body.endswith('<div class="headline"></div>'):
        return ""  # nothing to lead with (a sweep alone): the sweep section says what ran
    return html.section("headline", "Headline", body)


def _assumptions(results):
    if not results.scenario:
        return html.section("assumptions", "What the scenario assumes",
                            html.paragraph("This folder has no scenario.yaml.", "note"))
    rows = []
    previous = None
    for section_name, topic, value in assumptions.rows(results.scenario, results.run):
        rows.append((section_name if section_name != previous else "", topic, value))
        previous = section_name
    table = html.table(["", "topic", "assumption"], rows).replace(
        "<tr><td>", '<tr><td class="section">')
    return html.section("assumptions", "What the scenario assumes", table)


def _interval(row):
    """'+2.0 (+1.0 to +3.0)': percentage points for shares, the metric's units otherwise."""
    if comparison.is_share(row):
        return f"{headline.points(row['mean_difference'])} ({headline.interval_text(row)})"
    return f"{headline.number(row['mean_difference'])} ({headline.interval_text(row)})"


def _effect_cell(row):
    """The difference with its interval, and the effect sizes people read."""
    text = _interval(row)
    extras = []
    per_1000 = row.get("per_1000")
    if comparison.is_share(row) and per_1000 is not None and math.isfinite(float(per_1000)):
        sign = "+" if float(per_1000) >= 0 else "-"
        extras.append(f"{sign}{headline.per_1000_text(per_1000)} per 1,000")
    standardised = row.get("standardised")
    if standardised is not None and math.isfinite(float(standardised)):
        extras.append(f"{float(standardised):+.2f} SD")
    verdict = ("beats the base" if comparison.beats(row) else
               "worse than the base" if comparison.loses(row) else "not distinguishable")
    return text + ("; " + ", ".join(extras) if extras else "") + f" — {verdict}"


def _unit_note(rows):
    shares = [style.metric_short(r["metric"]) for _, r in rows.iterrows() if comparison.is_share(r)]
    others = [style.metric_short(r["metric"]) for _, r in rows.iterrows()
              if not comparison.is_share(r)]
    parts = []
    if shares:
        parts.append(f"{', '.join(dict.fromkeys(shares))} in percentage points, with people "
                     "per 1,000")
    if others:
        parts.append(f"{', '.join(dict.fromkeys(others))} in the metric's own units (trust on "
                     "its 0–1 scale)")
    return "; ".join(parts)


def _comparison(results, rendered):
    table = comparison.comparison(results)
    if table is None or not len(table):
        return ""
    final = table[table["window"] == "final"]
    keys = comparison.headline_outcomes(final, results.headline, limit=3)
    names = list(dict.fromkeys(final["arm"]))
    rows = []
    for arm in names:
        row = [style.arm_label(arm)]
        for metric, subject in keys:
            match = final[(final["arm"] == arm) & (final["metric"] == metric)
                          & (final["subject"] == subject)]
            row.append(_effect_cell(match.iloc[0]) if len(match) else "")
        rows.append(row)
    shown = final[final.apply(lambda r: (r["metric"], r["subject"]) in keys, axis=1)]
    why = ("the outcomes this scenario declares as its headline" if results.declares_headline
           else "the outcomes where the strategies separate most (largest difference in "
           "person-level standard deviations)" if results.run.get("headline")
           else "the first outcomes of the comparison table")
    body = html.paragraph(
        f"Difference from {arms.base_description(results, final['baseline'].iloc[0])} at the "
        "end of the run, paired by replicate, with the 95% confidence interval in brackets ("
        + _unit_note(shown) + "; SD: the difference in standard deviations of the base's "
        f"people). Shown: {why}; compare.csv has every outcome.", "note")
    body += html.table(["strategy"] + [_outcome_title(m, s) for m, s in keys], rows)
    if "arm_comparison" in rendered:
        body += _figure_html(*rendered.pop("arm_comparison"))
    return html.section("comparison", "Strategies compared", body)


def _futures(results):
    table = comparison.comparison(results)
    if table is None or not len(table):
        return ""
    keys = comparison.headline_outcomes(table[table["window"] == "final"], results.headline,
                                        limit=3)
    return robustness.section(results, keys)


def _outcome_title(metric, subject):
    label = style.metric_label(metric)
    return label if subject == "all" else f"{label} ({style.subject_label(subject)})"


def _money(value):
    if value is None or not math.isfinite(value):
        return "n/a"
    return f"{value / 1e6:,.2f} M" if abs(value) >= 1e5 else f"{value:,.0f}"


def _cost(results, rendered):
    rows, key = cost.cost_effectiveness_table(results, declared=results.headline)
    if rows is None or not len(rows):
        return ""
    base_spent = float(rows["baseline_spending"].iloc[0])
    points = cost.points_of(rows)
    on_frontier = set(cost.frontier(points))
    share = comparison.is_share(rows.iloc[0])

    def gain_cell(r):
        if not r["extra_spending"] > 0:
            return "n/a: no extra spending"
        if not comparison.beats(r):
            return "n/a: gain not distinguishable from zero" if not comparison.loses(r) \
                else "n/a: a loss"
        return f"{(100 if share else 1) * r['gain_per_million']:+.2f}"

    table_rows = [("", style.arm_label(rows["baseline"].iloc[0]) + " (baseline)", "0",
                   _money(base_spent), "0", "", "yes" if cost.BASELINE in on_frontier else "no")]
    for _, r in rows.iterrows():
        table_rows.append((f"{int(r['cost_rank'])}" if math.isfinite(r["cost_rank"]) else "–",
                           style.arm_label(r["arm"]), _interval(r), _money(r["spending"]),
                           ("+" if r["extra_spending"] > 0 else "") + _money(r["extra_spending"]),
                           gain_cell(r),
                           "yes" if r["arm"] in on_frontier else "no (dominated)"))
    body = html.paragraph(
        f"Gain in {style.metric_short(key[0])} at the end of the run over "
        f"{arms.base_description(results, rows['baseline'].iloc[0])}, with its 95% interval ("
        + _unit_note(rows.head(1)) + "), against spending in the scenario's currency units. "
        "Extra spending is the arm's spending minus the baseline's; the gain per million is "
        "per million of extra spending, and is reported only for an arm that spends more than "
        "the baseline and beats it with 95% confidence. Ranked by gain per million among those "
        "arms; the others have no rank.", "note")
    body += html.table(["rank", "strategy", "gain (95% CI)", "spending", "extra spending",
                        "gain per million extra", "on the frontier"], table_rows,
                       numeric=(0, 3, 4, 5))
    if "cost_effectiveness" in rendered:
        body += _figure_html(*rendered.pop("cost_effectiveness"))
    return html.section("cost", "Cost-effectiveness", body)


def _missing_note(results, has_comparison, has_cost):
    missing = []
    if not has_comparison:
        missing.append("no comparison of strategies (this run has only the base arm)")
    elif not has_cost:
        missing.append("no cost-effectiveness ranking (the run records no spending)")
    if not missing:
        return ""
    return html.paragraph("Not in this brief: " + "; ".join(missing) + ".", "note")


def _other_figures(rendered):
    if not rendered:
        return ""
    body = "".join(_figure_html(figure, fig) for figure, fig in rendered.values())
    return html.section("figures", "More figures", body)


def _caveats(results):
    items = "".join(f"<li><strong>{html.text(title)}.</strong> {html.text(text)}</li>"
                    for title, text in caveats.all_caveats(results))
    return html.section("caveats", "Caveats: what the model leaves out",
                        f'<ul class="caveats">{items}</ul>')


def reproduce_command(results):
    """The command that made the folder, as run.json records it (None without one)."""
    return results.command_line


def _when(results):
    """A step in the brief's words: 'week 156 (year 3.0)' for weekly runs."""
    unit = results.step_unit
    per_year = results.steps_per_year

    def word(step):
        if per_year:
            return f"{unit} {step} (year {step / per_year:.1f})"
        return f"{unit} {step}"
    return word


def _events(results):
    """What happened in each arm, from events.csv: programmes started and
    stopped (and why), the budget spent, triggers, crises."""
    if results.events is None or not len(results.events):
        return ""
    body = html.paragraph("From events.csv. Where replicates differ, the range of steps is given, "
                          "with how many replicates it happened in; the detail is the first "
                          "replicate's.")
    when = _when(results)
    for arm in results.arms:
        rows = [(span, what, detail, f"{n} of {results.replicates}")
                for span, what, detail, n in events.table_rows(results.events, arm, when)]
        if not rows:
            continue
        if len(results.arms) > 1:
            body += f"<h3>{html.text(arm)}</h3>"
        money = events.stopped_for_money(results.events, arm)
        if money:
            body += html.paragraph("Stopped for lack of money: " + "; ".join(
                f"{name} ({when(first)}{'' if first == last else ' to ' + when(last)})"
                for name, first, last, _ in money) + ".")
        body += html.table(["when", "what", "detail", "replicates"], rows)
    return html.section("events", "What happened", body)


def _provenance(results):
    run = results.run
    if not run:
        body = html.paragraph("This folder has no run.json, so what made it (version, commit, "
                              "command, seeds) is unknown. Folders written by detente run, "
                              "compare and sweep carry one.", "note")
        body += html.paragraph("Files read: " + ", ".join(results.files))
        return html.section("provenance", "Provenance", body)
    seeds = run.get("replicate_seeds") or []
    seed_text = ", ".join(str(s) for s in seeds[:5]) + (f", … ({len(seeds)} in all)"
                                                         if len(seeds) > 5 else "")
    rows = [("detente version", results.version), ("commit", results.commit),
            ("command", run.get("command", "unknown")),
            ("seed", run.get("seed", "unknown")), ("replicates", run.get("replicates", "unknown")),
            ("replicate seeds", seed_text or "unknown"),
            ("scenario file", run.get("scenario_file", "unknown")),
            ("started", run.get("started_at", "unknown")), ("host", run.get("host", "unknown")),
            ("threads", run.get("threads", "unknown")),
            ("wall time", f"{float(run['wall_seconds']):.1f} s" if "wall_seconds" in run else "unknown")]
    if run.get("baseline"):
        rows.append(("baseline arm", run["baseline"]))
    if run.get("design"):
        rows.append(("sweep design", f"{run['design']}, {run.get('points', '?')} points"))
    rows.append(("files read", ", ".join(results.files)))
    body = html.table(["", ""], rows).replace("<thead><tr><th></th><th></th></tr></thead>", "")
    command = reproduce_command(results)
    if command:
        body += html.paragraph("The command that made these results (run it again from the same "
                               "folder with the same build to get the same numbers bit for bit, "
                               "at any thread count):")
        body += f"<pre>{html.text(command)}</pre>"
    else:
        body += html.paragraph("run.json does not record the command that made these results.",
                               "note")
    body += html.paragraph("Then rebuild this brief with:")
    body += f"<pre>detente report {html.text(shlex.quote(str(results.directory)))}</pre>"
    return html.section("provenance", "Provenance", body)


def _sweep(results):
    """What the sweep ran, and any sensitivity index that cannot be right."""
    if results.sweep is None:
        return ""
    points = results.run.get("points") or (len(results.sweep_points)
                                           if results.sweep_points is not None else "?")
    replicates = results.replicates
    text = (f"This folder holds a sweep: the {sweep_plots.design_name(results)} "
            f"design, {points} points × {replicates} replicate{'s' if replicates != 1 else ''} "
            "(design from " + ("run.json" if results.run.get("design") else "scenario.yaml")
            + ").")
    body = html.paragraph(text)
    warnings = sensitivity.warnings(results.sensitivity)
    if warnings:
        body += html.paragraph("Warning: some sensitivity indices cannot be right, beyond their "
                               "95% intervals; more samples, or more replicates per point for a "
                               "noisy outcome, would help:", "warning")
        body += "<ul>" + "".join(f"<li>{html.text(w)}</li>" for w in warnings) + "</ul>"
    return html.section("sweep", "The sweep", body)


def build(results):
    """The brief's HTML text for a loaded result folder."""
    rendered = {figure.slug: (figure, fig) for figure, fig in figures.render_all(results)}
    has_cost = "cost_effectiveness" in rendered
    comparison_html = _comparison(results, rendered)
    cost_html = _cost(results, rendered)
    futures_html = _futures(results)
    body = (_header(results) + _question(results) + _headline(results, rendered)
            + _sweep(results)
            + _missing_note(results, bool(comparison_html), has_cost) + comparison_html
            + futures_html + cost_html + _events(results) + _assumptions(results) + _other_figures(rendered)
            + _caveats(results)
            + _provenance(results))
    return html.page(f"Policy brief: {results.name}", body)


def write(results_dir, out=None):
    """Writes the brief (default RESULTS_DIR/report.html) atomically; returns its path.
    A calibration folder (`detente calibrate`) gets the calibration brief."""
    if Path(results_dir).is_dir() and calibration.is_calibration(results_dir):
        loaded, make = calibration.load(results_dir), calibration_brief.build
    else:
        loaded, make = contract.load(results_dir), build
    out = Path(out) if out else Path(results_dir) / "report.html"
    if out.parent and not out.parent.is_dir():
        raise contract.ContractError(f"{out}: the folder {out.parent} does not exist")
    text = make(loaded)
    handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a brief is for sharing
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out


def add_arguments(parser):
    parser.add_argument("results", metavar="RESULTS_DIR", help="a folder written by detente run")
    parser.add_argument("--out", "-o", metavar="FILE.html",
                        help="where to write the brief (default RESULTS_DIR/report.html)")


def run(arguments):
    path = write(arguments.results, arguments.out)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="detente report",
                                     description="Write a self-contained HTML policy brief "
                                                 "from a detente result folder.")
    add_arguments(parser)
    from analysis.cli import guarded
    return guarded(lambda: run(parser.parse_args(argv)), "report")


if __name__ == "__main__":
    sys.exit(main())
