import InputOutput
import Reports

/// Structural change: the same sectors analysed on several tables (years), side by side —
/// output multipliers, backward and forward linkages and key-sector class per year, and the
/// change from the first to the last table, with a class change marked.
public struct IOComparison: Sendable {
    /// (label such as `builtin:nbs-2017-42`, its analysis), in the order given.
    public let tables: [(label: String, result: IOAnalysisResult)]
    public let language: Language
    /// Chains (1+3+4 industries) by id with their sector weights per table (wₖ = cⱼₖ·xⱼ / Σ,
    /// from each table's concordance.csv); a chain's output multiplier is Σₖ wₖ·mₖ.
    public var chains: [(id: String, weights: [[Double]])] = []

    /// - Throws: `IOAnalysisError.invalidTable` when the tables do not have the same sector codes.
    public init(tables: [(label: String, result: IOAnalysisResult)], language: Language) throws(IOAnalysisError) {
        guard let first = tables.first else { throw .invalidTable("no tables to compare") }
        let codes = first.result.sectors.map(\.code)
        for t in tables.dropFirst() where t.result.sectors.map(\.code) != codes {
            throw .invalidTable("\(t.label) has other sectors than \(first.label); compare tables of the same classification (e.g. the 42-sector tables)")
        }
        self.tables = tables
        self.language = language
    }

    func className(_ c: KeySectorClass) -> String {
        switch c {
        case .key: return language.pick("关键", "key")
        case .backward: return language.pick("后向", "backward")
        case .forward: return language.pick("前向", "forward")
        case .weak: return language.pick("一般", "weak")
        }
    }

    public func table() -> Table {
        let l = language
        var columns: [Table.Column] = [.init(l.pick("代码", "code")), .init(l.pick("部门", "sector"))]
        for t in tables {
            let tag = t.label.replacingOccurrences(of: "builtin:", with: "")
            columns += [
                .init(l.pick("乘数 ", "mult. ") + tag, alignment: .right), .init("BL " + tag, alignment: .right),
                .init("FL " + tag, alignment: .right), .init(l.pick("类型 ", "class ") + tag),
            ]
        }
        columns += [.init(l.pick("乘数变化", "Δ mult."), alignment: .right), .init(l.pick("类型变化", "class change"))]
        var t = Table(title: l.pick("结构变化：各年投入产出表对照", "Structural change: the tables side by side"), columns: columns)
        let first = tables[0].result, last = tables[tables.count - 1].result
        for (k, s) in first.sectors.enumerated() {
            var row = [s.code, (l == .zh ? (s.nameZh ?? s.nameEn) : (s.nameEn ?? s.nameZh)) ?? ""]
            for x in tables {
                let r = x.result
                row += [
                    NumberFormatting.fixed(r.outputMultipliers[k], decimals: 4), NumberFormatting.fixed(r.backwardLinkage[k], decimals: 3),
                    NumberFormatting.fixed(r.forwardLinkage[k], decimals: 3), className(r.keySectors[k]),
                ]
            }
            let d = last.outputMultipliers[k] - first.outputMultipliers[k]
            row.append((d >= 0 ? "+" : "") + NumberFormatting.fixed(d, decimals: 4))
            row.append(first.keySectors[k] == last.keySectors[k] ? "" : "⚠ \(className(first.keySectors[k])) → \(className(last.keySectors[k]))")
            t.rows.append(row)
        }
        t.notes = [
            l.pick("BL/FL：Rasmussen 后向关联与 Ghosh 前向关联（各表自身均值为 1）；⚠ 标出关键部门类型的变化。", "BL/FL: Rasmussen backward and Ghosh forward linkages (each table's own mean is 1); ⚠ marks a change of key-sector class."),
        ]
        return t
    }

    /// A chain's output multiplier Σₖ wₖ·mₖ in each table.
    public func chainMultipliers() -> [(id: String, values: [Double])] {
        chains.map { chain in
            (chain.id, tables.enumerated().map { k, t in zip(chain.weights[k], t.result.outputMultipliers).reduce(0) { $0 + $1.0 * $1.1 } })
        }
    }

    /// The chains' output multipliers side by side (empty without concordances).
    public func chainTable() -> Table? {
        guard !chains.isEmpty else { return nil }
        let l = language
        var columns: [Table.Column] = [.init(l.pick("产业链", "chain"))]
        columns += tables.map { .init(l.pick("乘数 ", "mult. ") + $0.label.replacingOccurrences(of: "builtin:", with: ""), alignment: .right) }
        columns.append(.init(l.pick("变化", "change"), alignment: .right))
        var t = Table(title: l.pick("各产业链产出乘数的变化", "Output multipliers of the chains"), columns: columns)
        for (id, values) in chainMultipliers() {
            let d = (values.last ?? 0) - (values.first ?? 0)
            t.rows.append([id] + values.map { NumberFormatting.fixed($0, decimals: 4) } + [(d >= 0 ? "+" : "") + NumberFormatting.fixed(d, decimals: 4)])
        }
        t.notes = [l.pick("产业链乘数 = Σ 部门权重 × 部门产出乘数，权重来自各表的 concordance.csv（对照份额 × 总产出）。", "A chain's multiplier = Σ sector weight × sector output multiplier, weights from each table's concordance.csv (share × gross output).")]
        return t
    }

    public func writeJSON(to sink: OutputSink) throws {
        var w = JSONWriter { try sink.write($0) }
        try w.beginObject()
        try w.member("tables", strings: tables.map(\.label))
        try w.member("sectors", strings: tables[0].result.sectors.map(\.code))
        try w.key("by_table")
        try w.beginArray(inline: false)
        for t in tables {
            try w.beginObject()
            try w.member("table", t.label)
            try w.member("output_multipliers", numbers: t.result.outputMultipliers)
            try w.member("backward_linkage", numbers: t.result.backwardLinkage)
            try w.member("forward_linkage", numbers: t.result.forwardLinkage)
            try w.member("key_sectors", strings: t.result.keySectors.map(\.rawValue))
            try w.endObject()
        }
        try w.endArray()
        try w.key("chains")
        try w.beginObject()
        for (id, values) in chainMultipliers() { try w.member(id, numbers: values) }
        try w.endObject()
        try w.endObject()
        try w.flush()
    }

    /// BL (x) against FL (y) per sector: an arrow from the first table's position to the last's,
    /// the quadrant lines at 1 (key sectors top right).
    public func chart() -> SVGDocument {
        let width = 760.0, height = 560.0, margin = 60.0
        let first = tables[0].result, last = tables[tables.count - 1].result
        let xs = first.backwardLinkage + last.backwardLinkage, ys = first.forwardLinkage + last.forwardLinkage
        let x0 = min(0.5, (xs.min() ?? 0.5) - 0.05), x1 = max(1.5, (xs.max() ?? 1.5) + 0.05)
        let y0 = min(0.5, (ys.min() ?? 0.5) - 0.05), y1 = max(1.5, (ys.max() ?? 1.5) + 0.05)
        func px(_ v: Double) -> Double { margin + (v - x0) / (x1 - x0) * (width - 2 * margin) }
        func py(_ v: Double) -> Double { height - margin - (v - y0) / (y1 - y0) * (height - 2 * margin) }
        var svg = SVGDocument(width: width, height: height)
        let title = language.pick(
            "后向/前向关联的变化（\(tables[0].label) → \(tables[tables.count - 1].label)）",
            "Backward/forward linkage movement (\(tables[0].label) → \(tables[tables.count - 1].label))")
        svg.title = title
        svg.add(.text(title, x: margin, y: 28, size: 15, weight: "bold"))
        svg.add(.line(x1: px(1), y1: py(y0), x2: px(1), y2: py(y1), style: .stroke("#999999", width: 1, dash: [4, 3])))
        svg.add(.line(x1: px(x0), y1: py(1), x2: px(x1), y2: py(1), style: .stroke("#999999", width: 1, dash: [4, 3])))
        svg.add(.line(x1: px(x0), y1: py(y0), x2: px(x1), y2: py(y0), style: .stroke("#444444")))
        svg.add(.line(x1: px(x0), y1: py(y0), x2: px(x0), y2: py(y1), style: .stroke("#444444")))
        for v in stride(from: (x0 * 4).rounded(.up) / 4, through: x1, by: 0.25) {
            svg.add(.text(NumberFormatting.fixed(v, decimals: 2), x: px(v), y: py(y0) + 16, size: 10, anchor: .middle))
        }
        for v in stride(from: (y0 * 4).rounded(.up) / 4, through: y1, by: 0.25) {
            svg.add(.text(NumberFormatting.fixed(v, decimals: 2), x: px(x0) - 6, y: py(v) + 4, size: 10, anchor: .end))
        }
        svg.add(.text(language.pick("后向关联 BL", "backward linkage BL"), x: width / 2, y: height - 14, size: 12, anchor: .middle))
        svg.add(.text(language.pick("前向关联 FL", "forward linkage FL"), x: 16, y: height / 2, size: 12, anchor: .middle, rotate: -90))
        svg.add(.text(language.pick("关键部门", "key sectors"), x: px(x1) - 4, y: py(y1) + 14, size: 11, anchor: .end))
        svg.add(.text(language.pick("红色：关键部门类型有变化", "red: key-sector class changed"), x: px(x1) - 4, y: py(y1) + 30, size: 10, anchor: .end, fill: "#c0392b"))
        for k in first.sectors.indices {
            let a = (px(first.backwardLinkage[k]), py(first.forwardLinkage[k]))
            let b = (px(last.backwardLinkage[k]), py(last.forwardLinkage[k]))
            let changed = first.keySectors[k] != last.keySectors[k]
            let color = changed ? "#c0392b" : "#2c6fbb"
            svg.add(.line(x1: a.0, y1: a.1, x2: b.0, y2: b.1, style: .stroke(color, width: changed ? 1.6 : 1)))
            svg.add(.circle(cx: b.0, cy: b.1, r: 2.6, style: .fill(color)))
            if changed || last.keySectors[k] == .key {
                svg.add(.text(first.sectors[k].code, x: b.0 + 4, y: b.1 - 4, size: 9, fill: color))
            }
        }
        return svg
    }
}
