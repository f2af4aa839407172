#!/bin/sh
# A sweep over 2 MPI processes writes the same bytes as one process with threads.
# Usage: mpi_sweep.sh MPIEXEC CORRIDOR SOURCE_DIR SCRATCH_DIR
set -eu
mpiexec=$1 corridor=$2 source=$3 scratch=$4
mkdir -p "$scratch"
rm -f "$scratch"/*.csv "$scratch"/*.manifest.json
cd "$source"
sweep="sweep scenarios/middle-corridor-2025.yaml --set scenario.horizon_days=120
  --range nodes.alat.capacity_mtpa=10:25:2.5 --set routes.choice=shortest,logit
  --replications 2 --quiet"
# shellcheck disable=SC2086
"$corridor" $sweep --threads 2 --csv "$scratch/threads.csv"
# Open MPI refuses root unless told; CI runs as root. Two slots even on a small machine.
# shellcheck disable=SC2086
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
  "$mpiexec" --oversubscribe -np 2 "$corridor" $sweep --threads 1 --csv "$scratch/mpi.csv"
cmp "$scratch/threads.csv" "$scratch/mpi.csv"
# And a resumed MPI sweep completes a cut file to the same bytes.
head -n 4 "$scratch/threads.csv" > "$scratch/resumed.csv"
cp "$scratch/threads.csv.manifest.json" "$scratch/resumed.csv.manifest.json"
# shellcheck disable=SC2086
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
  "$mpiexec" --oversubscribe -np 2 "$corridor" $sweep --threads 1 --resume --csv "$scratch/resumed.csv"
cmp "$scratch/threads.csv" "$scratch/resumed.csv"
echo "mpi sweep: $(($(wc -l < "$scratch/mpi.csv") - 1)) rows identical to the threaded run"
