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

from analysis import (assumptions, caveats, comparison, contract, figures, headline, html,
                      metrics, style)
from analysis.plots import cost

HEADLINE_FIGURE = "trust_over_time"


def _figure_html(figure, fig, element_id=None):
    return html.image(style.png_bytes(fig, dpi=100), alt=f"{figure.title}: {figure.caption}",
                      element_id=element_id, caption=figure.caption)


def _header(results):
    started = results.run.get("started_at", "")
    date = started[:10] if started else datetime.date.today().isoformat()
    return (f"<header><h1>Policy brief: {html.text(results.name)}</h1>"
            f"<p class=\"meta\">Simulated with detente {html.text(results.version)} "
            f"(commit {html.text(results.commit)}) on {html.text(date)} · "
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


def _interval(metric, row):
    """'+2.0 (+1.0 to +3.0)': percentage points for shares, trust units otherwise."""
    scale, digits = (100, 1) if metrics.is_share(metric) else (1, 3)
    low, mid, high = (scale * row[k] for k in ("ci_low", "mean_difference", "ci_high"))
    return f"{mid:+.{digits}f} ({low:+.{digits}f} to {high:+.{digits}f})"


def _unit_note(keys):
    shares = [style.metric_short(m) for m, _ in keys if metrics.is_share(m)]
    others = [style.metric_short(m) for m, _ in keys if not metrics.is_share(m)]
    parts = []
    if shares:
        parts.append(f"{', '.join(shares)} in percentage points")
    if others:
        parts.append(f"{', '.join(others)} on the 0–1 trust scale")
    return "; ".join(parts)


def _comparison(results, rendered):
    table = comparison.comparison(results)
    if table is None or not len(table):
        return ""
    final = table[table["window"] == "final"]
    keys = [k for k in comparison.HEADLINE_METRICS
            if ((final["metric"] == k[0]) & (final["subject"] == k[1])).any()][:3]
    arms = list(dict.fromkeys(final["arm"]))
    rows = []
    for arm in arms:
        row = [style.arm_label(arm)]
        for metric, subject in keys:
            match = final[(final["arm"] == arm) & (final["metric"] == metric)
                          & (final["subject"] == subject)]
            row.append(_interval(metric, match.iloc[0]) if len(match) else "")
        rows.append(row)
    body = html.paragraph("Difference from the base at the end of the run, paired by replicate, "
                          "with the 95% confidence interval in brackets ("
                          + _unit_note(keys) + ").", "note")
    body += html.table(["strategy"] + [style.metric_label(m) for m, _ in keys], rows)
    if "arm_comparison" in rendered:
        body += _figure_html(*rendered.pop("arm_comparison"))
    return html.section("comparison", "Strategies compared", body)


def _money(value):
    if value is None or not math.isfinite(value):
        return "n/a"
    return f"{value / 1e6:,.2f} M" if abs(value) >= 1e5 else f"{value:,.0f}"


def _cost(results, rendered):
    rows, key = cost.cost_effectiveness_table(results)
    if rows is None or not len(rows):
        return ""
    metric = key[0]
    points = [("base", 0.0, 0.0)] + [(r.arm, r.spending, r.mean_difference) for r in rows.itertuples()]
    on_frontier = set(cost.frontier(points))
    table_rows = [(f"{int(r['rank'])}" if math.isfinite(r["rank"]) else "–",
                   style.arm_label(r["arm"]), _interval(metric, r), _money(r["spending"]),
                   f"{(100 if metrics.is_share(metric) else 1) * r['gain_per_million']:+.2f}"
                   if math.isfinite(r["gain_per_million"]) else "n/a",
                   "yes" if r["arm"] in on_frontier else "no (dominated)")
                  for _, r in rows.iterrows()]
    body = html.paragraph(f"Ranked by gain in {style.metric_short(metric)} per million spent "
                          "(gain at the end of the run over the base, "
                          + _unit_note([key]) + "; spending in the scenario's currency units).",
                          "note")
    body += html.table(["rank", "strategy", "gain (95% CI)", "spending", "gain per million",
                        "on the frontier"], table_rows, numeric=(0, 3, 4))
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
    replicates = results.replicates or 1
    folder = results.directory
    return (f"detente run {shlex.quote(str(folder / 'scenario.yaml'))} --replicates {replicates} "
            f"--out {shlex.quote(str(folder) + '-again')}")


def _provenance(results):
    run = results.run
    seeds = run.get("replicate_seeds") or []
    seed_text = ", ".join(str(s) for s in seeds[:5]) + (f", … ({len(seeds)} in all)"
                                                         if len(seeds) > 5 else "")
    rows = [("detente version", results.version), ("commit", results.commit),
            ("seed", run.get("seed", "unknown")), ("replicate seeds", seed_text or "unknown"),
            ("scenario file", run.get("scenario_file", "unknown")),
            ("started", run.get("started_at", "unknown")), ("host", run.get("host", "unknown")),
            ("threads", run.get("threads", "unknown")),
            ("wall time", f"{float(run['wall_seconds']):.1f} s" if "wall_seconds" in run else "unknown"),
            ("files read", ", ".join(results.files))]
    body = html.table(["", ""], rows).replace("<thead><tr><th></th><th></th></tr></thead>", "")
    body += html.paragraph("The command that made these results:")
    body += f"<pre>{html.text(run.get('command_line', 'unknown'))}</pre>"
    body += html.paragraph("To reproduce them bit for bit (the folder's scenario.yaml is the fully "
                           "resolved scenario, seed included; any thread count gives the same "
                           "numbers), then rebuild this brief:")
    body += (f"<pre>{html.text(reproduce_command(results))}\n"
             f"detente report {html.text(shlex.quote(str(results.directory) + '-again'))}</pre>")
    return html.section("provenance", "Provenance", body)


def build(results):
    """The brief's HTML text for a loaded result folder."""
    rendered = {figure.slug: (figure, fig) for figure, fig in figures.render_all(results)}
    has_cost = "cost_effectiveness" in rendered
    comparison_html = _comparison(results, rendered)
    cost_html = _cost(results, rendered)
    body = (_header(results) + _question(results) + _headline(results, rendered)
            + _missing_note(results, bool(comparison_html), has_cost) + comparison_html
            + cost_html + _assumptions(results) + _other_figures(rendered) + _caveats(results)
            + _provenance(results))
    return html.page(f"Policy brief: {results.name}", body)


def write(results_dir, out=None):
    """Writes the brief (default RESULTS_DIR/report.html) atomically; returns its path."""
    results = contract.load(results_dir)
    out = Path(out) if out else Path(results_dir) / "report.html"
    if out.parent and not out.parent.is_dir():
        raise contract.ContractError(f"{out}: the folder {out.parent} does not exist")
    text = build(results)
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
