"""Print the ANES hindcast's error from a calibration folder's fit.csv.

    /usr/bin/python3 scenarios/data/scripts/hindcast_error.py results/hindcast_anes-calibration

For the fitted and the held-out targets apart: the RMS standardised residual
(simulated mean - observed) / se, how many targets lie more than 2 se from the
simulated mean, and the mean absolute error of the `mean` targets; then each
held-out wave's mean feeling toward the other party, observed (with its
+-2 se) against simulated (the mean and the 2.5-97.5% range over the runs at
the posterior, fit.csv's simulated_low/high). Years are step / 52 + 1978
(scenarios/data/README.md, "The ANES hindcast").
"""
import csv
import math
import sys
from pathlib import Path

SIDES = {"north->south": "Democrats -> Republicans", "south->north": "Republicans -> Democrats"}


def read_fit(folder):
    path = Path(folder) / "fit.csv"
    if not path.is_file():
        sys.exit(f"{path}: no such file (is {folder} a finished `detente calibrate` folder?)")
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row.setdefault("role", "fit")
        for key in ("observed", "se", "simulated_mean", "simulated_low", "simulated_high",
                    "standardised_residual"):
            row[key] = float(row[key])
    return rows


def summary(rows):
    residuals = [r["standardised_residual"] for r in rows]
    means = [abs(r["simulated_mean"] - r["observed"]) for r in rows if r["metric"] == "mean"]
    return (math.sqrt(sum(z * z for z in residuals) / len(residuals)),
            sum(abs(z) > 2 for z in residuals), len(residuals),
            sum(means) / len(means) if means else float("nan"))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: hindcast_error.py CALIBRATION_FOLDER")
    rows = read_fit(sys.argv[1])
    print(f"{'targets':9} {'RMS std. residual':>17} {'beyond 2 se':>12} {'MAE of means':>13}")
    for role in ("fit", "holdout"):
        chosen = [r for r in rows if r["role"] == role]
        if chosen:
            rms, misses, n, mae = summary(chosen)
            print(f"{role:9} {rms:17.2f} {f'{misses} of {n}':>12} {mae:13.3f}")
    print()
    print(f"{'held out':8} {'side':26} {'observed ± 2 se':>17} {'simulated [95% range]':>24} {'error':>7}")
    for r in rows:
        if r["role"] == "holdout" and r["metric"] == "mean":
            year = 1978 + int(r["step"]) // 52
            print(f"{year:<8} {SIDES.get(r['subject'], r['subject']):26} "
                  f"{r['observed']:8.3f} ± {2 * r['se']:.3f} "
                  f"{r['simulated_mean']:8.3f} [{r['simulated_low']:.3f}, {r['simulated_high']:.3f}] "
                  f"{r['simulated_mean'] - r['observed']:+7.3f}")


if __name__ == "__main__":
    main()
