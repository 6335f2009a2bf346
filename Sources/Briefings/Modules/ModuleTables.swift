import Reports
import ScenarioKit

/// Renders the modules' `ResultTable`s: modules never format numbers, this does.
///
/// - Text (terminal/Markdown): title "module title · table title", headers with units
///   (`产出 (亿元)`), numbers with the column's decimals (else by magnitude: ≥ 100 → 1, ≥ 1 → 2,
///   else 3 decimals; thousands grouped), quantile cells as `P50 (P10–P90)`, notes below.
/// - CSV (`csv()`): ONE long-format table, a row per cell statistic (see `csvColumns`).
/// - JSON (`writeJSON(_:)`): an array of module runs with their tables, full precision.
///
/// Reports of variants (`ModuleReport.variant`) follow the baseline's, labelled with the variant.
public struct ModuleTables: Sendable {
    public let reports: [ModuleReport]
    public let language: Language

    public init(reports: [ModuleReport], language: Language = .zh) {
        self.reports = reports
        self.language = language
    }

    func pick(_ t: LocalizedText) -> String {
        let s = language.pick(t.zh, t.en)
        return s.isEmpty ? language.pick(t.en, t.zh) : s
    }

    // MARK: Text

    /// Every module table as a text table, in module order.
    public func tables() -> [Table] {
        reports.flatMap { r in r.tables.map { table($0, module: r.descriptor, variant: r.variant) } }
    }

    /// One result table as a text table; a variant's tables say so in the title.
    public func table(_ t: ResultTable, module: ModuleDescriptor? = nil, variant: String? = nil) -> Table {
        var columns = [Table.Column(pick(t.rowHeader))]
        columns += t.columns.map { c in
            let header = pick(c.header)
            // The unit in brackets, unless the header already says it ("share (mean)" + "share").
            let unit = c.unit.flatMap { $0.isEmpty || header.lowercased().contains($0.lowercased()) ? nil : $0 }
            return Table.Column(header + (unit.map { " (\($0))" } ?? ""), alignment: .right)
        }
        var title = module.map { "\(pick($0.title)) · \(pick(t.title))" } ?? pick(t.title)
        if let variant { title += language.pick("（变体 \(variant)）", " (variant \(variant))") }
        var out = Table(title: title, columns: columns)
        var hasQuantiles = false
        for row in t.rows {
            var cells = [pick(row.label)]
            for (k, cell) in row.cells.enumerated() {
                let decimals = k < t.columns.count ? t.columns[k].decimals : nil
                if case .quantiles = cell { hasQuantiles = true }
                cells.append(text(cell, decimals: decimals))
            }
            out.append(cells)
        }
        out.notes = t.notes.map(pick)
        if hasQuantiles {
            out.notes.append(language.pick(
                "区间单元格为 P50（P10–P90），按蒙特卡洛各次模拟计算。", "Range cells are P50 (P10–P90) over the Monte Carlo draws."))
        }
        return out
    }

    /// A cell as text.
    public func text(_ cell: ResultCell, decimals: Int?) -> String {
        switch cell {
        case let .number(v): return Self.number(v, decimals: decimals)
        case let .text(t): return pick(t)
        case let .quantiles(q):
            return "\(Self.number(q.p50, decimals: decimals)) (\(Self.number(q.p10, decimals: decimals))–\(Self.number(q.p90, decimals: decimals)))"
        case .empty: return ""
        }
    }

    /// `decimals` digits, or by magnitude when nil; grouped thousands; "—" for NaN/∞.
    public static func number(_ v: Double, decimals: Int?) -> String {
        guard v.isFinite else { return "—" }
        let d = decimals ?? (abs(v) >= 100 ? 1 : abs(v) >= 1 ? 2 : v == 0 ? 0 : 3)
        return NumberFormatting.grouped(v, decimals: d)
    }

    // MARK: CSV

    /// Header of `csv()`: stable ASCII names in both languages.
    public static let csvColumns = ["scenario", "module", "table", "row", "column", "unit", "statistic", "value"]

    /// Every cell at full precision, one line per value: `scenario` is `baseline` or the variant's
    /// name (as in the forecast CSV), `statistic` is `value` for numbers and
    /// texts, and `mean`, `p10`, `p50`, `p90` for quantile cells (four lines). Labels are in the
    /// briefing's language; empty cells are left out.
    public func csv() -> String {
        var out = Table(columns: Self.csvColumns.map { Table.Column($0) })
        for r in reports {
            for t in r.tables {
                for row in t.rows {
                    for (k, cell) in row.cells.enumerated() {
                        let column = k < t.columns.count ? t.columns[k] : ResultColumn(LocalizedText("\(k)"))
                        let head = [r.variant ?? "baseline", r.descriptor.id, t.id, pick(row.label), pick(column.header), column.unit ?? ""]
                        for (statistic, value) in Self.values(cell, pick) { out.append(head + [statistic, value]) }
                    }
                }
            }
        }
        return CSVRenderer().render(out)
    }

    static func values(_ cell: ResultCell, _ pick: (LocalizedText) -> String) -> [(String, String)] {
        func full(_ v: Double) -> String { v.isFinite ? v.description : "" }
        switch cell {
        case let .number(v): return [("value", full(v))]
        case let .text(t): return [("value", pick(t))]
        case let .quantiles(q): return [("mean", full(q.mean)), ("p10", full(q.p10)), ("p50", full(q.p50)), ("p90", full(q.p90))]
        case .empty: return []
        }
    }
}
