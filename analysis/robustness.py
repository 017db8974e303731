"""The brief's section on futures: how each strategy fares across the worlds
the scenario's `uncertain:` block allows (robustness.csv) and where its answer
flips (discovery.csv). Written by `detente compare --futures N`.

A strategy "beats the base" in a future only when its 95% interval over the
replicates of that future lies wholly on the better side of zero; the share
of futures where it does carries a 95% Wilson interval.
"""
import math

from analysis import comparison, headline, html, style


def _percent(value):
    return "n/a" if value is None or not math.isfinite(float(value)) else f"{100 * value:.0f}%"


def _value(row, value):
    if value is None or not math.isfinite(float(value)):
        return "n/a"
    return headline.points(value) + " pp" if comparison.is_share(row) else headline.number(value)


def box_sentence(discovery, arm, metric, subject):
    """What scenario discovery found for one arm and outcome ('' when its answer never flips)."""
    if discovery is None or not len(discovery):
        return ""
    rows = discovery[(discovery["arm"] == arm) & (discovery["metric"] == metric)
                     & (discovery["subject"] == subject) & (discovery["chosen"] == "yes")]
    if not len(rows):
        return ""
    box = rows.iloc[0]
    if not isinstance(box["limits"], str) or not box["limits"]:
        return (f"No box of the uncertain parameters concentrates the futures where "
                f"{style.arm_label(arm)} {box['answer']}: they are spread over the whole space.")
    return (f"{style.arm_label(arm)} {box['answer']} mostly where {box['limits']}: "
            f"{int(box['of_interest'])} of the {int(box['futures'])} futures in that box "
            f"({_percent(box['density'])} density) hold {_percent(box['coverage'])} of such "
            "futures (PRIM, discovery.csv).")


def section(results, keys):
    """The 'Across uncertain futures' section for the headline outcomes `keys`."""
    table = results.robustness
    if table is None or not len(table):
        return ""
    final = table[(table["window"] == "final") & (table["arm"] != table["baseline"])]
    rows, sentences = [], []
    for metric, subject in keys:
        for _, r in final[(final["metric"] == metric) & (final["subject"] == subject)].iterrows():
            rows.append([style.arm_label(r["arm"]), style.metric_label(metric).lower()
                         if subject == "all" else f"{style.metric_label(metric).lower()} "
                         f"({style.subject_label(subject)})",
                         f"{_percent(r['beats_share'])} ({_percent(r['beats_low'])}–"
                         f"{_percent(r['beats_high'])})", _percent(r["loses_share"]),
                         f"{_value(r, r['median_difference'])} ({_value(r, r['p10_difference'])} "
                         f"to {_value(r, r['p90_difference'])})", _value(r, r["max_regret"])])
            found = box_sentence(results.discovery, r["arm"], metric, subject)
            if found:
                sentences.append(found)
    if not rows:
        return ""
    n = results.futures or int(final["futures"].max())
    body = html.paragraph(
        f"Each strategy and the base ran in {n} futures drawn from the scenario's uncertain "
        "parameters (a Latin hypercube over their priors; futures.csv), "
        f"{int(final['replicates'].max())} paired replicates each. Beats the base: the share of "
        "futures in which the strategy's 95% interval lies wholly on the better side of zero, "
        "with its 95% interval; worse: the share in which it lies wholly on the worse side. "
        "Regret: the shortfall from the best strategy in the same future.", "note")
    body += html.table(["strategy", "outcome", "beats the base in", "worse in",
                        "median difference (10–90% of futures)", "largest regret"], rows)
    body += "".join(html.paragraph(s) for s in sentences)
    return html.section("futures", "Across uncertain futures", body)
