import ForecastEngine
import Foundation

/// A scenario's `actuals:` — figures published after the dataset was made, in the layout of
/// `history.csv`, so staff can enter this year's Jan–Sep figure the day it is published without
/// editing the dataset. Either a list of rows or the path of a CSV file (relative to the scenario):
///
/// ```yaml
/// actuals:
///   - {year: 2023, indicator: domestic_in_place_jan_sep, value: 1650, status: published, note: "…"}
///   - {year: 2023, indicator: foreign_growth, value: -0.12}
/// # or
/// actuals: actuals-2023.csv     # year,indicator,value,unit,status,source,note
/// ```
///
/// A row for a (year, indicator) the dataset already has replaces the dataset's figure.
enum Actuals {
    static func add(_ v: YAMLValue, baseFolder: URL?, to dataset: inout Dataset) throws {
        var rows: [(HistoryRecord, String)] = []
        if case .scalar = v.node {
            let path = try v.string()
            let expanded = (path as NSString).expandingTildeInPath
            let url = expanded.hasPrefix("/") || baseFolder == nil
                ? URL(fileURLWithPath: expanded) : baseFolder!.appendingPathComponent(expanded)
            let table = try CSVTable.read(url, displayName: path, required: ["year", "indicator", "value", "status"])
            for row in table.rows {
                guard let year = Int(try row.text("year")), (1900...2200).contains(year) else {
                    throw row.error("expected a year from 1900 to 2200, got \"\(try row.text("year"))\"", column: "year")
                }
                let indicator = try row.text("indicator")
                let value = try row.number("value")
                let status = try Dataset.status(try row.text("status"), row: row)
                if let problem = check(indicator: indicator, value: value) {
                    throw row.error(problem, column: InvestmentHistory.isInvestmentIndicator(indicator) || indicator == "exchange_rate" ? "value" : "indicator")
                }
                rows.append((HistoryRecord(year: year, indicator: indicator, value: value, status: status, origin: "\(path):\(row.line)"),
                             row.optionalText("note") ?? ""))
            }
        } else {
            for item in try v.sequence() {
                let m = try item.mapping(allowedKeys: ["year", "indicator", "value", "unit", "status", "source", "note"])
                let year = try m.required("year").int(in: 1900...2200)
                let iv = try m.required("indicator")
                let indicator = try iv.string()
                let vv = try m.required("value")
                let value = try vv.number(current: 0)
                var status = BaseYearData.Status.published
                if let sv = m.optional("status") {
                    guard let s = BaseYearData.Status(rawValue: try sv.string()) else {
                        throw sv.error("expected published, extrapolated, derived or assumed")
                    }
                    status = s
                }
                if let problem = check(indicator: indicator, value: value) {
                    throw (InvestmentHistory.isInvestmentIndicator(indicator) || indicator == "exchange_rate" ? vv : iv).error(problem)
                }
                rows.append((HistoryRecord(year: year, indicator: indicator, value: value, status: status, origin: item.location.description),
                             try m.optional("note")?.string() ?? ""))
            }
        }
        for (r, note) in rows {
            dataset.records.removeAll { $0.year == r.year && $0.indicator == r.indicator }
            dataset.records.append(r)
            if r.indicator == "exchange_rate" { dataset.exchangeRates[r.year] = r.value }
            dataset.provenance.append(
                "\(r.year) \(r.indicator) = \(YAMLValue.format(r.value)) (\(r.status.rawValue), scenario actual \(r.origin))"
                    + (note.isEmpty ? "" : ": \(note)"))
        }
    }

    /// nil when the row can be used, else what is wrong.
    static func check(indicator: String, value: Double) -> String? {
        if indicator == "exchange_rate" { return value > 0 ? nil : "expected an exchange rate > 0 (CNY per USD)" }
        guard InvestmentHistory.isInvestmentIndicator(indicator) else {
            return "unknown indicator \"\(indicator)\"; expected domestic_in_place, foreign_in_place, total_in_place or a *_growth, "
                + "optionally with a period (_q1, _h1, _q3, _jan_feb … _jan_nov), or exchange_rate"
        }
        if InvestmentHistory.isGrowthIndicator(indicator) {
            return value > -1 ? nil : "expected a growth rate above −1 (e.g. 0.12 for +12 %), got \(YAMLValue.format(value))"
        }
        return value > 0 ? nil : "expected an amount > 0, got \(YAMLValue.format(value))"
    }
}
