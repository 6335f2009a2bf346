#!/usr/bin/env python3
"""Build BinhaiSim's embedded datasets from the project's reference material.

Run from the repository root with the shared material beside it:

    python3 scripts/build-datasets.py ../shared

It writes, inside the package (so the tool and the tests never read ../shared at run time):
  Sources/Datasets/Resources/nbs-2020-42/        NBS 2020 42-sector IO table (copied CSVs)
  Sources/Datasets/Resources/binhai-default/     concordance.csv (1+3+4 industries onto the
                                                 42 NBS sectors, shares derived from the NBS
                                                 2020 153-sector gross outputs)

The figures in binhai-default/history.csv and dataset.yaml are typed in by hand from
shared/docs/BINHAI-FACTS.md (each row names its source and status); this script only derives
the concordance shares, which are computations on NBS data.
"""
import csv
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RES = ROOT / "Sources" / "Datasets" / "Resources"

# 42-sector code -> list of (industry id, [153-sector codes whose output is that industry's part]).
# The share of the 42-sector code credited to an industry = output of those 153 codes / output of
# all 153 codes that make up the 42-sector code. Industries: the 1+3+4 catalogue.
PARTS_153 = {  # 42-code: (all 153 codes in it, {industry: [codes]})
    "03": (["007"], {"petrochemicals": ["007"]}),
    "11": (["041", "042"], {"petrochemicals": ["041"]}),
    "12": ([f"{c:03d}" for c in range(43, 52)], {
        "petrochemicals": ["043", "044", "045", "046"],
        "new_materials": ["047", "048", "051"],
        "biomedicine": ["050"],
    }),
    "13": ([f"{c:03d}" for c in range(54, 61)], {"new_materials": ["060"]}),
    "14": ([f"{c:03d}" for c in range(61, 66)], {"new_materials": ["065"]}),
    "16": ([f"{c:03d}" for c in range(67, 74)], {"equipment": ["067", "068", "069", "070", "071", "073"]}),
    "17": ([f"{c:03d}" for c in range(74, 79)], {
        "equipment": ["074", "075", "076", "078"], "biomedicine": ["077"]}),
    "18": ([f"{c:03d}" for c in range(79, 84)], {
        "automotive": ["079", "080"], "equipment": ["081", "082"], "aerospace": ["083"]}),
    "19": ([f"{c:03d}" for c in range(84, 90)], {
        "equipment": ["084", "085", "086"], "new_energy": ["087"]}),
    "20": ([f"{c:03d}" for c in range(90, 96)], {"intelligent_tech": [f"{c:03d}" for c in range(90, 96)]}),
    "21": (["096"], {"equipment": ["096"]}),
    "31": ([f"{c:03d}" for c in range(125, 130)], {"intelligent_tech": ["127", "128", "129"]}),
}
# Parts that cannot be derived from the 153-sector table: assumptions, stated as such.
ASSUMED = [
    ("24", "new_energy", 0.30,
     "assumption: share of power and heat supply counted as new energy (renewables); not in the NBS table"),
]
NOTES = {
    "03": "oil and gas extraction counted in the petrochemical (绿色石化) chain",
    "18": "153-sector 083 'other transport equipment' (aircraft, motorcycles, bicycles) stands in for aerospace",
}


def main(shared: Path) -> None:
    src42 = shared / "data" / "china-io" / "2020-42"
    src153 = shared / "data" / "china-io" / "2020-153"
    out42 = RES / "nbs-2020-42"
    out42.mkdir(parents=True, exist_ok=True)
    for name in ["Z.csv", "Y.csv", "F.csv", "x.csv", "sectors.csv"]:
        shutil.copyfile(src42 / name, out42 / name)

    x153 = {r["code"]: float(r["x"]) for r in csv.DictReader(open(src153 / "x.csv", encoding="utf-8"))}
    rows = []
    for code42, (members, parts) in PARTS_153.items():
        total = sum(x153[c] for c in members)
        for industry, codes in parts.items():
            share = sum(x153[c] for c in codes) / total
            basis = "derived: NBS 2020 153-sector gross output of " + "+".join(codes) + " / " + "+".join(members)
            if code42 in NOTES:
                basis += "; " + NOTES[code42]
            status = "classification" if sorted(codes) == sorted(members) else "derived"
            if status == "classification":
                basis = "classification: the whole sector belongs to the industry"
                if code42 in NOTES:
                    basis += "; " + NOTES[code42]
            rows.append((code42, industry, share, status, basis))
    for code42, industry, share, basis in ASSUMED:
        rows.append((code42, industry, share, "assumed", basis))
    rows.sort(key=lambda r: (r[0], r[1]))
    outdir = RES / "binhai-default"
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / "concordance.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["io_code", "industry", "share", "status", "basis"])
        for code42, industry, share, status, basis in rows:
            w.writerow([code42, industry, f"{share:.6f}", status, basis])
    write_industries(outdir, rows, src42)
    print(f"wrote {len(rows)} concordance rows, industries.csv and the NBS 2020 42-sector table")


INDUSTRIES = [  # id, zh, en, group in the 1+3+4 framework
    ("intelligent_tech", "智能科技", "Intelligent technology", "1"),
    ("biomedicine", "生物医药", "Biomedicine", "3"),
    ("new_energy", "新能源", "New energy", "3"),
    ("new_materials", "新材料", "New materials", "3"),
    ("equipment", "装备制造", "Equipment manufacturing", "4"),
    ("petrochemicals", "石油化工", "Petrochemicals", "4"),
    ("automotive", "汽车", "Automotive", "4"),
    ("aerospace", "航空航天", "Aerospace", "4"),
    ("other", "其他", "Other industries", "other"),
]
KEY_INDUSTRY_SHARE = 0.157  # 2021 Q1: 1+3+4 projects were 15.7 % of landed investment (BINHAI-FACTS)


def write_industries(outdir: Path, concordance, src42: Path) -> None:
    """Investment shares by industry: the 1+3+4 total is published (15.7 %), its split among the
    eight industries follows their concordance-weighted national gross output (derived)."""
    x42 = {r["code"]: float(r["x"]) for r in csv.DictReader(open(src42 / "x.csv", encoding="utf-8"))}
    weight = {}
    for code42, industry, share, _status, _basis in concordance:
        weight[industry] = weight.get(industry, 0.0) + share * x42[code42]
    total = sum(weight.values())
    with open(outdir / "industries.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name_zh", "name_en", "group", "investment_share", "status", "basis"])
        for ident, zh, en, group in INDUSTRIES:
            if ident == "other":
                w.writerow([ident, zh, en, group, f"{1 - KEY_INDUSTRY_SHARE:.6f}", "published",
                            "1 - 0.157: 2021 Q1 share of landed investment outside the 1+3+4 industries (yhcgw-2021q1)"])
            else:
                share = KEY_INDUSTRY_SHARE * weight[ident] / total
                w.writerow([ident, zh, en, group, f"{share:.6f}", "derived",
                            "0.157 (1+3+4 share, 2021 Q1) split by concordance-weighted NBS 2020 gross output"])


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared"))
