#!/usr/bin/env bash
# Runs every shipped scenario (and `forecast`) with --format json and writes the outputs into
# a folder; with two folders, compares them byte for byte. Used to check that a refactoring
# leaves every output unchanged:
#   scripts/compare-outputs.sh record BINARY OUT_DIR
#   scripts/compare-outputs.sh compare DIR_BEFORE DIR_AFTER
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?record|compare}
case "$mode" in
record)
  bin=${2:?binary}; out=${3:?folder}
  mkdir -p "$out"
  "$bin" forecast --format json --workers 2 > "$out/forecast.json"
  "$bin" forecast --lang en --format table --workers 2 > "$out/forecast-en.txt"
  "$bin" io analyze --format json > "$out/io-analyze.json"
  for f in scenarios/*.yaml; do
    name=$(basename "$f" .yaml)
    "$bin" run "$f" --format json --workers 2 > "$out/$name.json"
  done
  ;;
compare)
  a=${2:?before}; b=${3:?after}
  status=0
  for f in "$a"/*; do
    n=$(basename "$f")
    if ! cmp -s "$f" "$b/$n"; then echo "differs: $n"; status=1; else echo "same: $n"; fi
  done
  exit $status
  ;;
esac
