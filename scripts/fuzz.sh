#!/usr/bin/env bash
# Fuzzes each libFuzzer harness of tests/fuzz in turn (make fuzz; README "Fuzzing").
#   scripts/fuzz.sh SECONDS [HARNESS…]    default: every harness, FUZZ_SECONDS each
# New interesting inputs go to build/asan/fuzz-work/<harness>/ (the committed seeds in
# tests/fuzz/corpus/<harness>/ are read, never written); a crash or contract violation is saved as
# build/asan/fuzz-work/<harness>-crash-* — copy it into tests/fuzz/crashes/<harness>/ once fixed,
# so that `make test` replays it. Each run's summary (executions, coverage) is in <harness>.log.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH="${1:-60}"
shift || true
HARNESSES=("$@")
if [ ${#HARNESSES[@]} -eq 0 ]; then  # every harness of tests/fuzz
  for f in "$ROOT"/tests/fuzz/fuzz_*.cpp; do HARNESSES+=("$(basename "$f" .cpp)"); done
fi
WORK="$ROOT/build/asan/fuzz-work"
mkdir -p "$WORK"
status=0
for h in "${HARNESSES[@]}"; do
  mkdir -p "$WORK/$h"
  echo "fuzz: $h for ${SECONDS_EACH}s (log: $WORK/$h.log)"
  if "$ROOT/build/asan/$h" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -malloc_limit_mb=512 \
       -max_len=8192 -timeout=20 -print_final_stats=1 -artifact_prefix="$WORK/$h-" \
       "$WORK/$h" "$ROOT/tests/fuzz/corpus/$h" >"$WORK/$h.log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$WORK/$h.log" | tail -2 || true
  else
    echo "fuzz: $h FOUND A FAILURE; see $WORK/$h.log and $WORK/$h-crash-*" >&2
    status=1
  fi
done
exit $status
