#!/bin/sh
# Throughput of the experiment layer (issue 14, item 8), measured as a user
# runs it. Not a test: it takes minutes and its numbers depend on the machine.
#
#   tests/bench/robustness.sh [DETENTE] [full|scaling|all]
#
# full:    a robustness analysis of one library scenario at full size
#          (routine_vs_episodic: 4 arms x 64 futures x 4 replicates x 520
#          weeks, 20,000 people), on every core; target under 5 minutes on
#          the two-core development machine.
# scaling: one thread against two; target 1.8x. On sweeps: the README's Sobol
#          command (512 runs of 2,000 people x 104 weeks, ~15 ms each, where
#          storing the summaries weighs most) and the same sweep at 20,000
#          people (128 runs); on futures: campaign_sponsor at full size
#          (20,000 people, 8 futures x 2 replicates x 3 arms, 104 weeks) and
#          at 2,000 people (16 futures, where the per-process set-up weighs).
#          Measure on a quiet machine: on a shared one, run it under
#          `chrt -f 10` (real-time priority; it still yields 5% to others).
set -eu
detente=${1:-build/dev/detente}
what=${2:-all}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The machine is shared: every measurement prints its CPU time (user + sys,
# which contention inflates far less than wall time) and the load average.
seconds() {  # seconds COMMAND...: wall time of the command, to 0.1 s; CPU time to stderr
  /usr/bin/time -f "%e %U %S" -o "$out/time" "$@" >/dev/null
  awk '{printf "  (wall %.1f s, cpu %.1f s = user %.1f + sys %.1f; load %s)\n", $1, $2 + $3, $2, $3, load}' \
    load="$(cut -d' ' -f1-3 /proc/loadavg)" "$out/time" >&2
  awk '{printf "%.1f", $1}' "$out/time"
}

if [ "$what" = full ] || [ "$what" = all ]; then
  t=$(seconds "$detente" compare scenarios/routine_vs_episodic.yaml --futures 64 --replicates 4 \
        --quiet --out "$out/full")
  echo "full robustness analysis (4 arms x 64 futures x 4 replicates x 520 steps, $(nproc) cores): $t s"
fi

if [ "$what" = scaling ] || [ "$what" = all ]; then
  speedup() {  # speedup LABEL COMMAND...: one thread against two
    label=$1
    shift
    t1=$(seconds "$@" --threads 1 --quiet --out "$out/one")
    rm -rf "$out/one"
    t2=$(seconds "$@" --threads 2 --quiet --out "$out/two")
    rm -rf "$out/two"
    echo "$t1 $t2" | awk -v label="$label" \
      '{printf "%s: 1 thread %.1f s, 2 threads %.1f s, speed-up %.2fx\n", label, $1, $2, $1 / $2}'
  }
  speedup "sweep (README Sobol command, 512 small runs)" \
    "$detente" sweep scenarios/sweep_contact.yaml --set sweep.design=sobol --set sweep.samples=64
  speedup "sweep (the same at 20,000 people, 128 runs)" \
    "$detente" sweep scenarios/sweep_contact.yaml --set sweep.design=sobol --set sweep.samples=16 \
    --set population.groups.north.size=10000 --set population.groups.south.size=10000
  speedup "futures (campaign_sponsor, full size, 8 futures x 2 replicates, 104 weeks)" \
    "$detente" compare scenarios/campaign_sponsor.yaml --futures 8 --replicates 2 --set steps=104
  speedup "futures (campaign_sponsor, 2,000 people, 16 futures x 2 replicates, 104 weeks)" \
    "$detente" compare scenarios/campaign_sponsor.yaml --futures 16 --replicates 2 \
    --set population.groups.north.size=1000 --set population.groups.south.size=1000 --set steps=104
fi
