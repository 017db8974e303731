"""Write the ANES hindcast targets and print the 1978 starting distributions.

Reads only anes_outparty_thermometer.csv (beside this folder); every number
it writes is a row of that file rescaled to detente's 0-1 scale, or a
standard error computed from that row's SD, share and n by the formulas
below. Run from anywhere:

    /usr/bin/python3 scenarios/data/scripts/hindcast_targets.py

Writes scenarios/data/anes_hindcast_fit.csv (waves 1980-1996) and
anes_hindcast_holdout.csv (1998-2012) in the calibration targets format
(`metric,subject,step,value,se,source`), and prints the beta shapes of the
1978 wave that scenarios/hindcast_anes.yaml starts from.
"""
import csv
import math
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
SOURCE_FILE = DATA / "anes_outparty_thermometer.csv"

START_YEAR = 1978     # the scenario's step 0 is the 1978 wave
STEPS_PER_YEAR = 52   # weekly steps (hindcast_anes.yaml)
LAST_FIT_YEAR = 1996  # fit on 1980-1996, hold out 1998-2012

# Which side of the scenario each ANES row stands for: the baseline world's
# group names, north = Democrats, south = Republicans (hindcast_anes.yaml).
SIDES = {
    "dems_incl_leaners_rating_rep_unweighted": ("north->south", "Democrats incl. leaners rating the Republican Party"),
    "reps_incl_leaners_rating_dem_unweighted": ("south->north", "Republicans incl. leaners rating the Democratic Party"),
}


def step_of(year):
    return (year - START_YEAR) * STEPS_PER_YEAR


def standard_errors(mean, sd, warm, cold, n):
    """Simple-random-sample standard errors on the 0-1 scale.

    mean: SD/sqrt(n); SD: SD/sqrt(2(n-1)) (normal-theory approximation);
    a share p: sqrt(p(1-p)/n). ANES is a clustered sample, so these are lower
    bounds: no design effect is applied because none is published beside
    these rows.
    """
    return {
        "mean": sd / math.sqrt(n),
        "sd": sd / math.sqrt(2 * (n - 1)),
        "trusting_share": math.sqrt(warm * (1 - warm) / n),
        "hostile_share": math.sqrt(cold * (1 - cold) / n),
    }


SE_TEXT = {
    "mean": "se = SD/sqrt(n)",
    "sd": "se = SD/sqrt(2(n-1))",
    "trusting_share": "share warm (>= 60); se = sqrt(p(1-p)/n)",
    "hostile_share": "share cold (<= 30); se = sqrt(p(1-p)/n)",
}


def target_rows(row):
    subject, who = SIDES[row["group"]]
    year = int(row["year"])
    mean, sd = float(row["mean"]) / 100, float(row["sd"]) / 100
    warm, cold, n = float(row["share_warm"]), float(row["share_cold"]), int(row["n"])
    values = {"mean": mean, "sd": sd, "trusting_share": warm, "hostile_share": cold}
    errors = standard_errors(mean, sd, warm, cold, n)
    for metric in ("mean", "sd", "trusting_share", "hostile_share"):
        source = (f"ANES Time Series {year}, {who}, feeling thermometer/100, n = {n}: "
                  f"scenarios/data/anes_outparty_thermometer.csv row {year},{row['group']} "
                  f"(respondent-level data: Miller, stevedata R package, anes_partytherms.rda); "
                  f"{SE_TEXT[metric]}; step = (year - 1978) x 52")
        yield {"metric": metric, "subject": subject, "step": step_of(year),
               "value": round(values[metric], 4), "se": round(errors[metric], 4), "source": source}


def beta_by_moments(mean, sd):
    """Beta shapes with the given mean and SD (method of moments)."""
    common = mean * (1 - mean) / sd**2 - 1
    return mean * common, (1 - mean) * common


HEADER = """# ANES out-party feeling thermometer as calibration targets for
# scenarios/hindcast_anes.yaml ({role}: waves {years}). Written by
# scenarios/data/scripts/hindcast_targets.py from anes_outparty_thermometer.csv;
# see scenarios/data/README.md ("The ANES hindcast") for the mapping and the
# standard-error formulas. Partisans are not ethnic rivals: this tests the
# model's dynamics on one long series, not a particular conflict.
"""


def write(path, rows, role, years):
    with open(path, "w", newline="") as out:
        out.write(HEADER.format(role=role, years=years))
        writer = csv.DictWriter(out, fieldnames=["metric", "subject", "step", "value", "se", "source"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main():
    with open(SOURCE_FILE, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["group"] in SIDES]
    fit, holdout = [], []
    for row in sorted(rows, key=lambda r: (int(r["year"]), r["group"])):
        year = int(row["year"])
        if year == START_YEAR:
            a, b = beta_by_moments(float(row["mean"]) / 100, float(row["sd"]) / 100)
            print(f"{SIDES[row['group']][0]} 1978: beta a = {a:.3f}, b = {b:.3f}")
            continue  # the starting distribution, not a target: fitting to it would be circular
        (fit if year <= LAST_FIT_YEAR else holdout).extend(target_rows(row))
    write(DATA / "anes_hindcast_fit.csv", fit, "fitted", "1980-1996")
    write(DATA / "anes_hindcast_holdout.csv", holdout, "held out", "1998-2012")
    print(f"{len(fit)} fit rows, {len(holdout)} holdout rows")


if __name__ == "__main__":
    main()
