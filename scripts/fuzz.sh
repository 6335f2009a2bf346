#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer (Fuzz/Targets, harness in
# Fuzz/Harness) and runs each for SECONDS (default 60) on a copy of its seed corpus, stopping
# on any crash, hang (-timeout) or leak. A crashing input is saved under
# .build-fuzz/artifacts/<target>/ and printed as base64 so it can be recovered from a CI log;
# put it into Fuzz/regressions/<target>/ and `swift test` replays it from then on.
#   bash scripts/fuzz.sh [SECONDS]           make fuzz FUZZ_SECONDS=…
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz
FLAGS=(-c debug --scratch-path "$SCRATCH" -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
TARGETS=(fuzz-csv fuzz-scenario fuzz-plugin-json)
for t in "${TARGETS[@]}"; do
  "$SWIFT" build "${FLAGS[@]}" --product "$t" 2>&1 | grep -v "^\[" || true
done
BIN=$("$SWIFT" build "${FLAGS[@]}" --show-bin-path)
status=0
summary=()
for t in "${TARGETS[@]}"; do
  name=${t#fuzz-}
  corpus="$SCRATCH/corpus/$name"; artifacts="$SCRATCH/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  cp -n Fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  cp -n Fuzz/regressions/"$name"/* "$corpus"/ 2>/dev/null || true
  log="$SCRATCH/$name.log"
  echo "### $t: ${SECONDS_EACH}s"
  set +e
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 "$BIN/$t" -max_total_time="$SECONDS_EACH" -timeout=20 \
    -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$log" | grep -o "[0-9]*$" | tail -1)
  summary+=("$t: ${runs:-?} inputs in ${SECONDS_EACH}s, exit $code")
  if [ "$code" -ne 0 ]; then
    status=1
    tail -40 "$log"
    for f in "$artifacts"/*; do
      [ -f "$f" ] || continue
      echo "--- crashing input $f (base64):"
      base64 -w 0 "$f"; echo
    done
  fi
done
printf '%s\n' "${summary[@]}"
n_ok=0; n_bad=0
for line in "${summary[@]}"; do case "$line" in *"exit 0") n_ok=$((n_ok + 1));; *) n_bad=$((n_bad + 1));; esac; done
echo "fuzz: $n_ok passed, $n_bad failed"
exit "$status"
