"""The brief's words: the question, the headline sentences, the key numbers.

Everything here is computed from the contract files; nothing is written by
hand per scenario, so a brief never claims more than its run shows.
"""
import math

from analysis import arms, comparison, contract, metrics, style
from analysis.plots import sweep as sweep_plots


def _join(items):
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _duration(results):
    text = f"{results.steps} {results.step_unit}s"
    year = results.steps_per_year
    if results.step_unit == "week" and results.steps >= year:
        text = f"{round(results.steps / year, 1):g} years ({text})"
    return text


def _format(metric, value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if metrics.is_share(metric):
        return f"{100 * value:.0f}%"
    return f"{value:.2f}"


def _format_difference(metric, value):
    if metrics.is_share(metric):
        return f"{100 * value:+.1f} percentage points"
    return f"{value:+.3f}"


def question(results):
    groups = results.groups
    between = f"between {_join(groups)}" if groups else ""
    others = [a for a in results.arms if a != contract.BASE_ARM]
    if others:
        names = _join(style.arm_label(a) for a in others)
        return (f"How do the strategies — {names} — change trust {between} over "
                f"{_duration(results)}, and at what cost, compared with "
                f"{arms.base_description(results)}?")
    if results.sweep is not None:
        design = sweep_plots.design_name(results)
        return (f"How do the outcomes {between} over {_duration(results)} depend on the swept "
                f"parameters ({design} design)?")
    return f"What happens to trust {between} over {_duration(results)} in this scenario?"


def _start_end(results, metric, subject, arm=contract.BASE_ARM):
    series = results.series(metric, subject, arm)
    if not len(series):
        return None, None
    return series.iloc[0], series.iloc[-1]


def _trend_sentences(results):
    sentences = []
    parts = []
    for pair in results.pairs:
        start, end = _start_end(results, metrics.named("mean"), pair)
        parts.append(f"{style.subject_label(pair)} went from {start['mean']:.2f} to "
                     f"{end['mean']:.2f} (95% CI {end['ci_low']:.2f}–{end['ci_high']:.2f})")
    base = "in the base scenario, " if len(results.arms) > 1 else ""
    if parts:
        sentences.append(f"Over {_duration(results)}, {base}on a 0–1 scale, " + _join(parts) + ".")
    start, end = _start_end(results, metrics.named("political_space"), "all")
    if start is not None:
        sentences.append(
            "Political space — the smaller of the two publics' shares that trust the other side, "
            f"the room leaders have for compromise — went from {_format(metrics.named('political_space'), start['mean'])} "
            f"to {_format(metrics.named('political_space'), end['mean'])}.")
    for shock in results.shocks[:2]:
        series = results.series(metrics.named("mean"), "all")
        before = series[series["step"] < shock.step]
        after = series[series["step"] >= shock.step]
        if not len(before) or not len(after):
            continue
        low = after.loc[after["mean"].idxmin()]
        sentences.append(
            f"The crisis in {results.step_unit} {shock.step} cut mean trust from "
            f"{before.iloc[-1]['mean']:.2f} to {low['mean']:.2f} at its lowest "
            f"({results.step_unit} {int(low['step'])}); by the end it stood at "
            f"{after.iloc[-1]['mean']:.2f}.")
    return sentences


def _digits(value):
    """Decimals that show `value` (never "+0.000" for a non-zero value)."""
    value = float(value)
    if value != 0 and math.isfinite(value) and abs(value) < 0.001:
        return min(6, 1 - math.floor(math.log10(abs(value))))
    return 3


def number(value, digits=None):
    """A signed value with enough decimals to show it (or `digits` of them)."""
    if value is None or not math.isfinite(float(value)):
        return "n/a"
    return f"{float(value):+.{digits or _digits(value)}f}"


def points(value):
    """Percentage points of a share: one decimal, three for the small
    differences common under common random numbers (never "-0.0")."""
    value = 100 * float(value)
    return f"{value:+.1f}" if abs(value) >= 0.1 or value == 0 else f"{value:+.3f}"


def per_1000_text(value):
    value = float(value)
    return f"{abs(value):.0f}" if abs(value) >= 1 or value == 0 else f"{abs(value):.2f}"


def difference_text(row, value=None):
    """A difference in the unit people read: percentage points for shares (with
    people per 1,000), trust units with the person-level standardised effect."""
    value = row["mean_difference"] if value is None else value
    if comparison.is_share(row):
        return f"{points(value)} percentage points"
    return number(value)


def interval_text(row):
    if comparison.is_share(row):
        return f"{points(row['ci_low'])} to {points(row['ci_high'])}"
    digits = _digits(row["mean_difference"])  # the interval as precise as its difference
    return f"{number(row['ci_low'], digits)} to {number(row['ci_high'], digits)}"


def effect_text(row):
    """'+1.2 percentage points (95% CI +0.4 to +2.0; 12 more people per 1,000)'."""
    extras = [f"95% CI {interval_text(row)}"]
    per_1000 = row.get("per_1000")
    if comparison.is_share(row) and per_1000 is not None and math.isfinite(float(per_1000)):
        per = float(per_1000)
        extras.append(f"{per_1000_text(per)} {'more' if per >= 0 else 'fewer'} people per 1,000")
    standardised = row.get("standardised")
    if standardised is not None and math.isfinite(float(standardised)):
        extras.append(f"{float(standardised):+.2f} person-level SD")
    return f"{difference_text(row)} ({'; '.join(extras)})"


def _outcome_label(metric, subject):
    label = style.metric_label(metric).lower()
    return label if subject == "all" else f"{label} ({style.subject_label(subject)})"


def _gain(row):
    """The difference with its sign turned so that larger is better."""
    return -row["mean_difference"] if comparison.lower_is_better(row) else row["mean_difference"]


def futures_text(share):
    """'in 78% of futures (95% CI 64–88%)' for a share of futures; '' without one.

    `share` is None or (share, low, high) in [0, 1]: the share of sampled
    futures in which the arm beats the base (robustness.csv, when the run
    sampled futures).
    """
    if share is None:
        return ""
    value, low, high = share
    return f"in {100 * value:.0f}% of futures (95% CI {100 * low:.0f}–{100 * high:.0f}%)"


def outcome_sentences(rows, base_text, futures=None):
    """What the strategies did to one outcome, from its final-window rows.

    Never calls a loss or noise the strategy that "does most": only an arm
    whose whole 95% interval is on the better side of zero beats the base.
    `futures` optionally maps arm → (share, low, high) of futures in which it
    beats the base.
    """
    if not len(rows):
        return []
    metric, subject = rows["metric"].iloc[0], rows["subject"].iloc[0]
    label = _outcome_label(metric, subject)
    n = int(rows["n"].max())
    winners = rows[rows.apply(comparison.beats, axis=1)]
    losers = rows[rows.apply(comparison.loses, axis=1)]
    sentences = []
    if len(winners):
        top = winners.loc[winners.apply(_gain, axis=1).idxmax()]
        arm = style.arm_label(top["arm"])
        if len(rows) == 1:
            lead = f"Compared with {base_text}, {arm} beats it on {label} with 95% confidence"
        elif len(winners) == 1:
            lead = (f"Compared with {base_text}, {arm} is the only strategy that beats it on "
                    f"{label} with 95% confidence")
        else:
            lead = f"Compared with {base_text}, {arm} does most for {label}"
        sentences.append(f"{lead}: {effect_text(top)} at the end of the run, over {n} paired "
                         "replicates.")
        if len(rows) > 1 and len(winners) > 1:
            sentences.append(f"{len(winners)} of {len(rows)} strategies beat the base on {label} "
                             "with 95% confidence.")
    else:
        parts = [f"{style.arm_label(r['arm'])} {difference_text(r)} (95% CI {interval_text(r)})"
                 for _, r in rows.iterrows()]
        sentences.append(f"No strategy beats {base_text} on {label} with 95% confidence: "
                         + _join(parts) + f" at the end of the run, over {n} paired replicates.")
    if len(losers):
        names = _join(style.arm_label(a) for a in losers["arm"])
        verb = "does" if len(losers) == 1 else "do"
        sentences.append(f"{names[:1].upper()}{names[1:]} {verb} worse than the base on {label}, "
                         "with 95% confidence.")
    if futures:
        parts = [f"{style.arm_label(r['arm'])} beats the base {futures_text(futures[r['arm']])}"
                 for _, r in rows.iterrows() if r["arm"] in futures]
        if parts:
            sentences.append("Across the sampled futures, " + _join(parts) + ".")
    return sentences


def cost_sentences(rows):
    """Gain per million of extra spending on one outcome: only for arms that
    spend more than the base, and only called a gain when it is one."""
    if not len(rows) or "extra_spending" not in rows.columns:
        return []
    metric, subject = rows["metric"].iloc[0], rows["subject"].iloc[0]
    label = _outcome_label(metric, subject)
    extra = rows["extra_spending"].astype(float)
    priced = rows[extra > 0]
    sentences = []
    if not len(priced):
        if (rows["spending"].astype(float) > 0).any():
            sentences.append("No strategy spends more than the base, so none has a gain per "
                             "million of extra spending.")
        return sentences
    good = priced[priced.apply(comparison.beats, axis=1)]
    if len(good):
        top = good.loc[good.apply(lambda r: _gain(r) / r["extra_spending"], axis=1).idxmax()]
        name = style.arm_label(top["arm"])
        sentences.append(
            f"For its extra spending of {top['extra_spending']:,.0f} over the base, {name} "
            f"gains {difference_text(top)} in {label}: "
            f"{difference_text(top, top['gain_per_million'])} per million of extra spending"
            + (f", the most of the {len(good)} strategies that spend more and beat the base"
               if len(good) > 1 else "") + ".")
    unclear = priced[~priced.apply(comparison.beats, axis=1)]
    if len(unclear):
        names = _join(style.arm_label(a) for a in unclear["arm"])
        sentences.append(f"For {names}, what the extra spending buys in {label} is not "
                         "distinguishable from zero or is a loss: no gain per million to report.")
    return sentences


def _comparison_sentences(results):
    table = comparison.comparison(results)
    if table is None or not len(table):
        return []
    final = table[table["window"] == "final"]
    keys = comparison.headline_outcomes(final, results.headline, limit=2)
    if not keys:
        return []
    base_text = arms.base_description(results, final["baseline"].iloc[0])
    sentences = []
    for i, (metric, subject) in enumerate(keys):
        rows = final[(final["metric"] == metric) & (final["subject"] == subject)]
        sentences += outcome_sentences(rows, base_text if i == 0 else "the base",
                                       results.futures_shares(metric, subject))
    metric, subject = keys[0]
    sentences += cost_sentences(final[(final["metric"] == metric) & (final["subject"] == subject)])
    leading = final[final.apply(lambda r: (r["metric"], r["subject"]) in keys, axis=1)]
    if len(keys) > 1 and not leading.apply(comparison.beats, axis=1).any():
        sentences.append("No strategy beats the base with 95% confidence on these outcomes.")
    return sentences


def sentences(results):
    """The headline: what happened, then (with arms) what the strategies changed."""
    if results.summary is None:
        return _comparison_sentences(results)
    return _trend_sentences(results) + _comparison_sentences(results)


def key_numbers(results):
    """[(label, value, detail)] tiles for the top of the brief (base arm, end of run)."""
    tiles = []
    for metric, subject in ((metrics.named("mean"), "all"), (metrics.named("political_space"), "all"),
                            (metrics.named("hostile_share"), "all")):
        if not results.has_metric(metric):
            continue
        start, end = _start_end(results, metric, subject)
        if end is None:
            continue
        change = end["mean"] - start["mean"]
        where = " (base)" if len(results.arms) > 1 else ""
        tiles.append((f"{style.metric_label(metric)} at the end{where}",
                      _format(metric, end["mean"]),
                      f"{_format_difference(metric, change)} since the start"))
    return tiles
