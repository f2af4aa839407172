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
# Terminated mid-sweep (mpirun passes a Ctrl-C on to its ranks as SIGTERM), every rank
# stops starting runs, rank 0 keeps the whole rows, says so and exits 130, and --resume
# completes the file to the same bytes.
# shellcheck disable=SC2086
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
  "$mpiexec" --oversubscribe -np 2 "$corridor" $sweep --threads 1 --csv "$scratch/cut.csv" \
  2> "$scratch/cut.err" &
launcher=$!
# Terminate once the ranks are running, not after a fixed time, which a loaded machine
# may not honour: rank 0 writes the manifest just before the ranks set their handlers.
for _ in $(seq 1200); do
  if [ -e "$scratch/cut.csv.manifest.json" ] || ! kill -0 "$launcher" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
sleep 0.3
pkill -TERM -f "^$corridor sweep" || true
set +e
wait $launcher
code=$?
set -e
if [ "$code" -eq 130 ]; then
  grep -q "^corridor: interrupted: [0-9]* of 14 points are in .*cut.csv; --resume continues$" \
    "$scratch/cut.err"
elif [ "$code" -ne 0 ]; then
  echo "mpi sweep: terminated, exit $code instead of 130"; cat "$scratch/cut.err"; exit 1
fi
# shellcheck disable=SC2086
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
  "$mpiexec" --oversubscribe -np 2 "$corridor" $sweep --threads 1 --resume --csv "$scratch/cut.csv"
cmp "$scratch/threads.csv" "$scratch/cut.csv"
echo "mpi sweep: terminated with exit $code, resumed to the same bytes"
# Rank 0 shows the progress of every rank: a line at the first run done, then one every
# ten seconds (mpirun forwards the ranks' output through a pipe, so no redrawn line).
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
  "$mpiexec" --oversubscribe -np 2 "$corridor" sweep scenarios/two-terminal-line.yaml \
  --set nodes.b.capacity_mtpa=0.9,1.0,1.1,1.2 -r 2 --threads 1 --csv "$scratch/progress.csv" \
  2> "$scratch/progress.err"
grep -q "^corridor: [0-9]*/8 runs, " "$scratch/progress.err"
grep -q "^corridor: 4 points run now and 0 already there" "$scratch/progress.err"
echo "mpi sweep: progress shown"
