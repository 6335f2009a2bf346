#!/usr/bin/env bash
# The Word briefing as an office reads it (part of `make test`): `binhai run --out` in Chinese and
# English, python-docx reads briefing.docx back against forecast.json and forecast.csv, LibreOffice
# (headless) converts it to PDF, pdftoppm renders the pages, pdftotext finds the text
# (scripts/check_docx.py). Needs libreoffice-writer(-nogui), poppler-utils and fonts-noto-cjk.
#
#   BINHAI=.build/debug/binhai bash scripts/check-docx.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINHAI="${BINHAI:-$ROOT/.build/release/binhai}"
VENV="$ROOT/.build/docx-venv"
OUT="$ROOT/.build/docx"
PYTHON="${PYTHON:-python3}"
command -v soffice >/dev/null || { echo "check-docx: LibreOffice (soffice) not found: apt-get install libreoffice-writer-nogui" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "check-docx: pdftoppm not found: apt-get install poppler-utils" >&2; exit 2; }
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$ROOT/scripts/docx-requirements.txt" "$VENV/requirements.txt"; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q -r "$ROOT/scripts/docx-requirements.txt"
  cp "$ROOT/scripts/docx-requirements.txt" "$VENV/requirements.txt"
fi
rm -rf "$OUT" && mkdir -p "$OUT"
for lang in zh en; do
  "$BINHAI" run "$ROOT/scenarios/doubling-2020-2025.yaml" --lang "$lang" --draws 4000 --out "$OUT/$lang" > /dev/null 2>&1
  mkdir -p "$OUT/$lang-pdf"
  # A private LibreOffice profile: no first-start dialogs, no lock on the user's own.
  soffice -env:UserInstallation="file://$OUT/lo-profile" --headless --convert-to pdf --outdir "$OUT/$lang-pdf" \
    "$OUT/$lang/briefing.docx" > "$OUT/$lang-pdf/soffice.log" 2>&1 || { cat "$OUT/$lang-pdf/soffice.log" >&2; exit 1; }
  "$VENV/bin/python" "$ROOT/scripts/check_docx.py" "$OUT/$lang" "$lang" "$OUT/$lang-pdf"
done
