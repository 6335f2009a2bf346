#!/usr/bin/env python3
"""Build BinhaiSim's embedded datasets from the project's reference material.

Run from the repository root with the shared material beside it:

    python3 scripts/build-datasets.py ../shared

It writes, inside the package (so the tool and the tests never read ../shared at run time):
  Sources/Datasets/Resources/nbs-2020-42/        NBS 2020 42-sector IO table (copied CSVs)
  Sources/Datasets/Resources/binhai-default/     concordance.csv (1+3+4 industries onto the
                                                 42 NBS sectors, shares derived from the NBS
                                                 2020 153-sector gross outputs)

It also writes (functions convert_nbs_tables, write_table_concordances, write_nbs_manifests,
write_regional_weights):
  Sources/Datasets/Resources/nbs-YYYY-N/         every NBS table of shared/data/china-io (2017-42,
                                                 2018-42, 2020-42, 2017-149, 2018-153, 2020-153):
                                                 Z, Y, F, x, sectors CSVs (values byte-identical),
                                                 dataset.yaml (sources, SHA-256, checks) and
                                                 concordance.csv (1+3+4 industries onto that
                                                 table's sectors)
  Sources/Datasets/Resources/binhai-default/     regional-weights.csv and regional-total.csv (the
                                                 Binhai weights for location-quotient
                                                 regionalisation, docs/REGIONAL-IO.md)

The figures in binhai-default/history.csv and dataset.yaml are typed in by hand from
shared/docs/BINHAI-FACTS.md (each row names its source and status); this script derives the
concordance shares (computations on NBS data) and the regional weights (published Binhai
figures typed in below, THREE_SECTOR_2020 and BINHAI_GDP_YI, combined with NBS data).
"""
import csv
import hashlib
import math
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
    "12": ([f"{c:03d}" for c in range(43, 54)], {  # 043…053: chemicals to rubber and plastics (sums to the 42-sector x)
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
    # Every NBS table, its concordance and the Binhai regional weights (functions below).
    checks = convert_nbs_tables(shared)
    write_table_concordances(shared)
    write_nbs_manifests(checks)
    write_regional_weights(shared)


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


# ---------------------------------------------------------------------------------------------
# Every NBS table of shared/data/china-io in the package's own layout
# ---------------------------------------------------------------------------------------------
# folder in china-io (= suffix of the package folder nbs-<folder>), year, sectors, import form
NBS_TABLES = [
    ("2017-42", 2017, 42, "noncompetitive"),
    ("2018-42", 2018, 42, "noncompetitive"),
    ("2020-42", 2020, 42, "noncompetitive"),
    ("2017-149", 2017, 149, "competitive"),
    ("2018-153", 2018, 153, "competitive"),
    ("2020-153", 2020, 153, "competitive"),
]
TABLE_FILES = ["Z.csv", "Y.csv", "F.csv", "x.csv", "sectors.csv"]  # source-table.csv stays in shared
VA_ROWS = ["VA001", "VA002", "VA003", "VA004"]
# What the sum of VA001..VA004 is called in each manifest (the 2020 wording is the original one).
GDP_WORDING = {
    2017: "GDP as measured by the 2017 table",
    2018: "GDP as measured by the 2018 table",
    2020: "China's 2020 GDP",
}
# English sector names that are wrong in the machine-readable copy; the package copy corrects
# them (the Chinese names, which are the official ones, are right). Recorded in the manifest.
NAME_EN_FIXES = {  # (table, code): (name in the source, corrected name)
    ("2017-149", "105"): ("Wholesale and retail trades", "Wholesale trade"),
    ("2017-149", "106"): ("Railway transport", "Retail trade"),
    ("2017-149", "147"): ("Eentertainment", "Entertainment"),
    ("2018-153", "151"): ("Eentertainment", "Entertainment"),
    ("2020-153", "151"): ("Eentertainment", "Entertainment"),
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_rows(path: Path):
    """A numeric NBS CSV: (header, [(code, [float, ...]), ...])."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return header, [(r[0], [float(v) for v in r[1:]]) for r in body]


def _read_x(path: Path):
    header, rows = _read_rows(path)
    if len(header) != 2 or header[0] != "code":
        raise SystemExit(f"{path}: expected a header 'code,<label>', found {','.join(header)}")
    return header, {code: vals[0] for code, vals in rows}, [code for code, _ in rows]


def _table_checks(folder: Path):
    """Max over sectors of the relative row-balance residual |Z·1 + Y·1 − x|_i / x_i (exact sums)
    and total value added. (summary.json's max_relative_balance_residual divides by a common
    scale instead, so it is smaller: 2018-153 has 1.4e-12 per sector, at 119 管道运输, where
    summary.json gives 3.2e-14.)"""
    zh, z = _read_rows(folder / "Z.csv")
    yh, y = _read_rows(folder / "Y.csv")
    fh, f = _read_rows(folder / "F.csv")
    _xh, x, xcodes = _read_x(folder / "x.csv")
    codes = [c for c, _ in z]
    if zh[1:] != codes or [c for c, _ in y] != codes or fh[1:] != codes or xcodes != codes:
        raise SystemExit(f"{folder}: sector codes of Z (rows, columns), Y, F and x differ")
    resid = max(abs(math.fsum(zr + yr + [-x[c]])) / abs(x[c])  # exact sums, relative to each x_i
                for (c, zr), (_c, yr) in zip(z, y))
    va_rows = {code: vals for code, vals in f if code in VA_ROWS}
    if sorted(va_rows) != VA_ROWS:
        raise SystemExit(f"{folder}/F.csv: expected the rows {', '.join(VA_ROWS)}")
    va = math.fsum(v for code in VA_ROWS for v in va_rows[code])
    return resid, va


def convert_nbs_tables(shared: Path) -> dict:
    """Copies the five table CSVs of each NBS table of shared/data/china-io into
    Sources/Datasets/Resources/nbs-<table>/ (values unchanged: numeric files are copied byte for
    byte; x.csv gets the header `code,x` if the source names its column otherwise, e.g. `GO`;
    sectors.csv gets the NAME_EN_FIXES), checks codes, balance and value added against the
    source's summary.json, and returns {table: (residual, total value added)} for the manifests."""
    import json
    src_root = shared / "data" / "china-io"
    summary = json.loads((src_root / "summary.json").read_text(encoding="utf-8"))
    checks = {}
    for table, year, n, _form in NBS_TABLES:
        src, out = src_root / table, RES / f"nbs-{table}"
        out.mkdir(parents=True, exist_ok=True)
        for name in ["Z.csv", "Y.csv", "F.csv"]:
            shutil.copyfile(src / name, out / name)
        xh, x, xcodes = _read_x(src / "x.csv")
        if xh == ["code", "x"]:
            shutil.copyfile(src / "x.csv", out / "x.csv")
        else:  # rename the value column, keep every value's text
            with open(src / "x.csv", encoding="utf-8-sig", newline="") as f:
                body = list(csv.reader(f))[1:]
            with open(out / "x.csv", "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["code", "x"])
                w.writerows(body)
        fixes = {code: v for (t, code), v in NAME_EN_FIXES.items() if t == table}
        if not fixes:
            shutil.copyfile(src / "sectors.csv", out / "sectors.csv")
        else:
            with open(src / "sectors.csv", encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            for r in rows:
                if r["code"] in fixes:
                    wrong, right = fixes[r["code"]]
                    if r["name_en"] != wrong:
                        raise SystemExit(f"{table} sector {r['code']}: expected name_en {wrong!r}, found {r['name_en']!r}")
                    r["name_en"] = right
            with open(out / "sectors.csv", "w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, fieldnames=["code", "name_en", "name_zh"], lineterminator="\n")
                w.writeheader()
                w.writerows(rows)
        resid, va = _table_checks(out)
        ref = summary[table]
        if len(xcodes) != n or abs(va / ref["total_value_added_1e4_cny"] - 1) > 1e-12 or resid > 1e-11:
            raise SystemExit(f"{table}: n = {len(xcodes)}, VA {va} vs summary {ref['total_value_added_1e4_cny']}, residual {resid}")
        checks[table] = (resid, va)
        print(f"nbs-{table}: {n} sectors, max relative balance residual {resid:.2g}, "
              f"total value added {va:.6e} 万元 = {va / 1e8:.2f} trillion CNY")
    return checks


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sci(v: float) -> str:
    """1.0164e10 style (5 significant digits, no '+')."""
    mant, exp = f"{v:.4e}".split("e")
    return f"{mant}e{int(exp)}"


def write_nbs_manifests(checks: dict) -> None:
    """dataset.yaml of each nbs-<table> folder: what the table is, where it comes from, the SHA-256
    of each file (including concordance.csv) and the checks."""
    for table, year, n, form in NBS_TABLES:
        out = RES / f"nbs-{table}"
        resid, va = checks[table]
        comp = form == "competitive"
        zh_form, en_form = ("竞争型进口", "competitive imports") if comp else ("非竞争型进口", "non-competitive imports")
        lines = [
            f"# Manifest of the embedded NBS {year} {n}-sector input-output table.",
            "# Written by scripts/build-datasets.py (convert_nbs_tables, write_nbs_manifests).",
            f"id: nbs-{table}",
            "title:",
            f"  zh: {year}年全国投入产出表（{n}部门，{zh_form}）",
            f"  en: China national input-output table {year}, {n} sectors, {en_form}",
            f"year: {year}",
            f"sectors: {n}",
            "unit: 万元 (10^4 CNY), producers' prices",
            "import_form: >-",
        ]
        if comp:
            lines += ["  competitive: Z and Y include imported products; the Y column IM holds imports as",
                      "  negative numbers, so row sum of Z + row sum of Y = domestic gross output x"]
        else:
            lines += ["  non-competitive: Z and Y hold domestic flows only; imported intermediate inputs are summed",
                      "  into the F row IMPORTED_INTERMEDIATE"]
        lines += [
            "source:",
            f"  publisher: National Bureau of Statistics of China (国家统计局), {year} input-output table",
            f"  machine_readable_copy: R package ionet (CRAN), data file data/china_{year}_{n}.rda",
            f"  converted_by: BinhaiSim shared data folder china-io/{table} (plain CSV, unchanged values)",
        ]
        fixes = [(code, v) for (t, code), v in sorted(NAME_EN_FIXES.items()) if t == table]
        if fixes:
            lines.append("corrections:")
            for code, (wrong, right) in fixes:
                lines.append(f"  - {_yaml_quote(f'sectors.csv {code} name_en: {wrong!r} in the source, corrected to {right!r} (name_zh is right)')}")
        if comp:
            y_content = "final demand: TC final consumption, GCF gross capital formation, EX exports, IM imports (negative)"
            f_content = ("value added by using sector: VA001 compensation of employees, VA002 net taxes on production, "
                         "VA003 depreciation of fixed assets, VA004 operating surplus")
        else:
            y_content = "final demand: TC final consumption, FU201 gross fixed capital formation, FU202 change in inventories, EX exports"
            f_content = ("factor inputs by using sector: IMPORTED_INTERMEDIATE, VA001 compensation of employees, VA002 net taxes "
                         "on production, VA003 depreciation of fixed assets, VA004 operating surplus")
        contents = {
            "Z.csv": "intermediate flows, rows = supplying sector, columns = using sector",
            "Y.csv": y_content,
            "F.csv": f_content,
            "x.csv": "gross output per sector (header code,x)",
            "sectors.csv": "code, name_en, name_zh",
            "concordance.csv": "1+3+4 industries onto the sectors: io_code, industry, share, status, basis",
        }
        lines.append("files:")
        for name, content in contents.items():
            if (out / name).exists():
                lines.append(f"  {name}: {{content: {_yaml_quote(content)}, sha256: {_sha256(out / name)}}}")
        lines += [
            "checks:",
            f"  balance: for every sector, row sum of Z + row sum of Y = x to a relative {resid:.2g}",
            f"  total_value_added: {_sci(va)} 万元 = {va / 1e8:.2f} trillion CNY (sum of VA001..VA004), {GDP_WORDING[year]}",
        ]
        (out / "dataset.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Concordance of the 1+3+4 industries onto every table
# ---------------------------------------------------------------------------------------------
# 149/153-sector tables: which detailed sector (by its official Chinese name, so that the 2017
# 149-sector codes, which differ from the 153-sector ones, need no separate table) belongs to
# which industry. Reviewed by hand against the sector lists (printed when the script runs); the
# same choices as PARTS_153 above. A name absent from a table is reported, not an error.
BIG_MAP = {  # name_zh: (industry, note)
    "石油和天然气开采产品": ("petrochemicals", "oil and gas extraction counted in the petrochemical (绿色石化) chain"),
    "精炼石油和核燃料加工品": ("petrochemicals", ""),
    "基础化学原料": ("petrochemicals", ""),
    "肥料": ("petrochemicals", ""),
    "农药": ("petrochemicals", ""),
    "涂料、油墨、颜料及类似产品": ("petrochemicals", ""),
    "合成材料": ("new_materials", ""),
    "专用化学产品和炸药、火工、焰火产品": ("new_materials", ""),
    "医药制品": ("biomedicine", ""),
    "化学纤维制品": ("new_materials", ""),
    "石墨及其他非金属矿物制品": ("new_materials", ""),
    "有色金属压延加工品": ("new_materials", ""),
    "锅炉及原动设备": ("equipment", ""),
    "金属加工机械": ("equipment", ""),
    "物料搬运设备": ("equipment", ""),
    "泵、阀门、压缩机及类似机械": ("equipment", ""),
    "烘炉、风机、包装等设备": ("equipment", ""),
    "其他通用设备": ("equipment", ""),
    "采矿、冶金、建筑专用设备": ("equipment", ""),
    "化工、木材、非金属加工专用设备": ("equipment", ""),
    "农、林、牧、渔专用机械": ("equipment", ""),
    "医疗仪器设备及器械": ("biomedicine", ""),
    "其他专用设备": ("equipment", ""),
    "汽车整车": ("automotive", ""),
    "汽车零部件及配件": ("automotive", ""),
    "铁路运输和城市轨道交通设备": ("equipment", ""),
    "船舶及相关装置": ("equipment", ""),
    "其他交通运输设备": ("aerospace", "'other transport equipment' (aircraft, motorcycles, bicycles) stands in for aerospace"),
    "电机": ("equipment", ""),
    "输配电及控制设备": ("equipment", ""),
    "电线、电缆、光缆及电工器材": ("equipment", ""),
    "电池": ("new_energy", ""),
    "计算机": ("intelligent_tech", ""),
    "通信设备": ("intelligent_tech", ""),
    "广播电视设备和雷达及配套设备": ("intelligent_tech", ""),
    "视听设备": ("intelligent_tech", ""),
    "电子元器件": ("intelligent_tech", ""),
    "其他电子设备": ("intelligent_tech", ""),
    "仪器仪表": ("equipment", ""),
    "互联网和相关服务": ("intelligent_tech", ""),
    "软件服务": ("intelligent_tech", ""),
    "信息技术服务": ("intelligent_tech", ""),
}
BIG_ASSUMED = {  # name_zh: (industry, share, basis) — as ASSUMED above
    "电力、热力生产和供应": ("new_energy", 0.30,
                     "assumption: share of power and heat supply counted as new energy (renewables); not in the NBS table"),
}
# 2017-149 has no medical-equipment sector: 医疗仪器设备及器械 is inside 其他专用设备. Its part is
# taken from the 2018 153-sector table (077 / (077 + 078)), the nearest year that separates it.
SPLIT_2017 = ("其他专用设备", "医疗仪器设备及器械", "2018-153")
BIG_FOR_42 = {"2017-42": "2017-149", "2018-42": "2018-153", "2020-42": "2020-153"}


def _names(folder: Path):
    with open(folder / "sectors.csv", encoding="utf-8-sig", newline="") as f:
        return [(r["code"], r["name_zh"]) for r in csv.DictReader(f)]


def _bridge(x42: dict, codes42: list, xbig: dict, codesbig: list) -> dict:
    """42-sector code → the detailed codes it aggregates, found from the gross outputs: the
    detailed sectors are in the 42-sector order, so each 42-sector output is the sum of the next
    run of detailed outputs (to a relative 1e-9). Fails loudly if the outputs do not partition."""
    bridge, i = {}, 0
    for c in codes42:
        acc, members = 0.0, []
        while i < len(codesbig) and (not members or abs(acc - x42[c]) > 1e-9 * abs(x42[c])):
            acc += xbig[codesbig[i]]
            members.append(codesbig[i])
            i += 1
            if acc > x42[c] * (1 + 1e-9):
                raise SystemExit(f"bridge: the detailed outputs overshoot 42-sector {c}")
        if abs(acc - x42[c]) > 1e-9 * abs(x42[c]):
            raise SystemExit(f"bridge: 42-sector {c} is not a sum of consecutive detailed sectors")
        bridge[c] = members
    if i != len(codesbig):
        raise SystemExit("bridge: detailed sectors left over")
    return bridge


def _big_concordance(table: str, src_root: Path):
    """Rows (code, industry, share, status, basis) for one 149/153-sector table."""
    folder = src_root / table
    year, n = table.split("-")
    names = _names(folder)
    found = {name for _c, name in names}
    missing = [name for name in list(BIG_MAP) + list(BIG_ASSUMED) if name not in found]
    rows = []
    for code, name in names:
        if name in BIG_ASSUMED:
            industry, share, basis = BIG_ASSUMED[name]
            rows.append((code, industry, share, "assumed", basis))
        elif table == "2017-149" and name == SPLIT_2017[0]:
            ref = src_root / SPLIT_2017[2]
            rx = _read_x(ref / "x.csv")[1]
            rc = {nm: c for c, nm in _names(ref)}
            med, rest = rx[rc[SPLIT_2017[1]]], rx[rc[SPLIT_2017[0]]]
            p = med / (med + rest)
            basis = (f"derived: 2017-149 has no separate {SPLIT_2017[1]} (medical equipment), it is inside {code} {name}; "
                     f"medical part = NBS 2018 153-sector gross output of {rc[SPLIT_2017[1]]} / {rc[SPLIT_2017[1]]}+{rc[SPLIT_2017[0]]}")
            rows.append((code, "biomedicine", p, "derived", basis))
            rows.append((code, "equipment", 1 - p, "derived", basis + " (equipment = 1 − medical part)"))
        elif name in BIG_MAP:
            industry, note = BIG_MAP[name]
            basis = f"classification: {n}-sector {code} {name} belongs to the industry"
            if note:
                basis += "; " + note
            rows.append((code, industry, 1.0, "classification", basis))
    return rows, missing


def write_table_concordances(shared: Path) -> None:
    """concordance.csv in every nbs-<table> folder (columns io_code, industry, share, status,
    basis, as binhai-default/concordance.csv).

    149/153-sector tables: each detailed sector by classification (BIG_MAP, by Chinese name),
    power and heat by the stated assumption, 2017's medical equipment by the 2018 ratio.
    42-sector tables: the share of 42-sector j in industry k = Σ (detailed share × detailed
    gross output) over the detailed sectors of j / Σ detailed gross output of j, with the
    detailed sectors of j found from the outputs (_bridge) and the same year's detailed table —
    the derivation of binhai-default/concordance.csv, except that all the detailed sectors of j
    are in the denominator (PARTS_153 leaves 052 橡胶制品 and 053 塑料制品 out of 42-sector 12
    化学产品, whose 2020 output is 043..053, so binhai-default overstates the 12 shares by 31 %)."""
    src_root = shared / "data" / "china-io"
    big_rows = {}
    for table, year, n, form in NBS_TABLES:
        if form != "competitive":
            continue
        rows, missing = _big_concordance(table, src_root)
        big_rows[table] = rows
        print(f"\nconcordance nbs-{table}: {len(rows)} rows (names of BIG_MAP not in this table: {', '.join(missing) or 'none'})")
        names = dict(_names(src_root / table))
        for code, industry, share, status, _basis in rows:
            print(f"  {code} {names[code]:<24} -> {industry:<16} {share:.6f} {status}")
    for table, year, n, form in NBS_TABLES:
        if form == "competitive":
            continue
        big = BIG_FOR_42[table]
        _h, x42, codes42 = _read_x(src_root / table / "x.csv")
        _h, xb, codesb = _read_x(src_root / big / "x.csv")
        bridge = _bridge(x42, codes42, xb, codesb)
        bnames = dict(_names(src_root / big))
        n42 = dict(_names(src_root / table))
        print(f"\nbridge {table} <- {big} (42-sector: first .. last detailed sector)")
        for c in codes42:
            m = bridge[c]
            print(f"  {c} {n42[c]:<22} <- {m[0]} {bnames[m[0]]} .. {m[-1]} {bnames[m[-1]]} ({len(m)})")
        by_code = {}
        for code, industry, share, status, basis in big_rows[big]:
            by_code.setdefault(code, []).append((industry, share, status, basis))
        rows = []
        for c in codes42:
            members = bridge[c]
            total = sum(xb[m] for m in members)
            parts = {}
            for m in members:
                for industry, share, status, basis in by_code.get(m, []):
                    parts.setdefault(industry, []).append((m, share, status, basis))
            for industry, items in parts.items():
                share = sum(s * xb[m] for m, s, _st, _b in items) / total
                codes = [m for m, *_ in items]
                statuses = {st for _m, _s, st, _b in items}
                note = NOTES.get(c)
                if c == "18":  # name the detailed sector of this table
                    other = next(m for m in members if bnames[m] == "其他交通运输设备")
                    note = f"{big.split('-')[1]}-sector {other} 'other transport equipment' (aircraft, motorcycles, bicycles) stands in for aerospace"
                if "assumed" in statuses:
                    status = "assumed"
                    basis = items[0][3] if len(items) == 1 else "assumed: " + "; ".join(b for *_x, b in items)
                elif statuses == {"classification"} and codes == members:
                    status, basis = "classification", "classification: the whole sector belongs to the industry"
                    if note:
                        basis += "; " + note
                else:
                    status = "derived"
                    part = "+".join(m if sh == 1 else f"{m}×{sh:.6f}" for m, sh, _st, _b in items)
                    basis = f"derived: NBS {year} {big.split('-')[1]}-sector gross output of {part} / " + "+".join(members)
                    if note:
                        basis += "; " + note
                    split = [m for m, _s, st, _b in items if st == "derived"]
                    if split:
                        p = next(r[2] for r in big_rows[big] if r[0] == split[0] and r[1] == "biomedicine")
                        basis += (f"; {split[0]} {bnames[split[0]]} holds medical equipment (no separate sector in {big}), "
                                  f"split by the NBS 2018 153-sector ratio 077/(077+078) = {p:.6f}")
                rows.append((c, industry, share, status, basis))
        rows.sort(key=lambda r: (r[0], r[1]))
        _write_concordance(RES / f"nbs-{table}" / "concordance.csv", rows)
        print(f"concordance nbs-{table}: {len(rows)} rows")
    for table, rows in big_rows.items():
        _write_concordance(RES / f"nbs-{table}" / "concordance.csv", rows)


def _write_concordance(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["io_code", "industry", "share", "status", "basis"])
        for code, industry, share, status, basis in rows:
            w.writerow([code, industry, f"{share:.6f}", status, basis])


# ---------------------------------------------------------------------------------------------
# Binhai regional weights for location-quotient regionalisation (docs/REGIONAL-IO.md)
# ---------------------------------------------------------------------------------------------
# Published (shared/docs/BINHAI-FACTS.md unless stated):
THREE_SECTOR_2020 = {"primary": 0.003, "secondary": 0.454, "tertiary": 0.543}  # Binhai 2020 GDP structure (M)
THREE_SECTOR_CODES = {  # NBS 42-sector codes of each of the three sectors (三次产业)
    "primary": ["01"],
    "secondary": [f"{c:02d}" for c in range(2, 28)],   # mining, manufacturing, utilities, construction
    "tertiary": [f"{c:02d}" for c in range(28, 43)],
}
BINHAI_GDP_YI = {2022: (6981.86, "L–M"), 2023: (7249.40, "M")}          # BINHAI-FACTS headline table
CHINA_GDP_YI = {2022: 1210207.0, 2023: 1260582.0}  # NBS statistical communiqués, first release (not in BINHAI-FACTS)
GDP_RATIO_YEAR = 2022                               # the year nearest to the 2020 table
# Whether to force the 1+3+4 industries to 15.7 % of regional value added (their 2021 Q1 share of
# landed investment). Off: China's 1+3+4 share of VA is already 15.6 %, and Binhai's larger
# secondary sector makes it 18.2 % with the national mix, so forcing 15.7 % would scale the 1+3+4
# parts DOWN (k = 0.86) and coal mining, textiles etc. up — the opposite of Binhai's known
# profile. A share of one quarter's investment is not a share of value added; it is kept as a
# check (regional-total.csv) and the switch documents the alternative.
KEY_INDUSTRY_TILT = False


def write_regional_weights(shared: Path) -> None:
    """binhai-default/regional-weights.csv (io_code, region_output_share, status, basis) and
    binhai-default/regional-total.csv (quantity, value, status, basis).

    region_output_share_i = RE_i / TRE: sector i's share of Binhai's gross output (the shares add
    up to 1), the numerator of SLQ_i = (RE_i/TRE) / (NE_i/TNE). No sector-level output or value
    added is published for Binhai, and BINHAI-FACTS has no sector-level figure for Tianjin
    either, so the weights are built from what is published:
      1. Binhai's 2020 GDP structure 0.3 : 45.4 : 54.3 (primary : secondary : tertiary) fixes each
         three-sector group's share s_g of regional value added (published);
      2. within a group, value added is split like China's (NBS 2020 42-sector VA001..VA004;
         assumed);
      3. optionally (KEY_INDUSTRY_TILT, off) the 1+3+4 part of each sector (its concordance share
         c_i in nbs-2020-42/concordance.csv) is scaled by one factor k and the rest of the group
         by m_g so that every group keeps s_g and the 1+3+4 industries make 15.7 % of regional
         value added (their 2021 Q1 share of landed investment); off because it scales them down
         (see KEY_INDUSTRY_TILT); the implied 1+3+4 VA share is written as a check;
      4. value added → gross output with China's VA/x ratio of each sector (assumed: regional
         technology = national, the premise of LQ regionalisation itself).
    TRE/TNE (regional-total.csv, row tre_over_tne) is in gross-output terms like the shares:
    Binhai GDP / China GDP (2022, the published pair nearest to 2020) × (x/VA of Binhai's mix) /
    (x/VA of China's)."""
    table = RES / "nbs-2020-42"
    _h, x, codes = _read_x(table / "x.csv")
    _fh, f = _read_rows(table / "F.csv")
    va = {c: 0.0 for c in codes}
    for code, vals in f:
        if code in VA_ROWS:
            for c, v in zip(codes, vals):
                va[c] += v
    gdp_n = math.fsum(va.values())
    conc = {}
    with open(table / "concordance.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            conc[r["io_code"]] = conc.get(r["io_code"], 0.0) + float(r["share"])
    group_of = {c: g for g, cs in THREE_SECTOR_CODES.items() for c in cs}
    assert sorted(group_of) == sorted(codes)
    # national VA of each group and its 1+3+4 part K_g (fraction of the group's VA)
    va_g = {g: math.fsum(va[c] for c in cs) for g, cs in THREE_SECTOR_CODES.items()}
    key_g = {g: math.fsum(conc.get(c, 0.0) * va[c] for c in cs) / va_g[g] for g, cs in THREE_SECTOR_CODES.items()}
    national_key = math.fsum(conc.get(c, 0.0) * va[c] for c in codes) / gdp_n
    implied_key = math.fsum(THREE_SECTOR_2020[g] * key_g[g] for g in THREE_SECTOR_CODES)  # with k = 1
    k_tilt = KEY_INDUSTRY_SHARE / implied_key
    k = k_tilt if KEY_INDUSTRY_TILT else 1.0
    m = {g: (1 - k * key_g[g]) / (1 - key_g[g]) for g in THREE_SECTOR_CODES}
    if min(m.values()) <= 0:
        raise SystemExit(f"regional weights: the 1+3+4 scaling leaves no room for the rest of a group ({m})")
    va_r = {}  # regional VA per unit of regional GDP
    for c in codes:
        g = group_of[c]
        ci = conc.get(c, 0.0)
        va_r[c] = THREE_SECTOR_2020[g] * (va[c] / va_g[g]) * (k * ci + m[g] * (1 - ci))
    ratio = {c: va[c] / x[c] for c in codes}                  # national VA/x
    out_r = {c: va_r[c] / ratio[c] for c in codes}           # regional gross output per unit of regional GDP
    tot_r = math.fsum(out_r.values())
    share = {c: out_r[c] / tot_r for c in codes}
    x_over_va_r, x_over_va_n = tot_r, math.fsum(x.values()) / gdp_n
    gdp_ratio = BINHAI_GDP_YI[GDP_RATIO_YEAR][0] / CHINA_GDP_YI[GDP_RATIO_YEAR]
    gdp_ratio_2023 = BINHAI_GDP_YI[2023][0] / CHINA_GDP_YI[2023]
    tre_tne = gdp_ratio * x_over_va_r / x_over_va_n

    names = dict(_names(table))
    outdir = RES / "binhai-default"
    with open(outdir / "regional-weights.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["io_code", "region_output_share", "status", "basis"])
        for c in codes:
            g = group_of[c]
            sg = f"{THREE_SECTOR_2020[g] * 100:.1f} %"
            conv = f"VA → gross output by China's VA/x = {ratio[c]:.4f}"
            if g == "primary":
                status = "derived"
                basis = f"primary = {sg} of Binhai's 2020 GDP (published; 01 is the whole primary group); {conv}"
            else:
                status = "assumed"
                ci = conc.get(c, 0.0)
                basis = (f"{g} = {sg} of Binhai's 2020 GDP (published); within it China's 2020 VA split "
                         f"({va[c] / va_g[g]:.4f} of the group; assumed: no sector figure published for Binhai)")
                if KEY_INDUSTRY_TILT:
                    basis += (f", its 1+3+4 part (concordance {ci:.4f}) × k = {k:.4f}, the rest × m = {m[g]:.4f} so that "
                              f"1+3+4 = 15.7 % of GDP (2021 Q1 investment share as VA share; assumed)" if ci > 0
                              else f", × m = {m[g]:.4f} (no 1+3+4 part)")
                basis += f"; {conv}"
            w.writerow([c, f"{share[c]:.10g}", status, basis])
    with open(outdir / "regional-total.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["quantity", "value", "status", "basis"])
        w.writerow(["tre_over_tne", f"{tre_tne:.10g}", "derived",
                    f"TRE/TNE in gross-output terms (use this in λ*): gdp_ratio × (x/VA of the Binhai weights = {x_over_va_r:.4f}) "
                    f"/ (x/VA of China 2020 = {x_over_va_n:.4f}); assumes the 2022 size ratio holds for 2020"])
        w.writerow(["gdp_ratio", f"{gdp_ratio:.10g}", "derived",
                    f"Binhai GDP {GDP_RATIO_YEAR} / China GDP {GDP_RATIO_YEAR} = {BINHAI_GDP_YI[GDP_RATIO_YEAR][0]} / "
                    f"{CHINA_GDP_YI[GDP_RATIO_YEAR]:.0f} 亿元; check: 2023 gives {BINHAI_GDP_YI[2023][0]} / "
                    f"{CHINA_GDP_YI[2023]:.0f} = {gdp_ratio_2023:.6f}"])
        for y in sorted(BINHAI_GDP_YI):
            w.writerow([f"binhai_gdp_{y}_yi", f"{BINHAI_GDP_YI[y][0]}", "published",
                        f"BINHAI-FACTS headline table, confidence {BINHAI_GDP_YI[y][1]}"])
            w.writerow([f"china_gdp_{y}_yi", f"{CHINA_GDP_YI[y]:.0f}", "published",
                        f"NBS statistical communiqué on {y} national economic and social development, first release (not in BINHAI-FACTS)"])
        w.writerow(["key_industry_va_share", f"{math.fsum(conc.get(c, 0.0) * va_r[c] for c in codes):.10g}", "derived",
                    f"check: 1+3+4 share of Binhai VA implied by the weights (China 2020: {national_key:.4f}); compare "
                    f"key_industry_investment_share"])
        w.writerow(["key_industry_investment_share", f"{KEY_INDUSTRY_SHARE}", "published",
                    "2021 Q1: 1+3+4 projects were 15.7 % of landed investment (yhcgw-2021q1); not used in the weights "
                    f"(forcing it as a VA share would scale the 1+3+4 parts by k = {k_tilt:.4f}; KEY_INDUSTRY_TILT in scripts/build-datasets.py)"])
    print(f"\nregional weights: national 1+3+4 VA share {national_key:.4f}, K_g {key_g}, implied Binhai 1+3+4 VA share "
          f"{implied_key:.4f} (tilt to 0.157 would be k = {k_tilt:.4f}; applied: {KEY_INDUSTRY_TILT})")
    print(f"  x/VA Binhai mix {x_over_va_r:.4f}, China {x_over_va_n:.4f}; GDP ratio {gdp_ratio:.6f} "
          f"(2023: {gdp_ratio_2023:.6f}); TRE/TNE (gross output) {tre_tne:.6f}")
    top = sorted(codes, key=lambda c: -share[c] / (x[c] / math.fsum(x.values())))
    print("  SLQ (region share / national share), highest and lowest:")
    xs = math.fsum(x.values())
    for c in top[:6] + top[-4:]:
        print(f"    {c} {names[c]:<20} share {share[c]:.4f} national {x[c] / xs:.4f} SLQ {share[c] / (x[c] / xs):.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared"))
