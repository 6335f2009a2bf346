import Reports
import ScenarioRuntime

/// A sensitivity outcome as a ranked table per output, a JSON document and one sentence for the
/// briefing ("P(target met) depends mostly on … and …; … hardly matters").
public struct SensitivityBriefing: Sendable {
    public let outcome: SensitivityOutcome
    public let language: Language

    public init(outcome: SensitivityOutcome, language: Language) {
        self.outcome = outcome
        self.language = language
    }

    func outputName(_ o: SensitivityOutput) -> String {
        switch o.kind {
        case .probabilityTargetMet: return language.pick("完成目标的概率", "P(target met)")
        case .targetYearMedian: return language.pick("目标年到位额中位数", "the target-year P50")
        case .gap: return language.pick("缺口", "the gap")
        case let .moduleCell(module, table, row, column): return "\(module) \(table): \(row) / \(column)"
        }
    }

    /// Rows ranked by the total index (Sobol') or μ* (Morris), largest first.
    func ranked(_ rows: [SensitivityOutcome.Index]) -> [SensitivityOutcome.Index] {
        rows.sorted { (outcome.method == .sobol ? $0.total : $0.first) > (outcome.method == .sobol ? $1.total : $1.first) }
    }

    public func tables() -> [Table] {
        outcome.indices.map { output, rows in
            let sobol = outcome.method == .sobol
            var t = Table(
                title: language.pick("敏感性：\(outputName(output))", "Sensitivity of \(outputName(output))"),
                columns: [
                    .init(language.pick("排序", "rank"), alignment: .right), .init(language.pick("输入", "input")),
                    .init(sobol ? language.pick("一阶指数 S1", "first-order S1") : "μ*", alignment: .right),
                    .init(sobol ? "± 95%" : "μ", alignment: .right),
                    .init(sobol ? language.pick("总效应 ST", "total ST") : "σ", alignment: .right),
                    .init(sobol ? "± 95%" : "", alignment: .right),
                ])
            for (k, r) in ranked(rows).enumerated() {
                let f = { (v: Double) in NumberFormatting.fixed(v, decimals: 3) }
                t.rows.append([
                    "\(k + 1)", r.input, f(r.first), sobol ? f(r.firstConfidence) : r.mu.map(f) ?? "", f(r.total),
                    sobol ? f(r.totalConfidence) : "",
                ])
            }
            t.notes = [sentence(output, rows), method()]
            return t
        }
    }

    func method() -> String {
        outcome.method == .sobol
            ? language.pick(
                "Sobol' 指数（Saltelli 2010 一阶、Jansen 总效应，自助法 95% 区间），\(outcome.runs) 次运行 × \(outcome.draws) 次抽样，各点相同随机种子。",
                "Sobol' indices (Saltelli 2010 first order, Jansen total, bootstrap 95 % intervals), \(outcome.runs) runs × \(outcome.draws) draws, the same seed at every point.")
            : language.pick(
                "Morris 基本效应（μ* 平均绝对效应、σ 标准差），\(outcome.runs) 次运行 × \(outcome.draws) 次抽样，各点相同随机种子。",
                "Morris elementary effects (μ* mean absolute effect, σ their spread), \(outcome.runs) runs × \(outcome.draws) draws, the same seed at every point.")
    }

    /// One sentence: the two inputs that matter most and those that hardly matter (total index
    /// or μ* below 5 % of the largest).
    public func sentence(_ output: SensitivityOutput, _ rows: [SensitivityOutcome.Index]) -> String {
        let r = ranked(rows)
        let score = { (x: SensitivityOutcome.Index) in self.outcome.method == .sobol ? x.total : x.first }
        guard let top = r.first, score(top) > 0 else {
            let name = outputName(output)
            return language.pick("\(name)在这些输入范围内几乎不变。", name.prefix(1).uppercased() + name.dropFirst() + " hardly changes over these ranges.")
        }
        let main = r.prefix(2).filter { score($0) >= 0.2 * score(top) }.map(\.input)
        let small = r.filter { score($0) < 0.05 * score(top) }.map(\.input)
        let joinedMain = main.joined(separator: language.pick("和", " and "))
        let tail = small.isEmpty ? "" : language.pick("；\(small.joined(separator: "、"))几乎没有影响", "; \(small.joined(separator: ", ")) hardly \(small.count == 1 ? "matters" : "matter")")
        let name = outputName(output)
        let subject = name.prefix(1).uppercased() + name.dropFirst()
        return language.pick("\(name)主要取决于\(joinedMain)\(tail)。", "\(subject) depends mostly on \(joinedMain)\(tail).")
    }

    public func writeJSON(to sink: OutputSink) throws {
        var w = JSONWriter { try sink.write($0) }
        try w.beginObject()
        try w.member("method", outcome.method.rawValue)
        try w.member("runs", outcome.runs)
        try w.member("draws", outcome.draws)
        for (output, rows) in outcome.indices {
            try w.key(output.id)
            try w.beginObject()
            try w.member("inputs", strings: rows.map(\.input))
            if outcome.method == .sobol {
                try w.member("S1", numbers: rows.map(\.first))
                try w.member("S1_conf", numbers: rows.map(\.firstConfidence))
                try w.member("ST", numbers: rows.map(\.total))
                try w.member("ST_conf", numbers: rows.map(\.totalConfidence))
            } else {
                try w.member("mu_star", numbers: rows.map(\.first))
                try w.member("mu", numbers: rows.map { $0.mu ?? .nan })
                try w.member("sigma", numbers: rows.map(\.total))
            }
            try w.member("sentence", sentence(output, rows))
            if let t = outcome.tornado.first(where: { $0.output.id == output.id }) {
                try w.key("tornado")
                try w.beginObject()
                try w.member("base", t.base)
                try w.member("inputs", strings: t.swings.map(\.input))
                try w.member("low_value", numbers: t.swings.map(\.lowValue))
                try w.member("high_value", numbers: t.swings.map(\.highValue))
                try w.member("low", numbers: t.swings.map(\.low))
                try w.member("high", numbers: t.swings.map(\.high))
                try w.endObject()
            }
            try w.endObject()
        }
        try w.endObject()
        try w.flush()
    }
}
