"""The peer of `binhai io analyze --out X.xlsx --include A,L,G`: XlsxWriter in its streaming
mode (constant_memory=True, rows written in order and flushed) writing the same three n×n
matrices, read from binhai's JSON output of the same run, in the same layout (title row, code
row, one row per sector, full precision). Prints JSON {seconds, bytes}; the time covers the
workbook only (after the JSON is loaded)."""
import json, sys, time
import numpy as np
import xlsxwriter

src, out = sys.argv[1], sys.argv[2]
data = json.load(open(src))
codes = list(data["sectors"])
mats = [(name, np.asarray(data[key], dtype=float)) for key, name in
        [("technical_coefficients", "Technical coefficients A"), ("leontief_inverse", "Leontief inverse L"),
         ("ghosh_inverse", "Ghosh inverse G")]]
t0 = time.perf_counter()
wb = xlsxwriter.Workbook(out, {"constant_memory": True, "nan_inf_to_errors": True})
bold = wb.add_format({"bold": True})
for name, m in mats:
    ws = wb.add_worksheet(name)
    ws.write_string(0, 0, f"{name} ({m.shape[0]}×{m.shape[1]})", bold)
    ws.write_string(1, 0, "code", bold)
    for j, c in enumerate(codes):
        ws.write_string(1, j + 1, c, bold)
    for i, c in enumerate(codes):
        ws.write_string(i + 2, 0, c)
        row = m[i].tolist()
        for j, v in enumerate(row):
            ws.write_number(i + 2, j + 1, v)
wb.close()
seconds = time.perf_counter() - t0
import os
print(json.dumps({"seconds": seconds, "bytes": os.path.getsize(out)}))
