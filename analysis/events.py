"""What happened in a run, from events.csv (written by detente next to
timeseries.csv): programmes started and stopped (and why), the budget
spent, triggers fired, crises. Grouped over replicates: the n-th time an
(event, subject) happens in each replicate is one row, with the steps it
happened at across replicates and the detail of the first replicate.
"""
import pandas as pd

WORDS = {
    "programme_started": "started",
    "programme_stopped": "stopped",
    "programme_resumed": "resumed",
    "budget_exhausted": "budget spent",
    "trigger_fired": "trigger fired",
    "crisis": "crisis",
}


def grouped(events, arm):
    """Rows (first_step, last_step, replicates, event, subject, detail) for one arm, in time order."""
    if events is None or not len(events):
        return []
    frame = events[events["arm"] == arm].copy()
    if not len(frame):
        return []
    frame["occurrence"] = frame.groupby(["replicate", "event", "subject"]).cumcount()
    rows = []
    for (event, subject, _), part in frame.groupby(["event", "subject", "occurrence"], sort=False):
        first = part.sort_values(["replicate"]).iloc[0]
        rows.append((int(part["step"].min()), int(part["step"].max()), int(part["replicate"].nunique()),
                     str(event), str(subject), str(first["detail"])))
    rows.sort(key=lambda r: (r[0], r[3], r[4]))
    return rows


def stopped_for_money(events, arm):
    """The programmes an arm stopped for lack of money: [(subject, first_step, last_step, replicates)]."""
    return [(r[4], r[0], r[1], r[2]) for r in grouped(events, arm)
            if r[3] == "programme_stopped" and (r[5].startswith("budget ran out") or r[5].startswith("cut"))]


def table_rows(events, arm, when):
    """What happened as table rows for people: when, what, detail. `when(step)` words a step."""
    out = []
    for first, last, replicates, event, subject, detail in grouped(events, arm):
        span = when(first) if first == last else f"{when(first)} to {when(last)}"
        what = f"{subject}: {WORDS.get(event, event)}" if event != "crisis" else f"crisis ({subject})"
        if event == "budget_exhausted":
            what = "the budget is spent"
        out.append((span, what, detail, replicates))
    return out


def empty_frame():
    return pd.DataFrame(columns=["arm", "replicate", "step", "event", "subject", "detail"])
