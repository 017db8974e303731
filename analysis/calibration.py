"""Reading a `detente calibrate` folder (issue 13's output contract).

    if calibration.is_calibration(folder):
        fitted = calibration.load(folder)
        fitted.parameters      # ["dynamics.media.influence", …], posterior.csv's order
        fitted.posterior       # particle,weight,distance,<parameter>…
        fitted.fit             # metric,subject,step,observed,se,simulated_*,…,role

A folder is a calibration when run.json says `"kind": "calibration"` or when
it holds both posterior.csv and priors.csv. Required: priors.csv,
posterior.csv, fit.csv; optional: run.json, scenario.yaml, generations.csv,
particles.csv (each None when absent). A file that is missing or lacks its
columns raises contract.ContractError naming the file and what it expected.
"""
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from analysis.contract import ContractError, Provenance, _read_csv

PRIORS_COLUMNS = ["parameter", "prior", "low", "high", "mean", "sd", "a", "b"]
GENERATIONS_COLUMNS = ["generation", "tolerance", "proposed", "accepted", "acceptance_rate", "ess",
                       "simulations"]
POSTERIOR_COLUMNS = ["particle", "weight", "distance"]
PARTICLES_COLUMNS = ["generation", "particle", "weight", "distance"]
FIT_COLUMNS = ["metric", "subject", "step", "observed", "se", "simulated_mean", "simulated_low",
               "simulated_high", "standardised_residual", "source"]
PRIOR_KINDS = ("uniform", "log_uniform", "normal", "beta")
MISS = 2.0  # |standardised residual| above which a target counts as missed
MAX_PARAMETERS = 64  # the calibrate block's own bound

_TEXT = {"parameter": str, "prior": str, "metric": str, "subject": str, "step": str,
         "source": str, "role": str}


@dataclass
class Calibration(Provenance):
    directory: Path
    run: dict
    scenario: dict
    priors: pd.DataFrame
    posterior: pd.DataFrame
    fit: pd.DataFrame
    generations: pd.DataFrame | None = None
    particles: pd.DataFrame | None = None
    files: list = field(default_factory=list)

    @property
    def replicates(self):
        block = self.scenario.get("calibrate") or {}
        return int(self.run.get("replicates") or block.get("replicates") or 0)

    @property
    def parameters(self):
        return list(self.priors["parameter"])

    def prior(self, parameter):
        return self.priors[self.priors["parameter"] == parameter].iloc[0]

    @property
    def weights(self):
        return self.posterior["weight"].to_numpy(dtype=float)

    def roles(self):
        """'fit' or 'holdout' per fit.csv row ('fit' where the column is absent)."""
        if "role" in self.fit.columns:
            return self.fit["role"].fillna("fit").replace("", "fit")
        return pd.Series(["fit"] * len(self.fit), index=self.fit.index)

    def step_positions(self):
        """A number per fit.csv step for plotting: the step, a range's midpoint,
        or for `final` the scenario's last step."""
        last = self.scenario.get("steps")
        positions = []
        for value in self.fit["step"].astype(str):
            value = value.strip()
            if value == "final":
                positions.append(float(last) if last is not None else math.nan)
            elif "-" in value.lstrip("-"):
                low, high = value.split("-", 1)
                positions.append((float(low) + float(high)) / 2)
            else:
                positions.append(float(value))
        return np.array(positions)


def is_calibration(directory):
    directory = Path(directory)
    run_file = directory / "run.json"
    if run_file.is_file():
        try:
            run = json.loads(run_file.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            run = {}
        if isinstance(run, dict) and run.get("kind") == "calibration":
            return True
    return (directory / "posterior.csv").is_file() and (directory / "priors.csv").is_file()


def _required(directory, name, columns, found):
    path = directory / name
    if not path.is_file():
        raise ContractError(f"{path}: missing; a calibration folder (written by `detente "
                            f"calibrate`) holds priors.csv, posterior.csv and fit.csv")
    found.append(name)
    return _read_csv(path, columns, _TEXT)


def _optional(directory, name, columns, found):
    path = directory / name
    if not path.is_file():
        return None
    found.append(name)
    return _read_csv(path, columns, _TEXT)


def _numeric(frame, columns, path):
    for column in columns:
        values = pd.to_numeric(frame[column], errors="coerce")
        bad = values.isna() & frame[column].notna()
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise ContractError(f"{path}: line {row + 2}, column {column}: expected a number, "
                                f"got {frame[column].iloc[row]!r}")
        frame[column] = values
    return frame


def _check_priors(priors, path):
    if not len(priors):
        raise ContractError(f"{path}: no parameters (expected one row per calibrated parameter)")
    if len(priors) > MAX_PARAMETERS:
        raise ContractError(f"{path}: {len(priors)} parameters, at most {MAX_PARAMETERS}")
    _numeric(priors, ["low", "high", "mean", "sd", "a", "b"], path)
    for i, row in priors.iterrows():
        where = f"{path}: line {i + 2}"
        if row["prior"] not in PRIOR_KINDS:
            raise ContractError(f"{where}: unknown prior {row['prior']!r} (expected one of "
                                f"{', '.join(PRIOR_KINDS)})")
        if not (np.isfinite(row["low"]) and np.isfinite(row["high"]) and row["low"] < row["high"]):
            raise ContractError(f"{where}: expected finite bounds with low < high")
        if row["prior"] == "log_uniform" and row["low"] <= 0:
            raise ContractError(f"{where}: a log-uniform prior needs low > 0")
        if row["prior"] == "normal" and not row["sd"] > 0:
            raise ContractError(f"{where}: a normal prior needs sd > 0")
        if row["prior"] == "beta" and not (row["a"] > 0 and row["b"] > 0):
            raise ContractError(f"{where}: a beta prior needs a > 0 and b > 0")


def _check_particles(frame, parameters, path, what):
    missing = [p for p in parameters if p not in frame.columns]
    if missing:
        raise ContractError(f"{path}: expected a column for every parameter of priors.csv; "
                            f"missing {', '.join(missing)}")
    _numeric(frame, ["weight", "distance", *parameters], path)
    if not len(frame):
        raise ContractError(f"{path}: no {what} (expected at least one row)")
    if (frame["weight"] < 0).any() or not frame["weight"].sum() > 0:
        raise ContractError(f"{path}: weights must be non-negative and not all zero")


def load(directory):
    """Reads a calibration folder; raises ContractError when it is not a sound one."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ContractError(f"{directory}: no such calibration folder (make one with "
                            f"`detente calibrate SCENARIO.yaml --out {directory}`)")
    found = []
    run = {}
    if (directory / "run.json").is_file():
        found.append("run.json")
        try:
            run = json.loads((directory / "run.json").read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ContractError(f"{directory / 'run.json'}: not valid JSON ({error})") from error
        if not isinstance(run, dict):
            raise ContractError(f"{directory / 'run.json'}: expected a JSON object")
    scenario = {}
    if (directory / "scenario.yaml").is_file():
        found.append("scenario.yaml")
        try:
            scenario = yaml.safe_load((directory / "scenario.yaml").read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise ContractError(f"{directory / 'scenario.yaml'}: not valid YAML ({error})") from error
        scenario = scenario if isinstance(scenario, dict) else {}

    priors = _required(directory, "priors.csv", PRIORS_COLUMNS, found)
    _check_priors(priors, directory / "priors.csv")
    parameters = list(priors["parameter"])
    posterior = _required(directory, "posterior.csv", POSTERIOR_COLUMNS, found)
    _check_particles(posterior, parameters, directory / "posterior.csv", "posterior particles")
    posterior["weight"] = posterior["weight"] / posterior["weight"].sum()
    fit = _required(directory, "fit.csv", FIT_COLUMNS, found)
    _numeric(fit, ["observed", "se", "simulated_mean", "simulated_low", "simulated_high",
                   "standardised_residual"], directory / "fit.csv")
    generations = _optional(directory, "generations.csv", GENERATIONS_COLUMNS, found)
    if generations is not None:
        _numeric(generations, GENERATIONS_COLUMNS, directory / "generations.csv")
    particles = _optional(directory, "particles.csv", PARTICLES_COLUMNS, found)
    if particles is not None:
        _check_particles(particles, parameters, directory / "particles.csv", "particles")
        _numeric(particles, ["generation"], directory / "particles.csv")
    return Calibration(directory=directory, run=run, scenario=scenario, priors=priors,
                       posterior=posterior, fit=fit, generations=generations,
                       particles=particles, files=found)


# -- statistics of a weighted sample -------------------------------------

def weighted_quantile(values, weights, q):
    values, weights = np.asarray(values, dtype=float), np.asarray(weights, dtype=float)
    order = np.argsort(values)
    values, weights = values[order], weights[order]
    cumulative = np.cumsum(weights) - 0.5 * weights
    cumulative /= weights.sum()
    return float(np.interp(q, cumulative, values))


def weighted_correlation(x, y, weights):
    x, y, w = (np.asarray(v, dtype=float) for v in (x, y, weights))
    w = w / w.sum()
    mx, my = (w * x).sum(), (w * y).sum()
    cov = (w * (x - mx) * (y - my)).sum()
    vx, vy = (w * (x - mx) ** 2).sum(), (w * (y - my) ** 2).sum()
    if vx <= 0 or vy <= 0:
        return 0.0
    return float(cov / math.sqrt(vx * vy))


def prior_density(prior, x):
    """The prior's density at x (an array), on the parameter's own scale."""
    x = np.asarray(x, dtype=float)
    low, high = float(prior["low"]), float(prior["high"])
    inside = (x >= low) & (x <= high)
    kind = prior["prior"]
    if kind == "uniform":
        density = np.full_like(x, 1.0 / (high - low))
    elif kind == "log_uniform":
        density = 1.0 / (np.clip(x, low, high) * math.log(high / low))
    elif kind == "normal":
        mean, sd = float(prior["mean"]), float(prior["sd"])
        z = (x - mean) / sd
        mass = 0.5 * (math.erf((high - mean) / (sd * math.sqrt(2)))
                      - math.erf((low - mean) / (sd * math.sqrt(2))))
        density = np.exp(-0.5 * z * z) / (sd * math.sqrt(2 * math.pi) * max(mass, 1e-300))
    else:  # beta on [low, high]
        a, b = float(prior["a"]), float(prior["b"])
        u = np.clip((x - low) / (high - low), 1e-12, 1 - 1e-12)
        log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
        density = np.exp(log_norm + (a - 1) * np.log(u) + (b - 1) * np.log1p(-u)) / (high - low)
    return np.where(inside, density, 0.0)


def prior_quantiles(prior, qs=(0.025, 0.975)):
    """The prior's quantiles, read off its density on a fine grid."""
    low, high = float(prior["low"]), float(prior["high"])
    grid = np.linspace(low, high, 4001)
    cdf = np.cumsum(prior_density(prior, grid))
    cdf /= cdf[-1]
    return [float(np.interp(q, cdf, grid)) for q in qs]


def correlated_pairs(fitted, threshold=0.3):
    """Parameter pairs for the pairwise plot: every pair when there are at most
    four parameters, else those whose |weighted correlation| ≥ threshold."""
    names = fitted.parameters
    pairs = []
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            r = weighted_correlation(fitted.posterior[first], fitted.posterior[second],
                                     fitted.weights)
            if len(names) <= 4 or abs(r) >= threshold:
                pairs.append((first, second, r))
    return pairs
