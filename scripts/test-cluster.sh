#!/usr/bin/env bash
# The sharded jobs on a real Slurm (issue "sweeps that run on a Slurm cluster"): start a one-node
# cluster (scripts/slurm-one-node.sh), write a sweep and a sensitivity design as Slurm job arrays
# with `binhai cluster slurm`, submit them with sbatch (array, then the merge after it succeeds),
# wait, and compare the merged outputs byte for byte with the same jobs run in one process.
#
#   BINHAI=.build/debug/binhai bash scripts/test-cluster.sh      (root; `make test-cluster`)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINHAI="$(cd "$(dirname "${BINHAI:-$ROOT/.build/debug/binhai}")" && pwd)/$(basename "${BINHAI:-binhai}")"
[ -x "$BINHAI" ] || { echo "test-cluster: no binhai at $BINHAI (build it first)" >&2; exit 1; }
bash "$ROOT/scripts/slurm-one-node.sh"

WORK="$(mktemp -d /tmp/binhai-cluster-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
cat > sweep.yaml <<'YAML'
id: cluster-sweep
title: {zh: 集群扫描, en: Cluster sweep}
plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
engine: {draws: 2000, seed: 12}
variants:
  weak-fdi: {engine.sources.foreign.lead_rate: "x0.7"}
sweep:
  engine.effort_scale: [0.9, 1.0, 1.1, 1.2]
YAML
cat > sensitivity.yaml <<'YAML'
id: cluster-sensitivity
title: t
plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
engine: {draws: 500, seed: 3}
sensitivity:
  method: sobol
  samples: 8
  draws: 500
  inputs:
    engine.effort_scale: {log_uniform: [0.8, 1.25]}
    engine.sources.foreign.lead_rate: {triangular: [0.6, 1.0, 1.2]}
    engine.sources.beijing.lead_rate: {uniform: [0.7, 1.3]}
YAML
cat > sweep-job.yaml <<YAML
job: run
scenario: sweep.yaml
parts: sweep-parts
out: sweep-merged
merge_args: [--lang, en, --format, json]
binhai: $BINHAI
slurm: {cpus_per_task: 1, time: "00:20:00"}
YAML
cat > sensitivity-job.yaml <<YAML
job: sensitivity
scenario: sensitivity.yaml
parts: sensitivity-parts
out: sensitivity-merged.json
merge_args: [--format, json]
binhai: $BINHAI
YAML

echo "== one process"
"$BINHAI" run sweep.yaml --lang en --format json --out sweep-single > sweep-single.stdout
"$BINHAI" sensitivity sensitivity.yaml --format json --out sensitivity-single.json

echo "== Slurm: sweep in 3 shards, sensitivity design in 4"
"$BINHAI" cluster slurm sweep-job.yaml --shards 3 --dir sweep-slurm
"$BINHAI" cluster slurm sensitivity-job.yaml --shards 4 --dir sensitivity-slurm
grep -q '^#SBATCH --array=0-2$' sweep-slurm/array.sbatch
SBATCH_WAIT=1 bash sweep-slurm/submit.sh
SBATCH_WAIT=1 bash sensitivity-slurm/submit.sh
"$BINHAI" cluster status sweep-parts
"$BINHAI" cluster status sensitivity-parts

echo "== compare"
status=0
diff -r sweep-single sweep-merged || { echo "test-cluster: sweep outputs differ" >&2; status=1; }
cmp sensitivity-single.json sensitivity-merged.json || { echo "test-cluster: sensitivity outputs differ" >&2; status=1; }
[ "$(ls sweep-merged | wc -l)" -ge 9 ] || { echo "test-cluster: the merged sweep folder is incomplete" >&2; status=1; }
if [ "$status" != 0 ]; then
  tail -n 30 sweep-parts/slurm-*.out sensitivity-parts/slurm-*.out >&2 || true
  exit 1
fi
echo "test-cluster: merged outputs of the Slurm arrays equal the one-process outputs byte for byte"
