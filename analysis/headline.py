"""The brief's words: the question, the headline sentences, the key numbers.

Everything here is computed from the contract files; nothing is written by
hand per scenario, so a brief never claims more than its run shows.
"""
import math

from analysis import comparison, contract, metrics, style


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
    arms = [a for a in results.arms if a != contract.BASE_ARM]
    if arms:
        names = _join(style.arm_label(a) for a in arms)
        return (f"Which strategy — {names} — does most for trust {between} over "
                f"{_duration(results)}, and at what cost, compared with the base scenario?")
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


def _lower_is_better(rows, metric):
    """The metric's direction as compare.csv states it, else the metric table's."""
    if "better" in rows.columns:
        stated = rows["better"].dropna()
        if len(stated):
            return stated.iloc[0] == "lower"
    return metrics.lower_is_better(metric)


def _comparison_sentences(results):
    table = comparison.comparison(results)
    if table is None or not len(table):
        return []
    final = table[table["window"] == "final"]
    key = comparison.headline_metric(final)
    if key is None:
        return []
    metric, subject = key
    rows = final[(final["metric"] == metric) & (final["subject"] == subject)]
    sign = -1 if _lower_is_better(rows, metric) else 1
    best = rows.loc[(sign * rows["mean_difference"]).idxmax()]
    label = style.metric_label(metric).lower()
    sentences = [
        f"Compared with the base, {style.arm_label(best['arm'])} does most for {label}: "
        f"{_format_difference(metric, best['mean_difference'])} at the end of the run "
        f"(95% CI {_format_difference(metric, best['ci_low'])} to "
        f"{_format_difference(metric, best['ci_high'])}, {int(best['n'])} paired replicates)."]
    better = rows[(sign * rows["ci_low"] > 0) if sign > 0 else (rows["ci_high"] < 0)]
    worse = rows[(rows["ci_high"] < 0) if sign > 0 else (rows["ci_low"] > 0)]
    sentences.append(f"{len(better)} of {len(rows)} strategies beat the base with 95% confidence"
                     + (f"; {len(worse)} did worse ({_join(style.arm_label(a) for a in worse['arm'])})"
                        if len(worse) else "") + ".")
    priced = rows[rows["gain_per_million"].astype(float).notna()]
    if len(priced):
        top = priced.loc[priced["gain_per_million"].astype(float).idxmax()]
        sentences.append(f"Per million spent, {style.arm_label(top['arm'])} buys the most: "
                         f"{_format_difference(metric, top['gain_per_million'])} per million.")
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
