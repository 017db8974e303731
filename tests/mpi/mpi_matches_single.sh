#!/usr/bin/env bash
# Runs `detente sweep`, `detente run --replicates`, `detente calibrate` and, on
# a scenario with arms, `detente compare` and `detente run` under
# `mpirun -np 2`, and compares every result file byte for byte with a
# single-process run.
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
# A calibration of the recovery test's small world (2 x 200 people, 40 weeks)
# to targets near its runs (made up for this test, as in
# tests/integration/test_calibrate.cpp), fitted and held out: 30 particles,
# 3 generations, batches of 32 candidates dealt to two ranks.
printf '%s\n' 'metric,subject,step,value,se,source' \
  'mean,north->south,20,0.4966,0.002,"test, made up"' \
  'mean,south->north,20,0.4922,0.002,"test, made up"' \
  'mean,south->north,30-40,0.4867,0.002,"test, made up"' >"$work/targets.csv"
calibrate=(calibrate tests/calibration/recovery_world.yaml --quiet --threads 1
  --set calibrate.particles=30 --set calibrate.generations=3 --budget 400
  --targets "$work/targets.csv" --holdout "$work/targets.csv")

"$detente" "${sweep[@]}" --out "$work/sweep-one"
"${launch[@]}" "$detente" "${sweep[@]}" --out "$work/sweep-two"
"$detente" "${run[@]}" --out "$work/run-one"
"${launch[@]}" "$detente" "${run[@]}" --out "$work/run-two"
"$detente" compare "${arms[@]}" -r 3 --out "$work/compare-one"
"${launch[@]}" "$detente" compare "${arms[@]}" -r 3 --out "$work/compare-two"
"$detente" run "${arms[@]}" --replicates 3 --out "$work/arms-one"
"${launch[@]}" "$detente" run "${arms[@]}" --replicates 3 --out "$work/arms-two"
"$detente" "${calibrate[@]}" --out "$work/calibrate-one"
"${launch[@]}" "$detente" "${calibrate[@]}" --out "$work/calibrate-two"

status=0
for f in sweep-%/sweep_points.csv sweep-%/sweep.csv sweep-%/sensitivity.csv \
  run-%/timeseries.csv run-%/summary.csv \
  compare-%/compare.csv compare-%/timeseries.csv compare-%/summary.csv \
  arms-%/timeseries.csv arms-%/summary.csv \
  calibrate-%/priors.csv calibrate-%/generations.csv calibrate-%/posterior.csv \
  calibrate-%/particles.csv calibrate-%/fit.csv; do
  one="$work/${f/\%/one}" two="$work/${f/\%/two}"
  if cmp "$one" "$two"; then
    echo "same: ${f/-%/}"
  else
    echo "DIFFERENT: ${f/-%/} under mpirun -np 2" >&2
    status=1
  fi
done
# calibrated.yaml's first line is a comment with the start time; the rest must match.
if cmp <(tail -n +2 "$work/calibrate-one/calibrated.yaml") \
  <(tail -n +2 "$work/calibrate-two/calibrated.yaml"); then
  echo "same: calibrate/calibrated.yaml"
else
  echo "DIFFERENT: calibrate/calibrated.yaml under mpirun -np 2" >&2
  status=1
fi
# The arms really ran: identical files must not be identical emptiness.
for arm in episodic none; do
  grep -q "^$arm,base,trusting_share,all,final," "$work/compare-two/compare.csv" ||
    { echo "MISSING: arm $arm in compare.csv" >&2; status=1; }
  grep -q "^$arm,2," "$work/arms-two/timeseries.csv" ||
    { echo "MISSING: arm $arm in run's timeseries.csv" >&2; status=1; }
done
# The calibration really ran: 30 particles, and fit.csv holds both roles.
[ "$(tail -n +2 "$work/calibrate-two/posterior.csv" | wc -l)" -eq 30 ] ||
  { echo "MISSING: the calibration's 30 particles in posterior.csv" >&2; status=1; }
for role in fit holdout; do
  grep -q ",$role\$" "$work/calibrate-two/fit.csv" ||
    { echo "MISSING: $role rows in the calibration's fit.csv" >&2; status=1; }
done
exit $status
