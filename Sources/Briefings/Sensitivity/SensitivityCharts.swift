import Reports
import ScenarioRuntime

extension SensitivityBriefing {
    /// Per output: the indices as grouped bars (Sobol' S1 and ST; Morris μ* and σ), inputs ranked
    /// as in the table, and the tornado chart (the output with each input at its 5th and 95th
    /// percentile, the others at their medians). File names `sensitivity-K-indices.svg` and
    /// `sensitivity-K-tornado.svg`, K the output's position from 1.
    public func charts() -> [(file: String, svg: SVGDocument)] {
        var out: [(String, SVGDocument)] = []
        let sobol = outcome.method == .sobol
        for (k, entry) in outcome.indices.enumerated() {
            let rows = ranked(entry.rows)
            let name = outputName(entry.output)
            // Inputs by rank under the bars (dotted paths are too long for a category axis), named in the caption.
            var bars = BarChart(
                title: language.pick("\(name)的敏感性指数", "Sensitivity indices of \(name)"),
                categories: rows.indices.map { "\($0 + 1)" })
            bars.mode = .grouped
            bars.series = sobol
                ? [.init(key: "S1", name: language.pick("一阶指数 S1", "first order S1"), values: rows.map { max(0, $0.first) }, color: "#1d4ed8"),
                   .init(key: "ST", name: language.pick("总效应 ST", "total ST"), values: rows.map { max(0, $0.total) }, color: "#c2410c")]
                : [.init(key: "mu_star", name: "μ*", values: rows.map { max(0, $0.first) }, color: "#1d4ed8"),
                   .init(key: "sigma", name: "σ", values: rows.map { max(0, $0.total) }, color: "#c2410c")]
            bars.subtitle = [sentence(entry.output, entry.rows)]
            bars.caption = rows.enumerated().map { "\($0.offset + 1)  \($0.element.input)" } + [method(), sobol
                ? language.pick("负的估计值按 0 画出；95% 区间见表。", "Negative estimates are drawn as 0; the 95 % intervals are in the table.")
                : language.pick("μ* 大：影响大；σ 大：非线性或与其他输入有交互。", "Large μ*: large effect; large σ: non-linear or interacting with other inputs.")]
            out.append(("sensitivity-\(k + 1)-indices.svg", bars.svg()))
            if k < outcome.tornado.count {
                let t = outcome.tornado[k]
                let f = { (v: Double) in NumberFormatting.fixed(v, decimals: abs(v) < 10 ? 3 : 1) }
                var tornado = TornadoChart(
                    title: language.pick("\(name)：各输入从低到高", "\(name): each input from low to high"), base: t.base,
                    bars: t.swings.map { .init(label: $0.input, low: $0.low, high: $0.high) })
                tornado.format = { NumberFormatting.fixed($0, decimals: abs($0) < 10 ? 3 : 1) }
                tornado.lowName = language.pick("输入取第 5 百分位", "input at its 5th percentile")
                tornado.highName = language.pick("输入取第 95 百分位", "input at its 95th percentile")
                tornado.subtitle = [language.pick(
                    "其他输入取中位数时为 \(f(t.base))；条形从一个输入取低值时的结果到取高值时的结果。",
                    "\(f(t.base)) with every input at its median; each bar from the input at its low to its high value.")]
                tornado.caption = [language.pick(
                    "一次只变动一个输入（同一随机种子）：看不出交互作用，交互作用见敏感性指数。",
                    "One input at a time (same seed): interactions do not show here; the indices account for them.")]
                out.append(("sensitivity-\(k + 1)-tornado.svg", tornado.svg()))
            }
        }
        return out
    }

    /// The printable page: the tables with their sentences, then every chart (self-contained XHTML).
    public func html() -> String {
        var doc = HTMLDocument(title: language.pick("敏感性分析", "Sensitivity analysis"), language: language.pick("zh-CN", "en"))
        doc.paragraph(language.pick("敏感性分析简报 · BinhaiSim", "Sensitivity briefing · BinhaiSim"), class: "meta")
        doc.heading(language.pick("预测结果取决于哪些假设", "Which assumptions the answer rests on"), level: 1)
        doc.list(outcome.indices.map { sentence($0.output, $0.rows) })
        let charts = charts()
        for (k, table) in tables().enumerated() {
            doc.table(table)
            for c in charts where c.file.hasPrefix("sensitivity-\(k + 1)-") { doc.figure(c.svg) }
        }
        return doc.render()
    }
}
