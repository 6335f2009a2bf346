import ForecastEngine
import Reports

extension ForecastBriefing {
    /// The JSON document: ONE object. Amounts in 亿元, probabilities and growth rates as fractions.
    ///
    /// Keys: `scenario` {id, title{zh,en}, dataset, provenance} (when given), `indicator`, `units`,
    /// `base_year`, `target_year`, `multiplier`, `base_year_total`, `target_amount`, `required_cagr`,
    /// `median_cagr`, `mean_cagr`, `probability_target_met`, `gap_at_median`, `gap_at_mean`, `draws`,
    /// `seed`, `years` [{year, mean, standard_error, p10, p50, p90, expected, required_path,
    /// probability_at_least_target, probability_on_required_path, actual, observations (actual years),
    /// probability_all_stage_targets_met, domestic{…}, foreign{…}}], `growth_estimate` {mean_growth,
    /// growth_p10, growth_p90, volatility, prior_growth, prior_volatility, first_year, last_year,
    /// observations} (with `trend: estimated`), `last_actual_year` and `growth_still_needed` (with actuals),
    /// `by_source`/`by_industry`/`by_carrier` [{id, name{zh,en}, values, expected}] (values per
    /// year of `years`), `stages` [{id, name, target, mean_entries, expected_entries,
    /// probability_target_met}], `effort` (when given), `variants` [{name, probability_target_met,
    /// probability_target_met_change, median_cagr, years [{year, baseline_mean, …}]}] (when given),
/// `modules` [{id, version, title, tables […]}] (when the scenario has modules; see `ModuleTables`).
    public func writeJSON(to sink: OutputSink) throws {
        var w = JSONWriter { try sink.write($0) }
        let r = result
        try w.beginObject()
        if let s = scenario { try writeScenario(&w, s) }
        try w.member("indicator", r.plan.indicator.rawValue)
        try w.key("units")
        try w.beginObject()
        try w.member("amounts", "亿元 (1e8 CNY)")
        try w.member("foreign", "实际利用外资 converted to CNY at each year's exchange rate")
        try w.member("probabilities", "fractions in [0, 1]")
        try w.member("cagr", "fractions per year")
        try w.endObject()
        try w.member("base_year", r.plan.baseYear)
        try w.member("target_year", r.plan.targetYear)
        try w.member("multiplier", r.plan.multiplier)
        try w.member("base_year_total", r.baseYearTotal)
        try w.member("target_amount", r.targetAmount)
        try w.member("required_cagr", r.requiredCAGR)
        try w.member("median_cagr", r.medianCAGR)
        try w.member("mean_cagr", r.meanCAGR)
        try w.member("probability_target_met", r.probabilityTargetMet)
        try w.member("gap_at_median", r.gapAtMedian)
        try w.member("gap_at_mean", r.gapAtMean)
        try w.member("draws", r.draws)
        try w.key("seed")
        if let seed = Int(exactly: r.seed) { try w.value(seed) } else { try w.value(String(r.seed)) }
        try writeYears(&w)
        if let g = r.growthEstimate {
            try w.key("growth_estimate")
            try w.beginObject()
            try w.member("mean_growth", g.meanGrowth)
            try w.member("growth_p10", g.growthP10)
            try w.member("growth_p90", g.growthP90)
            try w.member("volatility", g.volatility)
            try w.member("prior_growth", g.priorGrowth)
            try w.member("prior_volatility", g.priorVolatility)
            try w.member("first_year", g.firstYear)
            try w.member("last_year", g.lastYear)
            try w.member("observations", strings: g.observations)
            try w.endObject()
        }
        if let t = r.lastActualYear { try w.member("last_actual_year", t) }
        if let g = r.growthStillNeeded { try w.member("growth_still_needed", g) }
        try writeSegments(&w, "by_source", r.bySource, expected: r.expected.bySource)
        try writeSegments(&w, "by_industry", r.byIndustry, expected: r.expected.byIndustry)
        try writeSegments(&w, "by_carrier", r.byCarrier, expected: r.expected.byCarrier)
        try writeStages(&w)
        if let e = effort { try writeEffort(&w, e) }
        if !variants.isEmpty { try writeVariants(&w) }
        if !modules.isEmpty {
            try w.key("modules")
            try ModuleTables(reports: modules, language: language).writeJSON(&w)
        }
        try w.endObject()
        try w.flush()
    }

    private func writeScenario(_ w: inout JSONWriter, _ s: ForecastScenarioInfo) throws {
        try w.key("scenario")
        try w.beginObject()
        try w.member("id", s.id)
        if let t = s.title { try writeName(&w, "title", t) }
        if let d = s.dataset { try w.member("dataset", d) }
        try w.member("provenance", strings: s.provenance)
        try w.endObject()
    }

    private func writeName(_ w: inout JSONWriter, _ key: String, _ n: LocalizedText) throws {
        try w.key(key)
        try w.beginObject()
        try w.member("zh", n.zh)
        try w.member("en", n.en)
        try w.endObject()
    }

    private func writeDistribution(_ w: inout JSONWriter, _ d: Distribution) throws {
        try w.member("mean", d.mean)
        try w.member("standard_error", d.standardError)
        try w.member("p10", d.p10)
        try w.member("p50", d.p50)
        try w.member("p90", d.p90)
    }

    private func writeYears(_ w: inout JSONWriter) throws {
        try w.key("years")
        try w.beginArray(inline: false)
        for (i, y) in result.yearly.enumerated() {
            try w.beginObject()
            try w.member("year", y.year)
            try writeDistribution(&w, y.investmentInPlace)
            try w.member("expected", y.expectedInvestmentInPlace)
            try w.member("required_path", requiredPath(in: y.year))
            try w.member("probability_at_least_target", y.probabilityAtLeastTarget)
            try w.member("probability_on_required_path", y.probabilityOnRequiredPath)
            try w.member("actual", y.isActual)
            if y.isActual { try w.member("observations", strings: y.observations) }
            if i < result.probabilityAllStageTargetsMet.count {
                try w.member("probability_all_stage_targets_met", result.probabilityAllStageTargetsMet[i])
            }
            for (key, d, e) in [("domestic", y.domestic, result.expected.domestic), ("foreign", y.foreign, result.expected.foreign)] {
                try w.key(key)
                try w.beginObject()
                try writeDistribution(&w, d)
                if i < e.count { try w.member("expected", e[i]) }
                try w.endObject()
            }
            try w.endObject()
        }
        try w.endArray()
    }

    private func writeSegments(_ w: inout JSONWriter, _ key: String, _ series: [SegmentSeries], expected: [SegmentSeries]) throws {
        try w.key(key)
        try w.beginArray(inline: false)
        for s in series {
            try w.beginObject()
            try w.member("id", s.id)
            try writeName(&w, "name", s.name)
            try w.member("values", numbers: s.values)
            if let e = expected.first(where: { $0.id == s.id }) { try w.member("expected", numbers: e.values) }
            try w.endObject()
        }
        try w.endArray()
    }

    private func writeStages(_ w: inout JSONWriter) throws {
        try w.key("stages")
        try w.beginArray(inline: false)
        for s in result.stages {
            try w.beginObject()
            try w.member("id", s.id)
            try writeName(&w, "name", s.name)
            try w.member("target", s.target)
            try w.member("mean_entries", numbers: s.meanEntries)
            try w.member("expected_entries", numbers: s.expectedEntries)
            try w.member("probability_target_met", numbers: s.probabilityTargetMet)
            try w.endObject()
        }
        try w.endArray()
    }

    private func writeEffort(_ w: inout JSONWriter, _ e: EffortRequirement) throws {
        try w.key("effort")
        try w.beginObject()
        try w.member("probability", e.probability)
        try w.member("reachable", e.effortScale != nil)
        try w.key("effort_scale")
        if let s = e.effortScale { try w.value(s) } else { try w.null() }
        try w.member("achieved_probability", e.achievedProbability)
        try w.key("next_lower_effort_scale")
        if let s = e.nextLowerEffortScale { try w.value(s) } else { try w.null() }
        try w.key("probability_at_next_lower")
        if let p = e.probabilityAtNextLower { try w.value(p) } else { try w.null() }
        try w.member("step", e.step)
        try w.member("evaluations", e.evaluations)
        try w.endObject()
    }

    private func writeVariants(_ w: inout JSONWriter) throws {
        try w.key("variants")
        try w.beginArray(inline: false)
        for v in variants {
            try w.beginObject()
            try w.member("name", v.name)
            try w.member("probability_target_met", v.alternative.probabilityTargetMet)
            try w.member("probability_target_met_change", v.probabilityTargetMetChange)
            try w.member("median_cagr", v.alternative.medianCAGR)
            try w.member("gap_at_median", v.alternative.gapAtMedian)
            try w.key("years")
            try w.beginArray(inline: false)
            for y in v.years {
                try w.beginObject()
                try w.member("year", y.year)
                try w.member("baseline_mean", y.baselineMean)
                try w.member("alternative_mean", y.alternativeMean)
                try w.member("difference_mean", y.differenceMean)
                try w.member("baseline_p50", y.baselineP50)
                try w.member("alternative_p50", y.alternativeP50)
                try w.member("difference_p50", y.differenceP50)
                try w.member("baseline_probability_at_least_target", y.baselineProbabilityAtLeastTarget)
                try w.member("alternative_probability_at_least_target", y.alternativeProbabilityAtLeastTarget)
                try w.endObject()
            }
            try w.endArray()
            try w.endObject()
        }
        try w.endArray()
    }
}
