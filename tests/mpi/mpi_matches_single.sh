#!/usr/bin/env bash
# Runs `detente sweep`, `detente run --replicates` and, on a scenario with
# arms, `detente compare` and `detente run` under `mpirun -np 2`, and compares
# every result file byte for byte with a single-process run.
#   mpi_matches_single.sh DETENTE MPIRUN SOURCE_DIR
set -euo pipefail
detente=$1 mpirun=$2 source_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source_dir"

# --oversubscribe: two ranks even on one core. Shared-memory transport only,
# without the kernel-assisted copy that containers often forbid.
launch=("$mpirun" --oversubscribe -np 2 --mca btl self,vader
  --mca btl_vader_single_copy_mechanism none)
[ "$(id -u)" -eq 0 ] && launch+=(--allow-run-as-root)

small=(--quiet --threads 1 --set population.groups.north.size=300
  --set population.groups.south.size=300 --set steps=24)
sweep=(sweep scenarios/sweep_contact.yaml "${small[@]}" --set sweep.samples=5
  --set sweep.replicates=2)
run=(run scenarios/sweep_contact.yaml "${small[@]}" --replicates 3)
# Three arms × three replicates: nine runs dealt unevenly to two ranks.
arms=(scenarios/routine_vs_episodic.yaml "${small[@]}")

"$detente" "${sweep[@]}" --out "$work/sweep-one"
"${launch[@]}" "$detente" "${sweep[@]}" --out "$work/sweep-two"
"$detente" "${run[@]}" --out "$work/run-one"
"${launch[@]}" "$detente" "${run[@]}" --out "$work/run-two"
"$detente" compare "${arms[@]}" -r 3 --out "$work/compare-one"
"${launch[@]}" "$detente" compare "${arms[@]}" -r 3 --out "$work/compare-two"
"$detente" run "${arms[@]}" --replicates 3 --out "$work/arms-one"
"${launch[@]}" "$detente" run "${arms[@]}" --replicates 3 --out "$work/arms-two"

status=0
for f in sweep-%/sweep_points.csv sweep-%/sweep.csv sweep-%/sensitivity.csv \
  run-%/timeseries.csv run-%/summary.csv \
  compare-%/compare.csv compare-%/timeseries.csv compare-%/summary.csv \
  arms-%/timeseries.csv arms-%/summary.csv; do
  one="$work/${f/\%/one}" two="$work/${f/\%/two}"
  if cmp "$one" "$two"; then
    echo "same: ${f/-%/}"
  else
    echo "DIFFERENT: ${f/-%/} under mpirun -np 2" >&2
    status=1
  fi
done
# The arms really ran: identical files must not be identical emptiness.
for arm in episodic none; do
  grep -q "^$arm,base,trusting_share,all,final," "$work/compare-two/compare.csv" ||
    { echo "MISSING: arm $arm in compare.csv" >&2; status=1; }
  grep -q "^$arm,2," "$work/arms-two/timeseries.csv" ||
    { echo "MISSING: arm $arm in run's timeseries.csv" >&2; status=1; }
done
exit $status
