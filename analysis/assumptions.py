"""The scenario's assumptions as rows a policy reader can scan: (topic, assumption).

Reads the resolved scenario.yaml of a result folder. Sections the scenario
does not have are left out; keys this module does not know are shown as
`key = value` rather than hidden, so the table never silently drops an
assumption.
"""
NETWORK_MODELS = {
    "watts_strogatz": "small world (Watts–Strogatz)",
    "erdos_renyi": "random (Erdős–Rényi)",
    "barabasi_albert": "scale-free with hubs (Barabási–Albert)",
    "ring_lattice": "ring lattice",
    "complete": "everyone knows everyone",
}


def percent(value):
    return f"{100 * float(value):.0f}%"


def distribution(value):
    """A scenario distribution in words: 'Beta(3, 4), mean 0.43'."""
    if not isinstance(value, dict):
        return f"{value:g}" if isinstance(value, (int, float)) else str(value)
    kind = value.get("dist", "constant")
    if kind == "beta":
        a, b = float(value["a"]), float(value["b"])
        return f"Beta({a:g}, {b:g}), mean {a / (a + b):.2f}"
    if kind == "uniform":
        return f"uniform {float(value['low']):g}–{float(value['high']):g}"
    if kind == "normal":
        return f"normal, mean {float(value['mean']):g}, sd {float(value['sd']):g} (kept within 0–1)"
    if kind == "constant" and "value" in value:
        return f"{float(value['value']):g}"
    return ", ".join(f"{k} {v}" for k, v in value.items())


def _duration(scenario):
    steps, unit = int(scenario.get("steps", 0)), scenario.get("step_unit", "step")
    text = f"{steps} {unit}s"
    year = int((scenario.get("budget") or {}).get("year", 52))  # steps in a year, as the budget counts them
    if unit == "week":
        text += f" (about {steps / year:.1f} years)"
    return text


def _group(group):
    roles = group.get("roles") or {}
    role_text = ", ".join(f"{percent(share)} {role.replace('_', ' ')}"
                          for role, share in sorted(roles.items(), key=lambda kv: -kv[1]))
    parts = [f"{int(group.get('size', 0)):,} people",
             f"initial trust in the other side {distribution(group.get('trust', 0.5))}",
             f"{percent(group.get('marginalised_share', 0))} marginalised"]
    if role_text:
        parts.append(f"roles: {role_text}")
    parts += [f"openness to others' views {distribution(group.get('susceptibility', 0.5))}",
              f"media literacy {distribution(group.get('literacy', 0.3))}",
              f"trust in the convener {distribution(group.get('convener_trust', 0.5))}",
              f"stubbornness {distribution(group.get('stubbornness', 0.1))}"]
    return "; ".join(parts)


def _network(network, unit):
    if network.get("file"):
        return [("Social network", f"read from {network['file']} "
                 f"({'directed' if network.get('directed') else 'undirected'})")]
    within, between = network.get("within", {}), network.get("between", {})
    model = NETWORK_MODELS.get(within.get("model"), str(within.get("model", "")))
    rows = [("Ties within each side",
             f"{model}, {float(within.get('mean_degree', 0)):g} acquaintances per person on "
             f"average" + (f", {percent(within['rewire'])} rewired" if "rewire" in within
                           and within.get("model") == "watts_strogatz" else ""))]
    rows.append(("Ties across the divide",
                 f"{float(between.get('mean_degree', 0)):g} cross-group acquaintances per person "
                 f"on average, starting at strength {float(between.get('strength', 0.5)):g}"))
    return rows


def _dynamics(dynamics, unit):
    rows = []
    influence = dynamics.get("influence", {})
    if influence.get("enabled", True) and influence:
        text = (f"each {unit}, people move {percent(influence.get('rate', 0.1))} of the way toward "
                f"{'in-group ' if influence.get('peers', 'in_group') == 'in_group' else ''}peers "
                f"whose view is within {float(influence.get('confidence', 0.3)):g} of theirs")
        if influence.get("repulsion_threshold") not in (None, "unset"):
            text += (f"; peers further than {float(influence['repulsion_threshold']):g} apart push "
                     f"them away (rate {float(influence.get('repulsion_rate', 0)):g})")
        rows.append(("Talking with peers", text))
    contact = dynamics.get("contact", {})
    if contact.get("enabled", True) and contact:
        pos, neg = float(contact.get("positive_step", 0.05)), float(contact.get("negative_step", 0.065))
        ratio = f"{neg / pos:.1f}×" if pos > 0 else "more"
        rows.append(("Meeting the other side",
                     f"a cross-group tie meets with probability {float(contact.get('rate', 0.1)):g} × "
                     f"its strength per {unit}; {percent(contact.get('base_positive', 0.55))} of "
                     f"meetings go well before conditions and anxiety; a bad meeting weighs "
                     f"{ratio} a good one; {percent(contact.get('generalisation', 0.4))} of the "
                     "effect carries over from the person met to their whole group"))
    media = dynamics.get("media", {})
    if media.get("enabled", True) and media:
        rows.append(("Media effect", f"an exposure moves trust by up to "
                     f"{float(media.get('influence', 0.02)):g} toward the outlet's slant; "
                     f"backlash chance factor {float(media.get('backlash', 0.2)):g}"))
    consolidation = dynamics.get("consolidation", {})
    if consolidation.get("enabled", True) and consolidation:
        rows.append(("Attitudes settling", f"each {unit}, {percent(consolidation.get('rate', 0.01))} "
                     "of the gap between current trust and the settled attitude closes: lasting "
                     "shifts become the new normal, spikes fade"))
    shocks = dynamics.get("shocks", {})
    if shocks.get("enabled", True):
        for event in shocks.get("events") or []:
            groups = ", ".join(event.get("groups") or []) or "both sides"
            text = (f"{unit} {int(event['step'])}: trust cut by up to "
                    f"{percent(event.get('magnitude', 0.3))} on {groups}")
            if int(event.get("surge_steps", 0)) > 0:
                text += (f", then {int(event['surge_steps'])} {unit}s of hostile media (slant "
                         f"{float(shocks.get('surge_slant_shift', 0.3)):g} more hostile, exposure "
                         f"×{float(shocks.get('surge_exposure_factor', 2)):g})")
            text += "; people with positive cross-group ties are more resilient"
            rows.append(("Crisis", text))
        if float(shocks.get("poisson_rate", 0) or 0) > 0:
            rows.append(("Random crises", f"{float(shocks['poisson_rate']):g} per {unit} on average, "
                         f"magnitude {float(shocks.get('poisson_magnitude', 0.2)):g}"))
    return rows


def _outlet(outlet, unit):
    slant = float(outlet.get("slant", 0))
    tone = "hostile" if slant < -0.05 else "favourable" if slant > 0.05 else "neutral"
    audience = ", ".join(outlet.get("audience") or []) or "everyone"
    return (f"reaches {percent(outlet.get('reach', 0.5))} of {audience}, seen in "
            f"{percent(outlet.get('exposure', 0.3))} of {unit}s; slant {slant:+g} ({tone} toward "
            f"the other side); credibility {float(outlet.get('credibility', 0.6)):g}; sponsor "
            f"{outlet.get('sponsor', 'independent')}")


def _intervention(item, unit):
    start = int(item.get("start", 0))
    if item.get("end") is not None:
        when = f"{unit}s {start}–{int(item['end'])}"
    elif item.get("rounds") is not None:
        when = f"{int(item['rounds'])} rounds from {unit} {start}"
    else:
        when = f"from {unit} {start}"
    every = int(item.get("every", 1) or 1)
    if every > 1:
        when += f", every {every} {unit}s"
    common = {"name", "type", "start", "end", "rounds", "every"}
    details = "; ".join(f"{k.replace('_', ' ')} {_value(v)}" for k, v in item.items()
                        if k not in common)
    kind = str(item.get("type", "")).replace("_", " ")
    return f"{kind}, {when}" + (f"; {details}" if details else "")


def _value(value):
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return f"{value:g}" if isinstance(value, float) else str(value)


def rows(scenario, run=None):
    """[(section, topic, assumption)] for the brief's assumptions table."""
    run = run or {}
    unit = scenario.get("step_unit", "step")
    out = [("World", "Length of the run", _duration(scenario))]
    if run.get("replicates"):
        out.append(("World", "Replicates", f"{run['replicates']} independent runs with different "
                    "random numbers; intervals are 95% confidence intervals over them"))
    for group in scenario.get("population", {}).get("groups") or []:
        out.append(("Communities", group.get("name", "?"), _group(group)))
    out += [("Networks", topic, text) for topic, text in _network(scenario.get("network", {}), unit)]
    out += [("How trust moves", topic, text)
            for topic, text in _dynamics(scenario.get("dynamics", {}), unit)]
    for outlet in scenario.get("media") or []:
        out.append(("Media", outlet.get("name", "outlet"), _outlet(outlet, unit)))
    for item in scenario.get("interventions") or []:
        out.append(("Programmes", item.get("name", "programme"), _intervention(item, unit)))
    if not scenario.get("interventions"):
        out.append(("Programmes", "none", "the convener runs no programmes in the base scenario"))
    for arm in scenario.get("arms") or []:
        changes = [f"{k} = {_value(v)}" for k, v in (arm.get("set") or {}).items()]
        changes += [f"without {name}" for name in arm.get("remove") or []]
        out.append(("Strategies compared", arm.get("name", "arm"),
                    "; ".join(changes) or "as the base"))
    if scenario.get("budget") not in (None, {}, ""):
        out.append(("Budget", "cap", _value(scenario["budget"])))
    outputs = scenario.get("outputs", {})
    if outputs:
        out.append(("Measures", "Trusting / hostile",
                    f"trusting: trust ≥ {float(outputs.get('trusting_threshold', 0.6)):g}; hostile: "
                    f"trust ≤ {float(outputs.get('hostile_threshold', 0.3)):g} (0–1 scale); "
                    f"recorded every {int(outputs.get('every', 1))} {unit}s"))
    return out
