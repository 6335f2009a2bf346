#!/usr/bin/env bash
# The workbook as a spreadsheet program reads it (part of `make test`): `binhai io analyze
# --include leontief_inverse,ghosh_inverse --out X.xlsx` on the embedded 42-sector table, then
# LibreOffice Calc (headless) exports each matrix sheet as CSV, and every cell must equal
# binhai's JSON of the same analysis (the streamed number sheets leave out cell references, so
# this checks that a real reader places every number in its column). Needs libreoffice-calc-nogui.
#   BINHAI=.build/debug/binhai bash scripts/check-xlsx.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINHAI="${BINHAI:-$ROOT/.build/release/binhai}"
OUT="$ROOT/.build/xlsx-check"
command -v soffice >/dev/null || { echo "check-xlsx: LibreOffice (soffice) not found: apt-get install libreoffice-calc-nogui" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT"
"$BINHAI" io analyze --include leontief_inverse,ghosh_inverse --lang en --out "$OUT/matrices.xlsx" > /dev/null
"$BINHAI" io analyze --include leontief_inverse,ghosh_inverse --format json > "$OUT/matrices.json"
for sheet in 2 3; do
  soffice -env:UserInstallation="file://$OUT/lo-profile" --headless \
    --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,$sheet" \
    --outdir "$OUT" "$OUT/matrices.xlsx" > "$OUT/soffice-$sheet.log" 2>&1 || { cat "$OUT/soffice-$sheet.log" >&2; exit 1; }
done
python3 - "$OUT" <<'PY'
import csv, glob, json, sys
out = sys.argv[1]
data = json.load(open(f"{out}/matrices.json"))
checked = 0
for key, title in [("leontief_inverse", "Leontief inverse L"), ("ghosh_inverse", "Ghosh inverse G")]:
    files = glob.glob(f"{out}/matrices-{title}.csv")
    if not files:
        sys.exit(f"check-xlsx: LibreOffice wrote no sheet '{title}' (files: {glob.glob(out + '/*.csv')})")
    rows = list(csv.reader(open(files[0], encoding="utf-8")))
    m = data[key]
    codes = rows[1][1:]
    if codes != list(data["sectors"]):
        sys.exit(f"check-xlsx: {title}: column codes {codes[:3]}… differ from the JSON's")
    for i, row in enumerate(m):
        cells = rows[i + 2]
        if cells[0] != data["sectors"][i]:
            sys.exit(f"check-xlsx: {title}: row {i + 3} label {cells[0]!r}, expected {data['sectors'][i]!r}")
        for j, v in enumerate(row):
            got = float(cells[j + 1])
            # LibreOffice's CSV writes 15 significant digits.
            if abs(got - v) > 1e-13 * max(1.0, abs(v)):
                sys.exit(f"check-xlsx: {title}: cell ({i + 3}, {j + 2}) is {got}, the JSON says {v}")
            checked += 1
print(f"check-xlsx: LibreOffice Calc reads every number of the streamed matrix sheets in its place ({checked} cells)")
PY
