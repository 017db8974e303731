#!/bin/sh
# Throughput of the experiment layer (issue 14, item 8), measured as a user
# runs it. Not a test: it takes minutes and its numbers depend on the machine.
#
#   tests/bench/robustness.sh [DETENTE] [full|scaling|all]
#
# full:    a robustness analysis of one library scenario at full size
#          (routine_vs_episodic: 3 arms x 64 futures x 4 replicates x 520
#          weeks, 20,000 people), on every core; target under 5 minutes on
#          the two-core development machine.
# scaling: one thread against two, on a sweep (README's Sobol command) and on
#          futures (campaign_sponsor at 2,000 people, 16 futures); target 1.8x.
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
  echo "full robustness analysis (3 arms x 64 futures x 4 replicates x 520 steps, $(nproc) cores): $t s"
fi

if [ "$what" = scaling ] || [ "$what" = all ]; then
  for threads in 1 2; do
    t=$(seconds "$detente" sweep scenarios/sweep_contact.yaml --set sweep.design=sobol \
          --set sweep.samples=64 --threads "$threads" --quiet --out "$out/sweep$threads")
    echo "sweep (README Sobol command), $threads thread(s): $t s"
    eval "sweep_$threads=$t"
  done
  for threads in 1 2; do
    t=$(seconds "$detente" compare scenarios/campaign_sponsor.yaml --futures 16 --replicates 2 \
          --set population.groups.north.size=1000 --set population.groups.south.size=1000 \
          --set steps=104 --threads "$threads" --quiet --out "$out/futures$threads")
    echo "futures (campaign_sponsor, 2,000 people, 16 futures x 2 replicates), $threads thread(s): $t s"
    eval "futures_$threads=$t"
  done
  echo "$sweep_1 $sweep_2 $futures_1 $futures_2" |
    awk '{printf "speed-up with two threads: sweep %.2fx, futures %.2fx\n", $1 / $2, $3 / $4}'
fi
