#!/bin/sh
# A plan over 2 MPI processes writes the same JSON as one process with threads, and
# the same again resumed from the cache the MPI run kept.
# Usage: mpi_plan.sh MPIEXEC CORRIDOR SOURCE_DIR SCRATCH_DIR
set -eu
mpiexec=$1 corridor=$2 source=$3 scratch=$4
mkdir -p "$scratch"
rm -f "$scratch"/*.json "$scratch"/*.jsonl
cd "$source"
plan="plan tests/cli/three-berths.yaml --budget-musd-per-year 1 --delays 0 -r 2 --quiet"
# shellcheck disable=SC2086
"$corridor" $plan --threads 2 --json "$scratch/threads.json"
# Open MPI refuses root unless told; CI runs as root. Two slots even on a small machine.
# shellcheck disable=SC2086
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
  "$mpiexec" --oversubscribe -np 2 "$corridor" $plan --threads 1 --json "$scratch/mpi.json" \
  --resume "$scratch/plans.jsonl"
cmp "$scratch/threads.json" "$scratch/mpi.json"
# Resumed: nothing simulated, every plan read from the cache, the same plan.
# shellcheck disable=SC2086
"$corridor" $plan --threads 2 --json "$scratch/resumed.json" --resume "$scratch/plans.jsonl"
grep -q '"simulated": 0,' "$scratch/resumed.json"
sed -e '/"simulated"/d' -e '/"from_cache"/d' "$scratch/threads.json" > "$scratch/a.json"
sed -e '/"simulated"/d' -e '/"from_cache"/d' "$scratch/resumed.json" > "$scratch/b.json"
cmp "$scratch/a.json" "$scratch/b.json"
echo "mpi plan: the same plan on 2 ranks, on threads and resumed"
