import Foundation
import InputOutput
import LinearAlgebra
import Reports

/// Turns an `IOAnalysisResult` into the tables and the JSON document `binhai io analyze` prints.
public struct IOResultRenderer {
    public let result: IOAnalysisResult
    /// What was analysed (folder path or `builtin:…`), echoed in notes and JSON.
    public let source: String
    public let language: Language
    /// National and regional multipliers side by side, when the table was regionalised.
    public var regional: RegionalComparison?

    public init(result: IOAnalysisResult, source: String, language: Language) {
        self.result = result
        self.source = source
        self.language = language
    }

    private func label(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    private func name(_ s: Sector) -> String {
        (language == .zh ? (s.nameZh ?? s.nameEn) : (s.nameEn ?? s.nameZh)) ?? ""
    }

    private func className(_ c: KeySectorClass) -> String {
        switch c {
        case .key: return label("关键部门", "key")
        case .backward: return label("后向型", "backward")
        case .forward: return label("前向型", "forward")
        case .weak: return label("一般", "weak")
        }
    }

    /// The multiplier row shown in the sector table: total value added when present.
    private var valueAddedRow: LabelledValues? {
        result.multipliers.first { $0.label == "VA" } ?? result.multipliers.first { $0.label == "VA001" }
    }

    // MARK: Tables

    /// One row per sector: output, multipliers, linkages, class (+ Type II and extraction).
    public func sectorTable(fullPrecision: Bool) -> Table {
        func num(_ v: Double, _ decimals: Int) -> String {
            fullPrecision ? (v.isFinite ? v.description : "") : NumberFormatting.fixed(v, decimals: decimals)
        }
        var columns: [Table.Column] = [
            .init(label("代码", "code")), .init(label("部门", "sector")),
            .init(label("总产出", "gross output"), alignment: .right),
            .init(label("产出乘数", "output mult."), alignment: .right),
        ]
        let va = valueAddedRow
        if let va { columns.append(.init(label("增加值乘数", "VA mult.") + (va.label == "VA" ? "" : " (\(va.label))"), alignment: .right)) }
        if fullPrecision {
            for m in result.multipliers where m.label != va?.label {
                columns.append(.init(label("乘数 ", "mult. ") + m.label, alignment: .right))
            }
        }
        columns += [
            .init(label("后向关联", "backward link."), alignment: .right),
            .init(label("前向关联", "forward link."), alignment: .right),
            .init(label("类型", "class")),
        ]
        if result.typeII != nil { columns.append(.init(label("产出乘数II", "output mult. II"), alignment: .right)) }
        if result.extraction != nil {
            columns.append(.init(label("后向抽取损失%", "backward extr. loss %"), alignment: .right))
            columns.append(.init(label("前向抽取损失%", "forward extr. loss %"), alignment: .right))
        }
        var table = Table(
            title: label("投入产出分析：\(source)", "Input-output analysis: \(source)"), columns: columns)
        for (j, s) in result.sectors.enumerated() {
            var row = [
                s.code, name(s),
                fullPrecision ? num(result.grossOutput[j], 0) : NumberFormatting.grouped(result.grossOutput[j], decimals: 0),
                num(result.outputMultipliers[j], 4),
            ]
            if let va { row.append(num(va.values[j], 4)) }
            if fullPrecision {
                for m in result.multipliers where m.label != va?.label { row.append(num(m.values[j], 6)) }
            }
            row += [
                num(result.backwardLinkage[j], 3), num(result.forwardLinkage[j], 3),
                fullPrecision ? result.keySectors[j].rawValue : className(result.keySectors[j]),
            ]
            if let t2 = result.typeII { row.append(num(t2.outputMultipliers[j], 4)) }
            if let ex = result.extraction {
                row.append(num(100 * ex.backwardLossShare[j], 2))
                row.append(num(100 * ex.forwardLossShare[j], 2))
            }
            table.append(row)
        }
        table.notes = notes()
        return table
    }

    private func notes() -> [String] {
        var notes: [String] = []
        let p = result.diagnostics.productivity
        if let ub = p.spectralRadiusUpperBound {
            notes.append(label(
                "生产性检验：谱半径 ρ(A) ≤ \(NumberFormatting.fixed(ub, decimals: 4))（\(p.method.rawValue)）；I−A 条件数倒数 \(String(format: "%.2e", p.reciprocalConditionNumber))",
                "Productive table: spectral radius ρ(A) ≤ \(NumberFormatting.fixed(ub, decimals: 4)) (\(p.method.rawValue)); reciprocal condition number of I−A \(String(format: "%.2e", p.reciprocalConditionNumber))"))
        }
        let solver = result.diagnostics.solver
        if solver.method == .gmres, let passes = solver.matrixPasses, let r = solver.largestRelativeResidual {
            notes.append(label(
                "求解：GMRES，未分解 I−A（\(passes) 次遍历矩阵，最大相对残差 \(String(format: "%.1e", r))）。",
                "Solved by GMRES without factoring I−A (\(passes) passes over the matrix, largest relative residual \(String(format: "%.1e", r)))."))
        }
        notes.append(label(
            "总产出为表中单位（NBS 表：万元）；乘数为每单位最终需求；关联度经标准化，均值为 1（后向：Rasmussen，前向：Ghosh）。",
            "Gross output in the table's unit (NBS tables: 10⁴ CNY); multipliers per unit of final demand; linkages normalised to mean 1 (backward: Rasmussen, forward: Ghosh)."))
        if let va = valueAddedRow, va.label == "VA" {
            notes.append(label("增加值乘数 = VA001…VA004 之和的乘数。", "VA mult. = multiplier of the sum of rows VA001…VA004."))
        }
        if let t2 = result.typeII {
            notes.append(label(
                "II 型乘数：居民内生，收入行 \(t2.closure.incomeRow)，消费列 \(t2.closure.consumptionColumn)，消费系数 = 消费 / 居民收入总额。",
                "Type II: households endogenous, income row \(t2.closure.incomeRow), consumption column \(t2.closure.consumptionColumn), consumption coefficients = consumption / total household income."))
        }
        if result.extraction != nil {
            notes.append(label(
                "假设抽取：后向 = 该部门不再购买国内中间投入；前向 = 该部门不再供给中间产品（Ghosh 模型）；损失占总产出百分比。",
                "Hypothetical extraction: backward = the sector buys no domestic intermediate inputs; forward = it sells no intermediates (Ghosh model); loss as % of total output."))
        }
        if !result.diagnostics.idleSectors.isEmpty {
            notes.append(label("无产出部门（系数取 0）：", "Idle sectors (coefficients taken as 0): ")
                + result.diagnostics.idleSectors.joined(separator: ", "))
        }
        return notes
    }

    /// Δx per scenario, one row per sector, plus the total.
    public func demandChangeTable(fullPrecision: Bool) -> Table? {
        guard let dc = result.demandChange else { return nil }
        var columns: [Table.Column] = [.init(label("代码", "code")), .init(label("部门", "sector"))]
        for s in dc.scenarios { columns.append(.init("Δx " + s, alignment: .right)) }
        var table = Table(title: label("最终需求变动的产出效应 Δx = L·Δy", "Output effect of final-demand change Δx = L·Δy"), columns: columns)
        func num(_ v: Double) -> String { fullPrecision ? v.description : NumberFormatting.grouped(v, decimals: 1) }
        for (i, s) in result.sectors.enumerated() {
            table.append([s.code, name(s)] + (0..<dc.scenarios.count).map { num(dc.outputChange[i, $0]) })
        }
        table.append(["", label("合计", "total")] + dc.totalOutputChange.map(num))
        for f in dc.factorChanges {
            table.append(["", "Δ\(f.label)"] + f.values.map(num))
        }
        return table
    }

    /// Terminal or Markdown text.
    public func text<R: TextRenderer>(_ renderer: R) -> String {
        var out = renderer.render(sectorTable(fullPrecision: false))
        if let dc = demandChangeTable(fullPrecision: false) { out += "\n" + renderer.render(dc) }
        if let regional { out += "\n" + renderer.render(regional.table()) }
        if result.technicalCoefficients != nil || result.leontiefInverse != nil || result.ghoshInverse != nil {
            out += label("（n×n 矩阵仅在 JSON 输出中给出：--format json）\n", "(n×n matrices are written in JSON output only: --format json)\n")
        }
        return out
    }

    /// CSV: the sector table at full precision (and the demand-change table after a blank line).
    public func csv() throws -> String {
        if result.technicalCoefficients != nil || result.leontiefInverse != nil || result.ghoshInverse != nil {
            throw IOOutputError.matricesNeedJSON
        }
        var out = CSVRenderer().render(sectorTable(fullPrecision: true))
        if let dc = demandChangeTable(fullPrecision: true) { out += "\n" + CSVRenderer().render(dc) }
        return out
    }
}

public enum IOOutputError: Error, CustomStringConvertible {
    case matricesNeedJSON
    public var description: String {
        "--include matrices can only be written as JSON (--format json); CSV holds one table per file"
    }
}

/// A renderer of `Table`s to text (terminal or Markdown).
public protocol TextRenderer { func render(_ table: Table) -> String }
extension TerminalTableRenderer: TextRenderer {}
extension MarkdownTableRenderer: TextRenderer {}
