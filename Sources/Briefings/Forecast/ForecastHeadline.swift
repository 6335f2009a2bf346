import ForecastEngine
import Reports

extension ForecastBriefing {
    /// "Doubling plan at a glance": one row per figure (item, value), with the general notes
    /// (units, indicator definition, draws and seed, dataset and provenance) underneath.
    public func headlineTable() -> Table {
        let r = result
        let T = targetYear
        let m = ForecastFormat.multiplier(r.plan.multiplier)
        var title = label("总量倍增计划一览", "Doubling plan at a glance")
        if let s = scenario { title += label("：", ": ") + (s.title.map(name) ?? s.id) }
        var table = Table(
            title: title,
            columns: [.init(label("指标", "item")), .init(label("数值", "value"), alignment: .right)])
        let target = r.forecast(for: T)?.investmentInPlace
        table.append([label("基年", "Base year"), "\(baseYear)"])
        table.append([label("基年招商引资到位额（亿元）", "Base-year investment in place (亿元)"), ForecastFormat.amount(r.baseYearTotal)])
        table.append([label("目标年", "Target year"), "\(T)"])
        table.append([
            label("目标值（亿元，基年 × \(m)）", "Target (亿元, base year × \(m))"), ForecastFormat.amount(r.targetAmount),
        ])
        table.append([label("需要的年均增速", "Required CAGR"), ForecastFormat.cagr(r.requiredCAGR)])
        table.append([label("预测年均增速（中位数）", "Forecast CAGR (median)"), ForecastFormat.cagr(r.medianCAGR)])
        table.append([label("预测年均增速（均值）", "Forecast CAGR (mean)"), ForecastFormat.cagr(r.meanCAGR)])
        if let target {
            table.append([label("\(T)年预测中位数 P50（亿元）", "\(T) forecast median P50 (亿元)"), ForecastFormat.amount(target.p50)])
            table.append([label("\(T)年预测均值（亿元）", "\(T) forecast mean (亿元)"), ForecastFormat.amount(target.mean)])
            table.append([
                label("\(T)年预测区间 P10–P90（亿元）", "\(T) forecast range P10–P90 (亿元)"),
                ForecastFormat.amount(target.p10) + " – " + ForecastFormat.amount(target.p90),
            ])
        }
        table.append([label("\(T)年达标概率", "P(target met in \(T))"), ForecastFormat.percent(r.probabilityTargetMet)])
        table.append([
            label("按中位数的缺口（亿元，正数为差距）", "Gap at median (亿元, + = shortfall)"),
            ForecastFormat.signedAmount(r.gapAtMedian),
        ])
        table.append([
            label("按均值的缺口（亿元，正数为差距）", "Gap at mean (亿元, + = shortfall)"),
            ForecastFormat.signedAmount(r.gapAtMean),
        ])
        if !r.stages.isEmpty, let allMet = r.probabilityAllStageTargetsMet.last {
            table.append([
                label("\(T)年五个一百全部达标概率", "P(all 五个一百 targets met in \(T))"), ForecastFormat.percent(allMet),
            ])
        }
        if let e = effort { table.append(effortRow(e)) }
        table.notes = generalNotes()
        return table
    }

    /// The effort row: the smallest effort multiplier on the searched grid with P(target met) ≥ q.
    private func effortRow(_ e: EffortRequirement) -> [String] {
        let q = ForecastFormat.percent(e.probability)
        let item = label("达标概率 ≥ \(q) 所需招商力度", "Effort needed for P ≥ \(q)")
        guard let scale = e.effortScale else {
            return [item, label("搜索范围内无法达到", "not reachable in the searched range")]
        }
        let achieved = ForecastFormat.percent(e.achievedProbability)
        return [item, ForecastFormat.effortScale(scale, step: e.step) + label("（达标概率 \(achieved)）", " (P = \(achieved))")]
    }

    /// Units, the indicator's definition, Monte Carlo settings, scenario/dataset and provenance.
    public func generalNotes() -> [String] {
        let r = result
        let m = ForecastFormat.multiplier(r.plan.multiplier)
        let maxSE = r.yearly.map(\.investmentInPlace.standardError).max() ?? 0
        var notes = [
            label(
                "单位：亿元（1 亿元 = 10⁸ 元人民币）；实际利用外资按各年汇率折算为人民币。",
                "Units: 亿元 (1 亿元 = 10⁸ CNY); foreign investment converted to CNY at each year's exchange rate."),
            label(
                "招商引资到位额 = 实际利用内资 + 实际利用外资 × 汇率；倍增目标：\(targetYear)年到位额 ≥ \(m) × \(baseYear)年到位额；需要的年均增速 g* = \(m)^(1/\(r.plan.horizon)) − 1；缺口 = 目标值 − 预测值。",
                "Investment in place (招商引资到位额) = domestic (实际利用内资) + foreign (实际利用外资) × exchange rate; target: the \(targetYear) total ≥ \(m) × the \(baseYear) total; required CAGR g* = \(m)^(1/\(r.plan.horizon)) − 1; gap = target − forecast."),
            label(
                "蒙特卡洛模拟 \(NumberFormatting.grouped(Double(r.draws), decimals: 0)) 次，随机种子 \(r.seed)；P10/P50/P90 为分位数，P50 即中位数；均值的标准误不超过 \(ForecastFormat.amount(maxSE)) 亿元；“解析期望”为闭式期望值。",
                "Monte Carlo with \(NumberFormatting.grouped(Double(r.draws), decimals: 0)) draws, seed \(r.seed); P10/P50/P90 are quantiles (P50 = median); standard error of the means ≤ \(ForecastFormat.amount(maxSE)) 亿元; \"expected\" is the closed-form expectation."),
        ]
        if let g = growthEstimateNote() { notes.append(g) }
        if let s = scenario {
            var line = label("方案：", "Scenario: ") + s.id
            if let d = s.dataset { line += label("；数据集：", "; dataset: ") + d }
            notes.append(line)
            for p in s.provenance { notes.append(label("数据说明：", "Data note: ") + p) }
        }
        if let e = effort {
            if e.effortScale == nil {
                let p = ForecastFormat.percent(e.achievedProbability)
                notes.append(label(
                    "所需招商力度：搜索的最大力度下达标概率也只有 \(p)。",
                    "Effort needed: even the largest effort searched gives P(target met) = \(p)."))
            }
            notes.append(label(
                "招商力度 = 预测年份新增线索数的倍数（1.00× 为本方案）；在步长 \(ForecastFormat.multiplier(e.step)) 的网格上取达标概率不低于 \(ForecastFormat.percent(e.probability)) 的最小值，各次试算使用相同随机数。",
                "Effort = multiplier on new leads in the forecast years (1.00× = this scenario); the smallest value on a grid of step \(ForecastFormat.multiplier(e.step)) whose estimated P(target met) ≥ \(ForecastFormat.percent(e.probability)), every trial with the same random numbers."))
        }
        return notes
    }
}
