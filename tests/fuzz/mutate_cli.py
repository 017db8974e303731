#!/usr/bin/env python3
"""Mutated scenarios through the `detente` program, as a user would pass them.

Each mutant of a shipped scenario goes through `detente check` (or `detente
run --set steps=2`) in a fresh folder; the run must end in exit 0, or exit 2
with a located message (file:line:column, a --set, or a key path), within
--seconds and --max-mb of memory. Failing inputs are kept in --keep.

    tests/fuzz/mutate_cli.py --detente build/dev/detente --command check --count 10000
    tests/fuzz/mutate_cli.py --detente build/dev/detente --command run --count 1000

Deterministic: the same --seed gives the same mutants (tests/README.md, Fuzzing).
"""
import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["&a ", "*a", "&b [*b]", "[*a, *a, *a]", "<<: *a", "{", "}", "[", "]", "- ", ": ",
         "\n  ", "\n    - ", "!!binary ", "? ", "|\n  ", "'", '"', "#", "0", "-1", "1e308",
         "1e39", "nan", ".inf", "9223372036854775807", "18446744073709551616",
         "4611686018427387904", "4294967296", "99999999999999999999", "true", "~",
         "\u202e", "\x1b[2J", "\x07", "\t", "\r", "population.groups.0.size", "steps",
         "{dist: beta, a: 1e308, b: 2}", "self_weight: 1e39", "rounds: 9223372036854775807"]
EXTREMES = ["0", "-1", "9223372036854775807", "1e308", "1e39", "4294967296", "nan", "100000000"]
# A refusal that names a line (file:line[:column]), a --set or an option; the
# rest of LOCATED (a file named without a line) is counted apart as well.
AT_LINE = re.compile(r"^error: (.*?\.(yaml|yml|csv):\d+(:\d+)?|--set |--seed |--[a-z-]+:)", re.M)
LOCATED = re.compile(r"^error: (.*?\.(yaml|yml|csv):\d+(:\d+)?|--set |--seed |--[a-z-]+:|[^ ]+\.(yaml|yml): )",
                     re.M)


class Random:
    """splitmix64, as tests/fuzz/mutator.hpp."""
    def __init__(self, seed):
        self.state = seed & (2**64 - 1)

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & (2**64 - 1)
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & (2**64 - 1)
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & (2**64 - 1)
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def mutate(text, corpus, rng):
    out = bytearray(text)
    for _ in range(1 + rng.below(4)):
        at = rng.below(len(out) + 1)
        kind = rng.below(8)
        if kind == 0 and out:
            i = rng.below(len(out))
            out[i] ^= 1 << rng.below(8)
        elif kind == 1:
            out[at:at] = bytes([rng.below(256)])
        elif kind == 2 and out:
            i = rng.below(len(out))
            del out[i:i + 1 + rng.below(min(64, len(out) - i))]
        elif kind == 3 and out:
            i = rng.below(len(out))
            run = out[i:i + 1 + rng.below(min(128, len(out) - i))]
            out[at:at] = run * (1 + rng.below(3))
        elif kind in (4, 5):
            out[at:at] = WORDS[rng.below(len(WORDS))].encode()
        elif kind == 6:
            other = corpus[rng.below(len(corpus))]
            i = rng.below(len(other))
            end = other.find(b"\n", i)
            out[at:at] = other[i:(len(other) if end < 0 else end + 1)]
        else:
            m = re.compile(rb"[0-9][0-9.eE+-]*").search(bytes(out), at)
            if m:
                out[m.start():m.end()] = EXTREMES[rng.below(len(EXTREMES))].encode()
    return bytes(out[:64 * 1024])


def run_one(detente, command, path, workdir, seconds, max_mb):
    args = [detente, command, str(path)]
    if command == "run":
        args += ["--set", "steps=2", "--quiet", "--threads", "1", "--out", str(workdir / "out")]
    start = time.monotonic()
    proc = subprocess.Popen(args, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    timed_out = False
    try:
        _, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        timed_out = True
    elapsed = time.monotonic() - start
    return proc.returncode, err.decode("utf-8", "replace"), elapsed, timed_out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--detente", required=True)
    p.add_argument("--command", choices=["check", "run"], default="check")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--seed", type=int, default=16)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--max-mb", type=float, default=1024)
    p.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "scenarios"))
    p.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "detente-mutants"))
    a = p.parse_args()

    corpus_files = sorted(Path(a.corpus).glob("*.yaml"))
    corpus = [f.read_bytes() for f in corpus_files]
    rng = Random(a.seed)
    keep = Path(a.keep)
    keep.mkdir(parents=True, exist_ok=True)
    counts = {"exit 0": 0, "located exit 2": 0, "unlocated exit 2": 0, "other exit": 0,
              "over time": 0, "over memory": 0}
    file_only = 0  # located exit 2 naming the file but no line
    slowest = 0.0
    peak_mb = 0.0
    detente = str(Path(a.detente).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(a.count):
            k = rng.below(len(corpus))
            # Mutants sit next to the scenario they came from, so relative network files resolve.
            work = Path(tmp) / f"m{n % 4}"
            if work.exists():
                shutil.rmtree(work)
            work.mkdir()
            for extra in Path(a.corpus).iterdir():
                if extra.is_dir():
                    os.symlink(extra, work / extra.name)
            path = work / corpus_files[k].name
            path.write_bytes(mutate(corpus[k], corpus, rng))
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            code, err, elapsed, timed_out = run_one(detente, a.command, path, work, a.seconds, a.max_mb)
            # ru_maxrss of children is the largest of any child so far (KiB).
            after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            mb = after / 1024 if after > before else 0.0
            peak_mb = max(peak_mb, after / 1024)
            slowest = max(slowest, elapsed)
            if timed_out:
                verdict = "over time"
            elif mb > a.max_mb:
                verdict = "over memory"
            elif code == 0:
                verdict = "exit 0"
            elif code == 2:
                verdict = "located exit 2" if LOCATED.search(err) else "unlocated exit 2"
                if verdict == "located exit 2" and not AT_LINE.search(err):
                    file_only += 1
            else:
                verdict = "other exit"
            counts[verdict] += 1
            if verdict not in ("exit 0", "located exit 2"):
                kept = keep / f"{a.command}-{a.seed}-{n}.yaml"
                shutil.copy(path, kept)
                print(f"{verdict} (exit {code}, {elapsed:.1f} s): {kept}\n  {err.strip()[:300]}",
                      file=sys.stderr)
    print(f"mutate_cli {a.command}: {a.count} mutants (seed {a.seed}): " +
          ", ".join(f"{v} {k}" for k, v in counts.items()) +
          f" (of the located, {file_only} name the file without a line)" +
          f"; slowest {slowest:.2f} s; largest peak memory {peak_mb:.0f} MB")
    return 0 if counts["exit 0"] + counts["located exit 2"] == a.count else 1


if __name__ == "__main__":
    sys.exit(main())
