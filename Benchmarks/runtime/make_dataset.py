#!/usr/bin/env python3
"""A Binhai dataset whose IO table has N sectors, for the runtime benchmark.

Usage: make_dataset.py N OUTDIR

OUTDIR/dataset: the embedded binhai-default dataset (history, industries, carriers, beijing;
copied from the package) with `io_table: {path: io}` and a concordance that maps sector k to
the industry k mod 8 (the 1+3+4 industries) with share 1; OUTDIR/dataset/io: a random
productive N-sector table from Benchmarks/io/gen_table.py (seed 1).
OUTDIR/single.yaml: the industry-chain scenario (20,000 draws, one 100 亿元 project);
OUTDIR/sweep.yaml: the same with a 40-point sweep (engine.effort_scale 0.8 … 1.58, 20,000 draws
each): the "what does effort buy" sweep a planner runs.
"""
import shutil
import subprocess
import sys
from pathlib import Path

n, out = int(sys.argv[1]), Path(sys.argv[2])
here = Path(__file__).resolve().parent
root = here.parent.parent
src = root / "Sources/Datasets/Resources/binhai-default"
ds = out / "dataset"
if ds.exists():
    shutil.rmtree(ds)
shutil.copytree(src, ds)
subprocess.run([sys.executable, str(root / "Benchmarks/io/gen_table.py"), str(n), str(ds / "io"), "--seed", "1"], check=True)
manifest = (ds / "dataset.yaml").read_text(encoding="utf-8")
manifest = manifest.replace("io_table: {builtin: nbs-2020-42}", "io_table: {path: io}")
(ds / "dataset.yaml").write_text(manifest, encoding="utf-8")
codes = [line.split(",")[0] for line in (ds / "io" / "sectors.csv").read_text(encoding="utf-8").splitlines()[1:]]
industries = ["intelligent_tech", "biomedicine", "new_energy", "new_materials", "equipment", "petrochemicals", "automotive", "aerospace"]
rows = ["io_code,industry,share,status,basis"]
rows += [f"{c},{industries[k % 8]},1,assumed,benchmark" for k, c in enumerate(codes)]
(ds / "concordance.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
head = """id: runtime-bench
title: {zh: 运行时基准, en: Runtime benchmark}
dataset: dataset
engine: {draws: 20000, seed: 2021}
modules:
  - use: industry-chain
    with: {projects: {智能科技: 100}, top_n: 12}
"""
(out / "single.yaml").write_text(head, encoding="utf-8")
points = ", ".join(f"{0.8 + 0.02 * k:.2f}" for k in range(40))
(out / "sweep.yaml").write_text(head + f"sweep:\n  engine.effort_scale: [{points}]\n", encoding="utf-8")
print(f"wrote {out}/single.yaml, {out}/sweep.yaml and {ds} ({n} sectors)")
