import ForecastEngine
import Reports
import ScenarioRuntime

/// A backtest as tables (scores by horizon and pooled; calibration of P(target met); every
/// window) and a JSON document.
public struct BacktestBriefing: Sendable {
    public let report: BacktestReport
    public let language: Language

    public init(report: BacktestReport, language: Language) {
        self.report = report
        self.language = language
    }

    func f(_ v: Double, _ d: Int = 3) -> String { NumberFormatting.fixed(v, decimals: d) }
    func pct(_ v: Double) -> String { NumberFormatting.fixed(100 * v, decimals: 1) + "%" }

    public func tables() -> [Table] {
        let r = report
        var scores = Table(
            title: language.pick("回测：\(r.scenarioID)（滚动起点）", "Backtest: \(r.scenarioID) (rolling origin)"),
            columns: [
                .init(language.pick("提前年数", "years ahead")), .init(language.pick("窗口数", "windows"), alignment: .right),
                .init(language.pick("P10–P90 覆盖率", "P10–P90 coverage"), alignment: .right),
                .init(language.pick("P5–P95 覆盖率", "P5–P95 coverage"), alignment: .right),
                .init(language.pick("区间得分（80%，对数）", "interval score (80 %, log)"), alignment: .right),
                .init(language.pick("CRPS（对数）", "CRPS (log)"), alignment: .right),
            ])
        func row(_ label: String, _ s: BacktestSummary) -> [String] {
            [label, "\(s.windows)", pct(s.coverage80), pct(s.coverage90), f(s.meanLogIntervalScore80), f(s.meanLogCRPS)]
        }
        for h in r.byHorizon.keys.sorted() { scores.append(row("\(h)", r.byHorizon[h]!)) }
        scores.append(row(language.pick("合计", "pooled"), r.pooled))
        let origins = Set(r.windows.map(\.origin)).sorted()
        scores.notes = [
            language.pick(
                "起点 \(origins.first ?? 0)–\(origins.last ?? 0)，每个起点只用当年及以前的数据\(r.settings.historyYears.map { "（最近 \($0) 年）" } ?? "")重新估计并预测 1–\(r.settings.horizon) 年后的全年到位额，与公布数比较。覆盖率应接近 80% 与 90%；区间得分与 CRPS 越小越好（对数尺度，不同规模的序列可合并）。",
                "Origins \(origins.first ?? 0)–\(origins.last ?? 0): at each origin the model is refitted on the figures up to that year\(r.settings.historyYears.map { " (the last \($0) years)" } ?? "") and forecasts the full-year totals 1–\(r.settings.horizon) years ahead, compared with the published ones. Coverage should be near 80 % and 90 %; interval score and CRPS: lower is better (log scale, so series of any size pool)."),
        ]
        var calibration = Table(
            title: language.pick("“达标概率”的校准", "Calibration of P(target met)"),
            columns: [
                .init(language.pick("预测概率区间", "forecast probability")), .init(language.pick("窗口数", "windows"), alignment: .right),
                .init(language.pick("平均预测概率", "mean forecast"), alignment: .right),
                .init(language.pick("实际发生频率", "observed frequency"), alignment: .right),
            ])
        for b in r.reliability.bins {
            calibration.append(["\(pct(b.lower))–\(pct(b.upper))", "\(b.count)", pct(b.meanProbability), pct(b.frequency)])
        }
        let g = NumberFormatting.fixed(100 * r.requiredGrowth, decimals: 2) + "%"
        calibration.notes = [
            language.pick(
                "事件：h 年后到位额 ≥ 起点年 × (1 + \(g))^h（方案要求的年均增速）。Brier 得分 \(f(r.brier))（可靠性 \(f(r.reliability.reliability))，分辨力 \(f(r.reliability.resolution))）；总是回答基准频率得 \(f(r.reliability.uncertainty))，总是回答 50% 得 0.250。",
                "Event: the total h years on ≥ the origin's × (1 + \(g))^h (the scenario's required growth). Brier score \(f(r.brier)) (reliability \(f(r.reliability.reliability)), resolution \(f(r.reliability.resolution))); always answering the base rate scores \(f(r.reliability.uncertainty)), always 50 % scores 0.250."),
        ]
        var windows = Table(
            title: language.pick("回测窗口", "Backtest windows"),
            columns: [
                .init(language.pick("起点", "origin")), .init(language.pick("年份", "year")),
                .init(language.pick("公布数", "published"), alignment: .right), .init("P10", alignment: .right),
                .init("P50", alignment: .right), .init("P90", alignment: .right),
                .init(language.pick("达标概率", "P(target met)"), alignment: .right), .init(language.pick("达标", "met")),
            ])
        for w in r.windows {
            windows.append([
                "\(w.origin)", "\(w.year)", NumberFormatting.grouped(w.truth, decimals: 1), NumberFormatting.grouped(w.p10, decimals: 1),
                NumberFormatting.grouped(w.p50, decimals: 1), NumberFormatting.grouped(w.p90, decimals: 1), pct(w.probabilityTargetMet),
                w.targetMet ? language.pick("是", "yes") : language.pick("否", "no"),
            ])
        }
        return [scores, calibration, windows]
    }

    public func writeJSON(to sink: OutputSink) throws {
        let r = report
        var w = JSONWriter { try sink.write($0) }
        try w.beginObject()
        try w.member("scenario", r.scenarioID)
        try w.member("horizon", r.settings.horizon)
        if let h = r.settings.historyYears { try w.member("history_years", h) }
        try w.member("required_growth", r.requiredGrowth)
        func summary(_ s: BacktestSummary) throws {
            try w.beginObject()
            try w.member("windows", s.windows)
            try w.member("coverage_80", s.coverage80)
            try w.member("coverage_90", s.coverage90)
            try w.member("interval_score_80_log", s.meanLogIntervalScore80)
            try w.member("crps_log", s.meanLogCRPS)
            try w.endObject()
        }
        try w.key("pooled")
        try summary(r.pooled)
        try w.key("by_horizon")
        try w.beginObject()
        for h in r.byHorizon.keys.sorted() {
            try w.key("\(h)")
            try summary(r.byHorizon[h]!)
        }
        try w.endObject()
        try w.member("brier", r.brier)
        try w.member("brier_base_rate", r.reliability.uncertainty)
        try w.member("reliability", r.reliability.reliability)
        try w.member("resolution", r.reliability.resolution)
        try w.key("windows")
        try w.beginArray(inline: false)
        for x in r.windows {
            try w.beginObject()
            try w.member("origin", x.origin)
            try w.member("year", x.year)
            try w.member("truth", x.truth)
            try w.member("p05", x.p05)
            try w.member("p10", x.p10)
            try w.member("p50", x.p50)
            try w.member("p90", x.p90)
            try w.member("p95", x.p95)
            try w.member("crps_log", x.logCRPS)
            try w.member("interval_score_80_log", x.logIntervalScore80)
            try w.member("p_target_met", x.probabilityTargetMet)
            try w.member("target_met", x.targetMet)
            try w.endObject()
        }
        try w.endArray()
        try w.endObject()
        try w.flush()
    }
}
