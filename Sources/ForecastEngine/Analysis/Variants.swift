/// A named alternative parameter set, run against a baseline.
public struct Variant: Sendable, Equatable {
    public var name: String
    public var parameters: ForecastParameters
    public init(name: String, parameters: ForecastParameters) {
        self.name = name
        self.parameters = parameters
    }
}

/// Baseline against alternative in one year (亿元; difference = alternative − baseline).
public struct YearComparison: Sendable, Equatable {
    public let year: Int
    public let baselineMean: Double
    public let alternativeMean: Double
    public let differenceMean: Double
    public let baselineP50: Double
    public let alternativeP50: Double
    public let differenceP50: Double
    public let baselineProbabilityAtLeastTarget: Double
    public let alternativeProbabilityAtLeastTarget: Double
}

/// A variant's result beside the baseline's, year by year.
public struct VariantComparison: Sendable, Equatable {
    public let name: String
    public let baseline: ForecastResult
    public let alternative: ForecastResult
    public let years: [YearComparison]
    /// Alternative − baseline P(target met in the target year).
    public let probabilityTargetMetChange: Double
}

extension ForecastEngine {
    /// Compare two results of the same plan year by year.
    /// - Throws: `invalidValue` when the forecast years differ.
    public static func compare(name: String, baseline: ForecastResult, alternative: ForecastResult) throws -> VariantComparison {
        guard baseline.years == alternative.years else {
            throw ForecastError.invalidValue(
                parameter: "variants.\(name)", reason: "forecast years differ from the baseline's; results are not comparable")
        }
        let rows = zip(baseline.yearly, alternative.yearly).map { b, a in
            YearComparison(
                year: b.year, baselineMean: b.investmentInPlace.mean, alternativeMean: a.investmentInPlace.mean,
                differenceMean: a.investmentInPlace.mean - b.investmentInPlace.mean, baselineP50: b.investmentInPlace.p50, alternativeP50: a.investmentInPlace.p50,
                differenceP50: a.investmentInPlace.p50 - b.investmentInPlace.p50,
                baselineProbabilityAtLeastTarget: b.probabilityAtLeastTarget,
                alternativeProbabilityAtLeastTarget: a.probabilityAtLeastTarget)
        }
        return VariantComparison(
            name: name, baseline: baseline, alternative: alternative, years: rows,
            probabilityTargetMetChange: alternative.probabilityTargetMet - baseline.probabilityTargetMet)
    }

    /// Run the baseline and every variant (same seed: common random numbers) and compare each with
    /// the baseline. Variants are NOT recalibrated: pass calibrated baseline parameters and modify them.
    public static func runVariants(
        baseline: ForecastParameters, variants: [Variant], workers: Int? = nil
    ) throws -> (baseline: ForecastResult, comparisons: [VariantComparison]) {
        let base = try run(baseline, workers: workers)
        var out: [VariantComparison] = []
        for v in variants {
            out.append(try compare(name: v.name, baseline: base, alternative: try run(v.parameters, workers: workers)))
        }
        return (base, out)
    }

    /// Run one variant obtained by modifying the baseline parameters.
    public static func runVariant(
        named name: String, baseline: ForecastParameters, workers: Int? = nil,
        modify: (inout ForecastParameters) throws -> Void
    ) throws -> VariantComparison {
        var alt = baseline
        try modify(&alt)
        return try runVariants(baseline: baseline, variants: [Variant(name: name, parameters: alt)], workers: workers)
            .comparisons[0]
    }
}
