"""What the Python module adds to a run of the baseline, against the CLI
(issue 17: target under 5%), and what a custom metric costs. Not a test: its
numbers depend on the machine and its load.

    /usr/bin/python3 tests/bench/python_overhead.py [--detente build/dev/detente]
        [--python-dir build/dev/python] [--repeats 3] [--threads 0] [--set path=value ...]

Runs alternate (CLI, Python, CLI, Python, ...) so that load drifting on a
shared machine hits both alike; medians are reported. Three comparisons:
  process:    `detente run` against `python3 -c "import detente; detente.run(..., out=)"`,
              each a fresh process writing the same result folder;
  in-process: the same detente.run(out=) call timed inside Python, against the CLI;
  metric:     Simulation.run() with and without one add_metric (a numpy mean of a view).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCENARIO = "scenarios/baseline.yaml"


def timed(command, env=None):
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detente", default=os.path.join(ROOT, "build", "dev", "detente"))
    parser.add_argument("--python-dir", default=os.path.join(ROOT, "build", "dev", "python"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--set", action="append", default=[], help="path=value, as --set")
    args = parser.parse_args()
    sys.path.insert(0, args.python_dir)
    import numpy as np

    import detente

    overrides = dict(item.split("=", 1) for item in args.set)
    env = {**os.environ, "PYTHONPATH": args.python_dir}
    sets = [a for item in args.set for a in ("--set", item)]
    os.chdir(ROOT)
    cli, process, inside, plain, custom = [], [], [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        for k in range(args.repeats):
            out = os.path.join(scratch, f"cli{k}")
            cli.append(timed([args.detente, "run", SCENARIO, *sets, "--threads", str(args.threads),
                              "--quiet", "--out", out]))
            out = os.path.join(scratch, f"process{k}")
            code = (f"import detente; detente.run({SCENARIO!r}, overrides={overrides!r}, "
                    f"threads={args.threads}, out={out!r})")
            process.append(timed([sys.executable, "-c", code], env=env))
            start = time.perf_counter()
            detente.run(SCENARIO, overrides=overrides, threads=args.threads,
                        out=os.path.join(scratch, f"inside{k}"))
            inside.append(time.perf_counter() - start)

            sim = detente.Simulation(SCENARIO, overrides=overrides)
            start = time.perf_counter()
            sim.run()
            plain.append(time.perf_counter() - start)
            sim = detente.Simulation(SCENARIO, overrides=overrides)
            north = sim.group == 0
            sim.add_metric("north_mean", lambda s: float(np.mean(s.trust["south"][north])))
            start = time.perf_counter()
            frame = sim.run()
            custom.append(time.perf_counter() - start)
    outputs = int((frame["metric"] == "north_mean").sum())

    def report(name, seconds, against):
        m, base = statistics.median(seconds), statistics.median(against)
        print(f"{name:<34} median {m:7.3f} s  ({100 * (m / base - 1):+5.1f}% vs CLI)  "
              f"runs: {' '.join(f'{s:.3f}' for s in seconds)}")

    print(f"baseline{' with ' + ' '.join(args.set) if args.set else ''}, "
          f"threads={args.threads or 'every core'}, {args.repeats} alternating repeats")
    m = statistics.median(cli)
    print(f"{'CLI: detente run':<34} median {m:7.3f} s  runs: {' '.join(f'{s:.3f}' for s in cli)}")
    report("python3 -c 'detente.run(out=)'", process, cli)
    report("detente.run(out=) in-process", inside, cli)
    extra = statistics.median(custom) - statistics.median(plain)
    print(f"{'Simulation.run()':<34} median {statistics.median(plain):7.3f} s")
    print(f"{'  + one add_metric':<34} median {statistics.median(custom):7.3f} s  "
          f"(+{extra:.3f} s over {outputs} output steps: {1000 * extra / outputs:.2f} ms each)")


if __name__ == "__main__":
    main()
