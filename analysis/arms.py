"""What each arm is, in words: above all what the base does.

A base that runs a programme is not "no change": the brief names the base by
what its resolved scenario runs, so a reader knows what every difference is
measured against.

    base_description(results)   # "the base (runs spots: a media campaign, 104 rounds from week 1)"
"""
from analysis import contract, style


def _when(item, unit):
    start = int(item.get("start", 0) or 0)
    if item.get("end") is not None:
        when = f"{unit}s {start}–{int(item['end'])}"
    elif item.get("rounds") is not None:
        rounds = int(item["rounds"])
        when = f"{rounds} round{'s' if rounds != 1 else ''} from {unit} {start}"
    else:
        when = f"from {unit} {start}"
    every = int(item.get("every", 1) or 1)
    if every > 1:
        when += f", every {every} {unit}s"
    return when


def programmes(scenario):
    """The base's enabled interventions as (name, type in words, when)."""
    unit = scenario.get("step_unit", "step")
    out = []
    for item in scenario.get("interventions") or []:
        if not item.get("enabled", True):
            continue
        kind = str(item.get("type", "programme")).replace("_", " ")
        out.append((str(item.get("name", kind)), kind, _when(item, unit)))
    return out


def _article(word):
    return "an" if word[:1].lower() in "aeiou" else "a"


def base_description(results, baseline=contract.BASE_ARM):
    """The baseline arm named by what it does: its programmes, with their type
    and schedule when there are one or two."""
    if baseline != contract.BASE_ARM:
        return f"the {style.arm_label(baseline)} arm"
    if not results.scenario:
        return "the base"
    running = programmes(results.scenario)
    if not running:
        return "the base (no programmes)"
    if len(running) <= 2:
        return "the base (runs " + "; ".join(f"{name}: {_article(kind)} {kind}, {when}"
                                             for name, kind, when in running) + ")"
    return (f"the base (runs {len(running)} programmes: "
            + ", ".join(name for name, _, _ in running) + ")")


def short_base_label(results):
    """A short label for charts: 'base (runs spots)', 'base (3 programmes)' or 'base (no programmes)'."""
    if not results.scenario:
        return "base"
    running = programmes(results.scenario)
    if not running:
        return "base (no programmes)"
    if len(running) <= 2:
        return f"base (runs {', '.join(name for name, _, _ in running)})"
    return f"base ({len(running)} programmes)"
