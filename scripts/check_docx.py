"""Checks a Word briefing written by `binhai run --out DIR` against the JSON and CSV of the same run.

    python check_docx.py DIR LANG PDF_DIR

- python-docx reads DIR/briefing.docx: the summary paragraph holds the target-year P50, P10, P90,
  the base-year total, the growth rates, P(target met) and the gap exactly as forecast.json gives
  them (formatted as the tables format them); the yearly table's cells equal forecast.csv's baseline
  rows; the header row of every table repeats on each page (w:tblHeader) and numeric columns are
  right-aligned; the fan and source charts are embedded pictures; the footer has a PAGE field.
- LibreOffice's PDF of it (converted by check-docx.sh): every page rendered with pdftoppm is not
  blank, and pdftotext finds the Chinese (or English) text of the title and the summary.
"""
import csv
import json
import os
import subprocess
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from PIL import Image, ImageStat

folder, lang, pdf_dir = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def amount(v):
    return f"{v:,.1f}"


def pct(v):
    return f"{100 * v:.1f}%"


def cagr(v):
    return f"{100 * v:.2f}%"


data = json.load(open(os.path.join(folder, "forecast.json")))
doc = Document(os.path.join(folder, "briefing.docx"))
paragraphs = [p.text for p in doc.paragraphs]
heading = "一、要点" if lang == "zh" else "1. Summary"
check(heading in paragraphs, f"no heading {heading}")
summary = paragraphs[paragraphs.index(heading) + 1] if heading in paragraphs else ""
last = data["years"][-1]
for name, text in [("P50", amount(last["p50"])), ("P10", amount(last["p10"])), ("P90", amount(last["p90"])),
                   ("base-year total", amount(data["base_year_total"])), ("target", amount(data["target_amount"])),
                   ("median CAGR", cagr(data["median_cagr"])), ("required CAGR", cagr(data["required_cagr"])),
                   ("P(target met)", pct(data["probability_target_met"])),
                   ("growth on the base year", pct(last["p50"] / data["base_year_total"] - 1)),
                   ("gap", amount(abs(data["gap_at_median"])))]:
    check(text in summary, f"summary lacks the {name} {text}: {summary[:200]}")
if "growth_still_needed" in data:
    check(cagr(data["growth_still_needed"]) in summary, "summary lacks the growth still needed")

# The yearly table against forecast.csv's baseline rows.
rows = [r for r in csv.DictReader(open(os.path.join(folder, "forecast.csv"))) if r["scenario"] == "baseline"]
yearly = None
for t in doc.tables:
    header = [c.text for c in t.rows[0].cells]
    if header and header[0] in ("年份", "year") and any("P10" in h for h in header) and len(t.rows) == len(rows) + 1:
        yearly = t
        break
check(yearly is not None, "no yearly table")
if yearly is not None:
    header = [c.text for c in yearly.rows[0].cells]
    for r, row in zip(rows, yearly.rows[1:]):
        cells = [c.text for c in row.cells]
        check(cells[0] == r["year"], f"year {cells[0]} vs {r['year']}")
        for key, col in [("mean", 1), ("p10", 2), ("p50", 3), ("p90", 4), ("expected", 5), ("domestic_mean", 6), ("foreign_mean", 7), ("required_path", 8)]:
            check(cells[col] == amount(float(r[key])), f"{r['year']} {key}: {cells[col]} vs {amount(float(r[key]))}")
        check(cells[9] == pct(float(r["probability_at_least_target"])), f"{r['year']} P(≥ target)")
        for p in row.cells[1].paragraphs:
            check(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT, "numbers not right-aligned")

ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
for t in doc.tables:
    first = t.rows[0]._tr
    check(first.find(f"{ns}trPr/{ns}tblHeader") is not None, "a table's header row does not repeat")
check(len(doc.inline_shapes) == 2, f"expected the fan and source charts, found {len(doc.inline_shapes)} pictures")
footer = doc.sections[0].footer._element.xml
check("PAGE" in footer, "no page number in the footer")
check(doc.sections[0].page_width.cm > 20.9 and doc.sections[0].page_width.cm < 21.1, "not A4")

# LibreOffice's rendering.
pdf = os.path.join(pdf_dir, "briefing.pdf")
check(os.path.exists(pdf), "LibreOffice wrote no PDF")
if os.path.exists(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    want = ["招商引资到位额", "按基准情景"] if lang == "zh" else ["Investment in place", "In the baseline"]
    for w in want:
        check(w in text, f"the PDF text lacks {w}")
    subprocess.run(["pdftoppm", "-r", "40", "-png", pdf, os.path.join(pdf_dir, "page")], check=True)
    pages = sorted(f for f in os.listdir(pdf_dir) if f.startswith("page") and f.endswith(".png"))
    check(len(pages) >= 2, f"{len(pages)} pages")
    for f in pages:
        stat = ImageStat.Stat(Image.open(os.path.join(pdf_dir, f)).convert("L"))
        check(stat.stddev[0] > 5, f"page {f} looks blank (pixel sd {stat.stddev[0]:.1f})")

if failures:
    print(f"check-docx ({lang}): {len(failures)} problem(s):")
    for f in failures:
        print("  -", f)
    sys.exit(1)
print(f"check-docx ({lang}): summary, tables, pictures, footer and LibreOffice's {len(pages)} pages as expected")
