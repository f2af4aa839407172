#!/bin/sh
# Fuzzes the scenario loader for SECONDS, starting from the bundled scenarios, the
# bad-scenario corpus and tests/fuzz/seeds. New interesting inputs go to WORK/corpus (kept
# between runs of one build tree); a crashing input is saved under WORK/ and fails the
# test: turn it into a case in tests/bad-scenarios/ once fixed.
# Usage: run_fuzzer.sh FUZZER SOURCE_DIR WORK SECONDS
set -eu
fuzzer=$1 source=$2 work=$3 seconds=$4
mkdir -p "$work/corpus"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -seed=1 -print_final_stats=1 -artifact_prefix="$work/" -dict="$source/tests/fuzz/scenario.dict" \
  "$work/corpus" "$source/scenarios" "$source/tests/bad-scenarios" "$source/tests/fuzz/seeds"
