"""detente from Python, end to end: run, step, look inside, add a metric, compare.

    /usr/bin/python3 analysis/examples/python_quickstart.py [--small] [--out DIR]

Needs the `detente` module (README "From Python": `bash cmake/bootstrap.sh run`
puts it on /usr/bin/python3's path). --small shrinks the worlds so the script
runs in seconds (the test suite runs it so); --out keeps the tables as CSV.
"""
import argparse
import os

import numpy as np

import detente

SMALL = {"population.groups.north.size": 300, "population.groups.south.size": 300, "steps": 104}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="small worlds, for a quick check")
    parser.add_argument("--out", help="folder for the CSV tables")
    args = parser.parse_args()
    size = SMALL if args.small else {}

    # 1. A run, as `detente run` would do it: the time series as a DataFrame.
    series = detente.run("scenarios/baseline.yaml", overrides=size, seed=7, replicates=2)
    last = series[series["step"] == series["step"].max()]
    print("Final out-group trust, baseline (mean of 2 replicates):")
    print(last[last["metric"] == "mean"].groupby("subject")["value"].mean().round(3).to_string())

    # 2. One replicate stepped by hand, looking at the people themselves.
    sim = detente.Simulation("scenarios/baseline.yaml", overrides=size, seed=7)
    north = sim.group == sim.group_names.index("north")
    for year in range(2):
        sim.step(52)
        trust = sim.trust["south"][north]  # a read-only view of the engine's memory
        print(f"after {sim.now} weeks: north's trust in south, "
              f"median {np.median(trust):.3f}, 10th percentile {np.percentile(trust, 10):.3f}")
    ties = sim.ties_frame()
    print(f"cross-group ties: {len(ties)} ({int(ties['programme'].sum())} from programmes)")

    # 3. A metric of our own, recorded at every output step with the others.
    fresh = detente.Simulation("scenarios/baseline.yaml", overrides=size, seed=7)

    def warm_share(s):
        """Share of north who trust south more than they did at the start."""
        return float(np.mean(s.trust["south"][north] > start[north]))

    start = fresh.trust["south"].copy()
    fresh.add_metric("warmer_than_at_start", warm_share, direction="higher",
                     label="North warmer than at the start")
    mine = fresh.run()
    mine = mine[mine["metric"] == "warmer_than_at_start"]
    print("north warmer than at the start, every 13th output:")
    print(mine[["step", "value"]].iloc[::13].round(3).to_string(index=False))

    # 4. Strategies against the baseline on common random numbers.
    table = detente.compare("scenarios/journalists_vs_exchanges.yaml", overrides=size, seed=7,
                            replicates=3)
    final = table[(table["window"] == "final") & (table["subject"] == "all")
                  & (table["metric"] == "trusting_share")]
    print("trusting share at the end, each arm against the baseline (difference, 95% CI):")
    print(final[["arm", "mean_difference", "ci_low", "ci_high"]].round(4).to_string(index=False))

    if args.out:
        os.makedirs(args.out, exist_ok=True)
        series.to_csv(os.path.join(args.out, "timeseries.csv"), index=False)
        mine.to_csv(os.path.join(args.out, "custom_metric.csv"), index=False)
        table.to_csv(os.path.join(args.out, "compare.csv"), index=False)
        print(f"wrote {args.out}/")


if __name__ == "__main__":
    main()
