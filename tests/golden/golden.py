#!/usr/bin/env python3
"""The golden regression baseline: every change in results is visible in review.

    golden.py check  DETENTE   # run every case, compare with expected/; exit 1 on any change
    golden.py update DETENTE   # regenerate expected/ on purpose (say why in the commit)

Each case in cases.txt is run with the given program into a scratch folder,
and its summary.csv is compared byte for byte with expected/<case>/summary.csv.
On a difference the check prints, per metric, the largest change of a mean
(with its subject and step), so the reviewer sees what moved.
"""
import csv
import math
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def cases():
    for line in (HERE / "cases.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, scenario, options = (part.strip() for part in line.split("|"))
        yield name, scenario, options.split()


def run(program, scenario, options, out):
    command = [program, "run", str(ROOT / scenario), "--out", str(out), "--quiet", *options]
    subprocess.run(command, check=True, cwd=ROOT)
    return out / "summary.csv"


def read(path):
    with open(path, newline="") as f:
        return {(r["arm"], r["metric"], r["subject"], r["step"]): r for r in csv.DictReader(f)}


def moved(expected_path, actual_path):
    """Lines saying, per metric, the largest change of a mean."""
    old, new = read(expected_path), read(actual_path)
    lines = []
    for key in sorted(old.keys() - new.keys())[:5]:
        lines.append(f"  gone: {'/'.join(key)}")
    for key in sorted(new.keys() - old.keys())[:5]:
        lines.append(f"  new:  {'/'.join(key)}")
    largest = {}
    for key in old.keys() & new.keys():
        a, b = old[key]["mean"], new[key]["mean"]
        if a == b:
            continue
        x, y = float(a or "nan"), float(b or "nan")
        change = abs(y - x) if not (math.isnan(x) or math.isnan(y)) else math.inf
        metric = key[1]
        if metric not in largest or change > largest[metric][0]:
            largest[metric] = (change, key, a, b)
    for metric, (change, key, a, b) in sorted(largest.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"  {metric:32s} largest change {change:.6g} "
                     f"({key[2]}, step {key[3]}, arm {key[0]}: {a} -> {b})")
    return lines


def main(argv):
    if len(argv) != 3 or argv[1] not in ("check", "update"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, program = argv[1], argv[2]
    changed = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, scenario, options in cases():
            actual = run(program, scenario, options, pathlib.Path(scratch) / name)
            expected = HERE / "expected" / name / "summary.csv"
            if mode == "update":
                expected.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(actual, expected)
                print(f"updated {expected.relative_to(ROOT)}")
                continue
            if not expected.exists():
                changed.append(f"{name}: no stored baseline (run: tests/golden/golden.py update)")
                continue
            if expected.read_bytes() != actual.read_bytes():
                changed.append(f"{name}: results moved from the stored baseline")
                changed.extend(moved(expected, actual))
    if changed:
        print("\n".join(changed))
        print("If the change is intended, regenerate the baseline in the same commit and say "
              "what moved and why:\n  /usr/bin/python3 tests/golden/golden.py update "
              "build/dev/detente")
        return 1
    if mode == "check":
        print("every golden case matches its stored baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
