"""Reading a detente result folder: the output contract (design §4), nothing else.

    results = load("results/crisis")
    results.summary          # arm,metric,subject,step,mean,sd,ci_low,ci_high,n[,p10,p50,p90]
    results.pairs            # ["north->south", "south->north"]
    results.shocks           # [Shock(step=156, magnitude=0.35)]

Files other commands write are read when present and are None otherwise:
compare.csv (`detente compare`), agents.csv (per-agent trust), the sweep files
(sweep_points.csv, sweep.csv, sensitivity.csv) and results.db (SQLite with the
tables runs, timeseries and summaries, read when the CSVs are absent).
A folder that is missing, or whose files do not have the contract's columns,
raises ContractError with a message that says what is wrong.
"""
import json
import math
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from analysis import metrics, stats

TIMESERIES_COLUMNS = ["arm", "replicate", "step", "metric", "subject", "value"]
SUMMARY_COLUMNS = ["arm", "metric", "subject", "step", "mean", "sd", "ci_low", "ci_high", "n"]
SUMMARY_PERCENTILES = ["p10", "p50", "p90"]  # appended by detente; older folders lack them
# compare.csv's columns (README, "Comparing strategies"); older folders lack
# the effect sizes and the baseline's spending, and are read all the same.
COMPARE_REQUIRED = ["arm", "baseline", "metric", "subject", "window", "mean_difference", "ci_low",
                    "ci_high", "spending", "gain_per_million", "rank", "n"]
COMPARE_COLUMNS = ["arm", "baseline", "metric", "subject", "window", "scale", "mean_difference",
                   "ci_low", "ci_high", "points", "per_1000", "person_sd", "standardised",
                   "baseline_spending", "spending", "extra_spending", "gain_per_million",
                   "better", "rank", "n"]
AGENTS_COLUMNS = ["arm", "replicate", "step", "agent", "group", "subject", "value"]
EVENTS_COLUMNS = ["arm", "replicate", "step", "event", "subject", "detail"]
SWEEP_COLUMNS = ["point", "replicate", "metric", "subject", "value"]
SENSITIVITY_COLUMNS = ["method", "parameter", "metric", "subject", "index", "value", "ci_low",
                       "ci_high"]
# `detente compare --futures` (README, "Robustness across futures").
ROBUSTNESS_COLUMNS = ["arm", "baseline", "metric", "subject", "window", "better", "scale",
                      "futures", "beats_share", "beats_low", "beats_high", "loses_share",
                      "median_difference", "p10_difference", "p90_difference", "median_regret",
                      "max_regret", "replicates"]
DISCOVERY_COLUMNS = ["arm", "metric", "subject", "window", "answer", "box", "futures",
                     "of_interest", "coverage", "density", "chosen", "limits"]
BASE_ARM = "base"


class ContractError(Exception):
    """A result folder that is missing or does not follow the output contract."""


@dataclass(frozen=True)
class Shock:
    step: int
    magnitude: float
    groups: tuple = ()


@dataclass(frozen=True)
class Period:
    """When an intervention runs: steps start..end inclusive."""
    name: str
    type: str
    start: int
    end: int


class Provenance:
    """Who made a result folder, from its run.json (`run`), scenario and directory."""

    @property
    def name(self):
        return self.run.get("scenario_name") or self.scenario.get("name") or self.directory.name

    @property
    def version(self):
        return str(self.run.get("version", "unknown"))

    @property
    def commit(self):
        return str(self.run.get("git_commit", "unknown"))

    @property
    def command_line(self):
        """The command that made the folder, as run.json records it (None without one)."""
        return self.run.get("command_line")


@dataclass
class Results(Provenance):
    directory: Path
    run: dict
    scenario: dict
    summary: pd.DataFrame | None
    timeseries: pd.DataFrame | None = None
    compare: pd.DataFrame | None = None
    agents: pd.DataFrame | None = None
    sweep_points: pd.DataFrame | None = None
    sweep: pd.DataFrame | None = None
    sensitivity: pd.DataFrame | None = None
    sweep_summary: pd.DataFrame | None = None  # results.db summaries per sweep point
    robustness: pd.DataFrame | None = None  # compare --futures
    discovery: pd.DataFrame | None = None
    events: pd.DataFrame | None = None  # events.csv: programmes started/stopped, crises, …
    files: list = field(default_factory=list)  # the contract files found, for provenance

    @property
    def command(self):
        """run, compare or sweep: from run.json, else from the files the folder holds."""
        if self.run.get("command"):
            return str(self.run["command"])
        if self.sweep is not None:
            return "sweep"
        return "compare" if self.compare is not None else "run"

    @property
    def design(self):
        """The sweep design that ran (run.json, else the folder's scenario.yaml), or None."""
        if self.run.get("design"):
            return str(self.run["design"])
        return (self.scenario.get("sweep") or {}).get("design") if self.sweep is not None else None

    def futures_shares(self, metric, subject, window="final"):
        """{arm: (share, low, high)}: the share of futures in which each arm beats
        the baseline on the outcome (robustness.csv), with its 95% interval; {}
        when the folder sampled no futures."""
        table = self.robustness
        if table is None or not len(table):
            return {}
        rows = table[(table["metric"] == metric) & (table["subject"] == subject)
                     & (table["window"] == window) & (table["arm"] != table["baseline"])]
        return {r["arm"]: (float(r["beats_share"]), float(r["beats_low"]), float(r["beats_high"]))
                for _, r in rows.iterrows() if pd.notna(r["beats_share"])}

    @property
    def futures(self):
        """How many futures the folder sampled (0 without --futures)."""
        return int(self.run.get("futures") or 0)

    @property
    def declares_headline(self):
        """Whether the scenario names its headline outcomes (outputs.headline)."""
        return bool((self.scenario.get("outputs") or {}).get("headline"))

    @property
    def headline(self):
        """The outcomes [(metric, subject)] a brief leads with, in order.

        `detente compare` decides them (the scenario's outputs.headline, else
        where the arms separate most) and records them in run.json; a folder
        it did not make offers only the scenario's declared outputs.headline.
        """
        entries = self.run.get("headline")
        if not entries:
            entries = (self.scenario.get("outputs") or {}).get("headline") or []
        out = []
        for entry in entries:
            metric, _, subject = str(entry).partition("/")
            out.append((metric, subject or "all"))
        return out

    @property
    def step_unit(self):
        return self.scenario.get("step_unit", "step")

    @property
    def steps_per_year(self):
        """Steps in a year, as the scenario's budget counts them (budget.year)."""
        return int((self.scenario.get("budget") or {}).get("year", 52))

    @property
    def steps(self):
        return int(self.run.get("steps") or self.scenario.get("steps") or self.last_step)

    @property
    def replicates(self):
        if self.run.get("replicates"):
            return int(self.run["replicates"])
        if self.summary is not None and len(self.summary):
            return int(self.summary["n"].max())
        return 0

    # -- what is in it -----------------------------------------------------
    @property
    def arms(self):
        """Arm names, the base first, in the order run.json lists them."""
        found = []
        for frame in (self.summary, self.compare):
            if frame is not None and "arm" in frame:
                found += list(dict.fromkeys(frame["arm"]))
        declared = [str(a) for a in self.run.get("arms", [])]
        ordered = list(dict.fromkeys(declared + found))
        if BASE_ARM in ordered:
            ordered.remove(BASE_ARM)
            ordered.insert(0, BASE_ARM)
        return ordered

    @property
    def groups(self):
        groups = [g.get("name") for g in self.scenario.get("population", {}).get("groups", [])]
        if groups:
            return groups
        return list(dict.fromkeys(p.split("->")[0] for p in self.pairs))

    @property
    def pairs(self):
        """Directed pairs 'g->h' in the order the engine writes them."""
        if self.summary is None:
            return []
        subjects = self.summary.loc[self.summary["metric"] == metrics.named("mean"), "subject"]
        return [s for s in dict.fromkeys(subjects) if "->" in s]

    @property
    def last_step(self):
        if self.summary is None or not len(self.summary):
            return 0
        return int(self.summary["step"].max())

    def has_metric(self, metric):
        return self.summary is not None and bool((self.summary["metric"] == metric).any())

    def series(self, metric, subject, arm=BASE_ARM):
        """One metric's summary over time for one subject and arm, sorted by step."""
        s = self.summary
        rows = s[(s["metric"] == metric) & (s["subject"] == subject) & (s["arm"] == arm)]
        return rows.sort_values("step")

    def final(self, metric, subject, arm=BASE_ARM):
        rows = self.series(metric, subject, arm)
        return rows.iloc[-1] if len(rows) else None

    # -- what the scenario declares ----------------------------------------
    @property
    def shocks(self):
        shocks = self.scenario.get("dynamics", {}).get("shocks", {})
        if not shocks.get("enabled", True):
            return []
        return [Shock(int(e["step"]), float(e.get("magnitude", math.nan)),
                      tuple(e.get("groups") or ()))
                for e in shocks.get("events") or []]

    @property
    def periods(self):
        """Intervention periods of the base scenario."""
        periods = []
        for item in self.scenario.get("interventions") or []:
            start = int(item.get("start", 0))
            every = int(item.get("every", 1) or 1)
            if item.get("end") is not None:
                end = int(item["end"])
            elif item.get("rounds") is not None:
                end = start + (int(item["rounds"]) - 1) * every + every - 1
            else:
                end = self.steps
            periods.append(Period(str(item.get("name", item.get("type", "programme"))),
                                  str(item.get("type", "")), start, min(end, self.steps)))
        return periods

    @property
    def threshold_trusting(self):
        return float(self.scenario.get("outputs", {}).get("trusting_threshold", 0.6))

    @property
    def threshold_hostile(self):
        return float(self.scenario.get("outputs", {}).get("hostile_threshold", 0.3))


def _read_csv(path, columns, dtypes=None):
    try:
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=["nan", "NaN", ""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise ContractError(f"{path}: not a readable CSV file ({error})") from error
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ContractError(f"{path}: expected the columns {','.join(columns)}; "
                            f"missing {', '.join(missing)} (got {','.join(map(str, frame.columns))})")
    return frame


_TEXT = {"arm": str, "metric": str, "subject": str, "baseline": str, "window": str,
         "group": str, "method": str, "parameter": str, "index": str, "answer": str,
         "chosen": str, "limits": str, "event": str, "detail": str}


def _optional_csv(directory, name, columns, found):
    path = directory / name
    if not path.is_file():
        return None
    found.append(name)
    return _read_csv(path, columns, _TEXT)


def _read_db(path, found):
    """timeseries and summary from results.db, for folders without the CSVs.

    Provenance is never taken from here (a row of `runs` describes one run,
    not the experiment): run.json alone says what made the folder. A sweep's
    summaries (one per point) come back apart, as the third value, and not
    as the folder's summary.
    """
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            read = {t: pd.read_sql_query(f"SELECT * FROM {t}", db)
                    for t in ("runs", "timeseries", "summaries") if t in tables}
    except sqlite3.DatabaseError as error:
        raise ContractError(f"{path}: not a readable SQLite database ({error})") from error
    found.append(path.name)
    runs = read.get("runs")
    chosen = None
    if runs is not None and len(runs):
        last = runs.iloc[-1]
        for key in ("run_id", "id", "run"):
            if key in runs.columns:
                chosen = (key, last[key])
                break
    summaries = read.get("summaries")
    if summaries is not None and "point" in summaries.columns and summaries["point"].nunique() > 1:
        # A sweep: per-point summaries, not one experiment's.
        missing = [c for c in SUMMARY_COLUMNS if c not in summaries.columns]
        if missing:
            raise ContractError(f"{path}: a table lacks the columns {', '.join(missing)}")
        return None, None, summaries.reset_index(drop=True)

    def only_this_run(frame, columns):
        if frame is None:
            return None
        for key in ("run_id", "run"):
            if key in frame.columns and chosen is not None:
                frame = frame[frame[key] == chosen[1]]
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise ContractError(f"{path}: a table lacks the columns {', '.join(missing)}")
        optional = SUMMARY_PERCENTILES if columns is SUMMARY_COLUMNS else []
        return frame[columns + [c for c in optional if c in frame.columns]].reset_index(drop=True)

    return (only_this_run(read.get("timeseries"), TIMESERIES_COLUMNS),
            only_this_run(summaries, SUMMARY_COLUMNS), None)


def summarise(timeseries):
    """summary.csv's rows from timeseries rows (mean and 95% t interval over replicates)."""
    rows = []
    for (arm, metric, subject, step), values in timeseries.groupby(
            ["arm", "metric", "subject", "step"], sort=False)["value"]:
        mean, sd, low, high, n = stats.mean_interval(values)
        rows.append((arm, metric, subject, step, mean, sd, low, high, n))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def load(directory):
    """Reads a result folder; raises ContractError when it is not one."""
    directory = Path(directory)
    if not directory.exists():
        raise ContractError(f"{directory}: no such results folder (make one with "
                            f"`detente run SCENARIO.yaml --out {directory}`)")
    if not directory.is_dir():
        raise ContractError(f"{directory}: expected a results folder, got a file")
    found = []
    run, timeseries, summary = {}, None, None
    if (directory / "run.json").is_file():
        found.append("run.json")
        try:
            run = json.loads((directory / "run.json").read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ContractError(f"{directory / 'run.json'}: not valid JSON ({error})") from error
        if not isinstance(run, dict):
            raise ContractError(f"{directory / 'run.json'}: expected a JSON object")
    timeseries = _optional_csv(directory, "timeseries.csv", TIMESERIES_COLUMNS, found)
    summary = _optional_csv(directory, "summary.csv", SUMMARY_COLUMNS, found)
    db = directory / "results.db"
    sweep_summary = None
    if db.is_file() and (timeseries is None or summary is None):
        db_timeseries, db_summary, sweep_summary = _read_db(db, found)
        timeseries = timeseries if timeseries is not None else db_timeseries
        summary = summary if summary is not None else db_summary
    if summary is None and timeseries is not None:
        summary = summarise(timeseries)

    scenario = {}
    if (directory / "scenario.yaml").is_file():
        found.append("scenario.yaml")
        try:
            scenario = yaml.safe_load((directory / "scenario.yaml").read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise ContractError(f"{directory / 'scenario.yaml'}: not valid YAML ({error})") from error
        scenario = scenario if isinstance(scenario, dict) else {}

    results = Results(
        directory=directory, run=run, scenario=scenario, summary=summary, timeseries=timeseries,
        compare=_optional_csv(directory, "compare.csv", COMPARE_REQUIRED, found),
        agents=_optional_csv(directory, "agents.csv", AGENTS_COLUMNS, found),
        sweep_points=_optional_csv(directory, "sweep_points.csv", ["point"], found),
        sweep=_optional_csv(directory, "sweep.csv", SWEEP_COLUMNS, found),
        sensitivity=_optional_csv(directory, "sensitivity.csv", SENSITIVITY_COLUMNS, found),
        robustness=_optional_csv(directory, "robustness.csv", ROBUSTNESS_COLUMNS, found),
        discovery=_optional_csv(directory, "discovery.csv", DISCOVERY_COLUMNS, found),
        events=_optional_csv(directory, "events.csv", EVENTS_COLUMNS, found),
        sweep_summary=sweep_summary, files=found)
    if summary is None and results.compare is None and results.sweep is None:
        raise ContractError(f"{directory}: not a detente results folder: it has none of "
                            "timeseries.csv, summary.csv, results.db, compare.csv, sweep.csv "
                            "(make one with `detente run SCENARIO.yaml --out "
                            f"{directory}`)")
    return results
