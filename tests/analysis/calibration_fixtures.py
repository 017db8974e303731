"""SYNTHETIC calibration folders for the report's tests: generated here from a
seeded random generator, in the calibration contract's format
(/work/notes/calibration_contract.md, mirrored in the README's "Calibrating a
scenario"). No number in them is a detente result or a survey figure.
"""
import json

import numpy as np
import pandas as pd

PRIORS = [
    {"parameter": "dynamics.media.influence", "prior": "log_uniform", "low": 0.01, "high": 0.04},
    {"parameter": "dynamics.influence.confidence", "prior": "uniform", "low": 0.15, "high": 0.4},
    {"parameter": "dynamics.contact.negative_step", "prior": "normal", "low": 0.05, "high": 0.085,
     "mean": 0.0675, "sd": 0.008},
    {"parameter": "dynamics.contact.generalisation", "prior": "beta", "low": 0.1, "high": 0.7,
     "a": 2, "b": 2},
    {"parameter": "dynamics.contact.rate", "prior": "log_uniform", "low": 0.05, "high": 0.2},
]


def _draw_prior(rng, prior, n):
    low, high = prior["low"], prior["high"]
    if prior["prior"] == "uniform":
        return rng.uniform(low, high, n)
    if prior["prior"] == "log_uniform":
        return np.exp(rng.uniform(np.log(low), np.log(high), n))
    if prior["prior"] == "normal":
        return np.clip(rng.normal(prior["mean"], prior["sd"], n), low, high)
    return low + (high - low) * rng.beta(prior["a"], prior["b"], n)


def write_calibration(folder, parameters=3, generations=3, particles=60, with_particles=True,
                      kind_in_run_json=True, correlated=None, seed=7):
    """A synthetic calibration folder. `correlated` = (i, j): make parameter j
    follow parameter i in the posterior (strongly correlated pair); every
    other pair is drawn independently."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    priors = PRIORS[:parameters]
    names = [p["parameter"] for p in priors]
    pd.DataFrame(priors, columns=["parameter", "prior", "low", "high", "mean", "sd", "a",
                                  "b"]).to_csv(folder / "priors.csv", index=False)
    # Generations shrink from the prior toward a point 40% up each range.
    rows, gens = [], []
    simulations = 0
    for g in range(generations):
        spread = 0.5 ** g
        values = {}
        for prior in priors:
            centre = prior["low"] + 0.4 * (prior["high"] - prior["low"])
            draw = _draw_prior(rng, prior, particles)
            values[prior["parameter"]] = np.clip(centre + spread * (draw - centre), prior["low"],
                                                 prior["high"])
        if correlated is not None:
            i, j = correlated
            a, b = priors[i], priors[j]
            u = (values[names[i]] - a["low"]) / (a["high"] - a["low"])
            values[names[j]] = b["low"] + (b["high"] - b["low"]) * np.clip(
                u + rng.normal(0, 0.02, particles), 0, 1)
        weights = rng.uniform(0.5, 1.5, particles)
        weights /= weights.sum()
        distance = rng.uniform(1, 2, particles) * spread
        for k in range(particles):
            rows.append({"generation": g, "particle": k, "weight": weights[k],
                         "distance": distance[k], **{n: values[n][k] for n in names}})
        proposed = particles * (2 + 3 * g)
        simulations += proposed * 2
        gens.append({"generation": g, "tolerance": float(distance.max()), "proposed": proposed,
                     "accepted": particles, "acceptance_rate": particles / proposed,
                     "ess": 1 / float((weights ** 2).sum()), "simulations": simulations})
    frame = pd.DataFrame(rows)
    if with_particles:
        frame.to_csv(folder / "particles.csv", index=False)
    frame[frame["generation"] == generations - 1].drop(columns="generation").to_csv(
        folder / "posterior.csv", index=False)
    pd.DataFrame(gens).to_csv(folder / "generations.csv", index=False)
    # Targets: two subjects, steps 104…936 fitted, 1040…1768 held out; the
    # simulated mean is the observation plus a drawn error, so some residuals
    # exceed 2 and some do not.
    fit = []
    for subject in ("north->south", "south->north"):
        for step in range(104, 1769, 208):
            observed = 0.5 - 0.0001 * step + rng.normal(0, 0.01)
            se = 0.01
            simulated = observed + rng.normal(0, 0.025)
            fit.append({"metric": "mean", "subject": subject, "step": str(step),
                        "observed": observed, "se": se, "simulated_mean": simulated,
                        "simulated_low": simulated - 0.02, "simulated_high": simulated + 0.02,
                        "standardised_residual": (simulated - observed) / se,
                        "source": f"SYNTHETIC test row, {subject} step {step}",
                        "role": "fit" if step <= 936 else "holdout"})
    pd.DataFrame(fit).to_csv(folder / "fit.csv", index=False)
    run = {"version": "0.0-test", "git_commit": "synthetic", "seed": seed, "threads": 1,
           "wall_seconds": 1.5, "command_line": f"detente calibrate synthetic.yaml --out {folder}"}
    if kind_in_run_json:
        run["kind"] = "calibration"
    (folder / "run.json").write_text(json.dumps(run))
    (folder / "scenario.yaml").write_text(
        "name: synthetic_calibration\nsteps: 1768\nstep_unit: week\n"
        "calibrate: {min_acceptance: 0.02, replicates: 2}\n")
    return folder
