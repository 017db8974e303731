"""Write the baseline world's calibration targets: the ANES spread.

The one survey-grounded figure of scenarios/baseline.yaml is its spread of
out-group feeling: a person-level SD of about 0.21 that holds for ten years
without a cause, as the ANES partisans' out-party feeling held it (its means
are illustrative, so its mean and shares are not targets; see
scenarios/data/README.md, "The baseline world's targets"). This script reads
only anes_outparty_thermometer.csv (beside this folder) and writes
scenarios/data/baseline_spread_targets.csv: the pooled partisans' SD of each
wave 1980-1988, rescaled to 0-1, at step (year - 1978) x 52 of the baseline's
weekly run (week 0 = the 1978 wave, whose SD the baseline starts from), with
the standard error SD/sqrt(2(n-1)). Run from anywhere:

    /usr/bin/python3 scenarios/data/scripts/baseline_targets.py
"""
import csv
import math
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
SOURCE_FILE = DATA / "anes_outparty_thermometer.csv"
TARGETS_FILE = DATA / "baseline_spread_targets.csv"

ROW = "partisans_incl_leaners_unweighted"
START_YEAR = 1978  # week 0 of the baseline stands for this wave
STEPS_PER_YEAR = 52
YEARS = range(1980, 1989, 2)  # the waves inside the baseline's ten years

HEADER = """# The baseline world's survey-grounded figure as calibration targets for
# scenarios/calibrate_baseline.yaml: the person-level SD of out-group feeling,
# which the ANES partisans kept at 0.20-0.22 through 1980-1988. Written by
# scenarios/data/scripts/baseline_targets.py from anes_outparty_thermometer.csv
# (rows partisans_incl_leaners_unweighted); see scenarios/data/README.md
# ("The baseline world's targets"). detente's subject `all` pools two sides of
# equal size, the ANES pools by sample size; for an SD the difference is
# small (the two parties' out-party means differ by 0.04 or less in these waves).
"""


def main():
    with open(SOURCE_FILE, newline="") as f:
        rows = {int(r["year"]): r for r in csv.DictReader(f) if r["group"] == ROW}
    targets = []
    for year in YEARS:
        row = rows[year]
        sd, n = float(row["sd"]) / 100, int(row["n"])
        source = (f"ANES Time Series {year}, partisans incl. leaners rating the other party, "
                  f"person-level SD of the feeling thermometer/100, n = {n}: "
                  f"scenarios/data/anes_outparty_thermometer.csv row {year},{ROW} "
                  f"(respondent-level data: Miller, stevedata R package, anes_partytherms.rda); "
                  f"se = SD/sqrt(2(n-1)); step = (year - 1978) x 52")
        targets.append({"metric": "sd", "subject": "all", "step": (year - START_YEAR) * STEPS_PER_YEAR,
                        "value": round(sd, 4), "se": round(sd / math.sqrt(2 * (n - 1)), 4),
                        "source": source})
    with open(TARGETS_FILE, "w", newline="") as out:
        out.write(HEADER)
        writer = csv.DictWriter(out, fieldnames=["metric", "subject", "step", "value", "se", "source"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(targets)
    print(f"{len(targets)} rows written to {TARGETS_FILE}")


if __name__ == "__main__":
    main()
