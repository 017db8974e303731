"""What the model leaves out: the caveats every brief carries.

The first list holds for every detente run; `for_run` adds those that
depend on this run (few replicates, a small population, a scheduled crisis,
no sensitivity analysis). Each caveat is (short title, explanation).
"""

MODEL_CAVEATS = [
    ("Simulated people, not a survey",
     "Each person's trust in the other side is one number between 0 and 1. Real attitudes have "
     "several sides (trust in ordinary people versus in their government, fear, willingness to "
     "meet) and are measured with error. The figures describe the model's world; they are not "
     "forecasts of opinion polls."),
    ("A synthetic world",
     "Group sizes, initial trust, social networks and media are the scenario's assumptions (the "
     "table above), not estimates for a particular pair of countries. The results hold for the "
     "world as described; change an assumption and a ranking can change."),
    ("Effect sizes borrowed from other settings",
     "Contact effects are calibrated to meta-analyses of mostly short, often Western and student "
     "studies (about 0.4 standard deviations, about 0.25 for ethnic prejudice, about 0.1 in "
     "preregistered experiments; negative contact weighs about 1.3 times positive). Whether "
     "these hold between rival states over years is an assumption, not a finding."),
    ("No politics inside the model",
     "Governments, elites, elections, security incidents and leaders' choices are not modelled. "
     "Crises arrive as shocks of a stated size at stated times. \"Political space\" is the share "
     "of each public that trusts the other side, the room leaders would have, not a prediction "
     "that they will use it."),
    ("A fixed social fabric",
     "The everyday social network does not change: nobody moves, makes new friends at home, or "
     "segregates further. Only ties across the divide strengthen, weaken and disappear, and "
     "programmes add new ones."),
    ("Simple media",
     "Outlets have a fixed reach, slant and credibility (hostile only more so during a crisis). "
     "There are no recommendation algorithms, no outlets that adapt to their audience and no "
     "rumours spreading from person to person."),
    ("Intervals show chance, not doubt about the model",
     "The 95% intervals come from replicates that differ only in their random numbers. They do "
     "not include uncertainty about the parameter values or the model's structure, so the real "
     "uncertainty is larger than the bands suggest."),
    ("Costs as declared",
     "Spending counts the costs the scenario declares (per round, per participant, per "
     "exposure), in its own currency units. Overheads, diminishing returns, staff limits and "
     "what other donors do are left out."),
]


def for_run(results):
    """Caveats specific to this result folder."""
    out = []
    replicates = results.replicates
    if 0 < replicates < 10:
        out.append(("Few replicates",
                    f"This run has {replicates} replicate{'s' if replicates != 1 else ''}, so "
                    "its intervals are wide and rest on the replicates being roughly normally "
                    "spread. Rerun with `--replicates 20` or more before forwarding a decision."))
    groups = results.scenario.get("population", {}).get("groups") or []
    people = sum(int(g.get("size", 0)) for g in groups)
    if groups and people < 5000:
        out.append(("A small population",
                    f"The run simulates {people:,} people in all; shares and percentiles move in "
                    "visible steps, and network effects may differ in a larger population."))
    if results.shocks:
        out.append(("One crisis story",
                    "The crisis comes at the same time and with the same force in every "
                    "replicate: the brief shows what this crisis does, not the range of crises "
                    "that could come."))
    if results.sensitivity is None and results.sweep is None:
        out.append(("No sensitivity analysis here",
                    "This brief does not show how the results depend on the uncertain "
                    "parameters (contact rates, how fast attitudes settle, media influence); a "
                    "parameter sweep of the same scenario would."))
    return out


def all_caveats(results):
    return MODEL_CAVEATS + for_run(results)
