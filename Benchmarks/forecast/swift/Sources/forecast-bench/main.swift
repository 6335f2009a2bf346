// forecast-bench: runs ForecastEngine.run on the benchmark scenario and prints JSON.
//
//   forecast-bench --draws N --years Y --workers W [--seed S] [--repeat R] [--params-out FILE]
//
// The scenario is the engine's default parameters calibrated to the 2020 base year (domestic
// 1184.4 亿元, foreign 39.0 亿美元 at 6.8976, Beijing share 0.35; growth estimated, `trend: estimated`),
// with the plan 2020 → 2020+Y,
// Pareto tail exponent 3 for every source, an effort path 1.1/1.2/1.3 in 2021–2023 and two major
// projects — the inputs of the engine's own speed report (Benchmarks/support/speed-report.sh).
// --params-out writes everything numpy_engine.py needs (the calibrated parameters, evaluated per year)
// plus the engine's closed-form expected path, so that both sides run the same inputs.
// Timing: wall clock of ForecastEngine.run (prepare + draws + per-year statistics), best of R runs.
import Dispatch
import ForecastEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Write to standard error (fd 2; the C `stderr` global is not concurrency-safe in Swift 6).
func printError(_ text: String) {
    var t = text
    t.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    printError("forecast-bench: \(message)\n")
    exit(2)
}

var draws = 100_000, years = 10, workers = 1, repeats = 1
var seed: UInt64 = 1
var paramsOut: String?
var showProgress = false
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    func value() -> String {
        guard !args.isEmpty else { fail("\(a) needs a value") }
        return args.removeFirst()
    }
    func int() -> Int {
        guard let v = Int(value()), v >= 0 else { fail("\(a) needs a non-negative integer") }
        return v
    }
    switch a {
    case "--draws": draws = int()
    case "--years": years = int()
    case "--workers": workers = int()
    case "--seed": seed = UInt64(int())
    case "--repeat": repeats = Swift.max(1, int())
    case "--params-out": paramsOut = value()
    case "--progress": showProgress = true
    case "-h", "--help":
        print("forecast-bench --draws N --years Y --workers W [--seed S] [--repeat R] [--params-out FILE] [--progress]")
        exit(0)
    default: fail("unknown argument \(a)")
    }
}

// --- the scenario ---------------------------------------------------------------------------------
// The catalogues of numpy_engine.py (the twin's inputs; not the Binhai dataset's defaults).
let industries: [Industry] = [
    Industry(id: "intelligent_tech", name: .init(zh: "智能科技", en: "Intelligent technology"), leadShare: 0.06),
    Industry(id: "biomedicine", name: .init(zh: "生物医药", en: "Biomedicine"), leadShare: 0.03),
    Industry(id: "new_energy", name: .init(zh: "新能源", en: "New energy"), leadShare: 0.03),
    Industry(id: "new_materials", name: .init(zh: "新材料", en: "New materials"), leadShare: 0.03),
    Industry(id: "equipment", name: .init(zh: "装备制造", en: "Equipment manufacturing"), leadShare: 0.045),
    Industry(id: "petrochemicals", name: .init(zh: "石油化工", en: "Petrochemicals"), leadShare: 0.03),
    Industry(id: "automotive", name: .init(zh: "汽车", en: "Automotive"), leadShare: 0.02),
    Industry(id: "aerospace", name: .init(zh: "航空航天", en: "Aerospace"), leadShare: 0.005),
    Industry(id: "other", name: .init(zh: "其他", en: "Other"), leadShare: 0.74),
]
let carriers: [Carrier] = [
    Carrier(id: "development_zones", name: .init(zh: "开发区", en: "Development zones"), kind: .developmentZone, leadShare: 0.70),
    Carrier(id: "streets_towns", name: .init(zh: "街镇", en: "Streets and towns"), kind: .streetTown, leadShare: 0.15),
    Carrier(id: "xinchuang_valley", name: .init(zh: "中国信创谷", en: "China Xinchuang Valley"), kind: .themedPark, leadShare: 0.03),
    Carrier(id: "biomanufacturing_valley", name: .init(zh: "生物制造谷", en: "Biomanufacturing Valley"), kind: .themedPark, leadShare: 0.03),
    Carrier(id: "cell_valley", name: .init(zh: "特色细胞谷", en: "Cell Valley"), kind: .themedPark, leadShare: 0.03),
    Carrier(id: "northern_sound_valley", name: .init(zh: "北方声谷", en: "Northern Sound Valley"), kind: .themedPark, leadShare: 0.03),
    Carrier(id: "supercomputing_center", name: .init(zh: "国家超算中心", en: "National Supercomputing Center"), kind: .themedPark, leadShare: 0.03),
]
var p = ForecastParameters(industries: industries, carriers: carriers)
for i in p.sources.indices { p.sources[i].projectSize.tailExponent = 3 }
p.draws = draws
p.seed = seed
p.plan = DoublingPlan(baseYear: 2020, targetYear: 2020 + years)
p.majorProjects = [
    MajorProject(
        name: "某新能源电池基地", industry: "new_energy", carrier: "development_zones", source: "other_domestic",
        amount: 120, probability: 0.7, expectedYear: 2023),
    MajorProject(
        name: "外资航空项目", industry: "aerospace", carrier: "development_zones", source: "foreign",
        amount: 8, probability: 0.4, expectedYear: 2022),
]
p.effort = YearPath([2021: 1.1, 2022: 1.2, 2023: 1.3], initial: 1)
let base2020 = BaseYearData.Observation(
    year: 2020, domestic: 1184.4, foreign: 39.0, exchangeRate: 6.8976, beijingShareOfDomestic: 0.35,
    status: .extrapolated)
// The growth process is estimated (`trend: estimated`, the default of every shipped scenario since
// the honest-forecast issue): the base year's full-year figures (extrapolated) and the published
// full-year 2020 growth rates of domestic (+24 %) and foreign (+3.1 %) capital, read as
// observations of ln(total) by the engine's own rules (`InvestmentHistory`), under the default
// `TrendPrior` (μ ~ N(0.05, 0.10²), ln σ ~ N(ln 0.15, 0.6²) on [0.01, 1], 96 grid points).
let records = [
    HistoryRecord(year: 2020, indicator: "domestic_in_place", value: 1184.4, status: .extrapolated),
    HistoryRecord(year: 2020, indicator: "foreign_in_place", value: 39.0, status: .extrapolated),
    HistoryRecord(year: 2020, indicator: "domestic_growth", value: 0.24, status: .published),
    HistoryRecord(year: 2020, indicator: "foreign_growth", value: 0.031, status: .published),
]
let growthObservations: [TrendObservation]
do {
    growthObservations = try InvestmentHistory.observations(
        records, exchangeRate: { $0 == 2019 ? 6.8985 : 6.8976 }, assumptions: ObservationAssumptions()
    ).observations
    p = try Calibration.calibrate(
        p, to: BaseYearData(observations: [base2020], growthObservations: growthObservations),
        trend: .estimated
    ).parameters
} catch {
    fail("calibration: \(error)")
}

// --- JSON helpers -----------------------------------------------------------------------------------
func num(_ x: Double) -> String {
    if x.isNaN || x.isInfinite { return "null" }
    return "\(x)"
}
func arr(_ xs: [Double]) -> String { "[" + xs.map(num).joined(separator: ", ") + "]" }
func str(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}

// --- parameters for numpy ------------------------------------------------------------------------------
if let path = paramsOut {
    let expected: ExpectedPath
    do { expected = try ForecastEngine.expectedPath(p) } catch { fail("expected path: \(error)") }
    let B = p.plan.baseYear
    let forecastYears = p.plan.forecastYears
    let sources = p.sources.map { s -> String in
        let d = s.projectSize
        return """
                {"id": \(str(s.id)), "foreign": \(s.role.isForeign), "lead_arrival_rate": \(num(s.leadArrivalRate)), \
            "trend_growth": \(num(s.trendGrowth)), "lead_rate_multiplier": \(num(s.leadRateMultiplier)), \
            "body_log_mean": \(num(d.bodyLogMean)), "body_log_sd": \(num(d.bodyLogStandardDeviation)), \
            "tail_weight": \(num(d.tailWeight)), "tail_minimum": \(num(d.tailMinimum)), "tail_exponent": \(num(d.tailExponent))}
            """
    }
    let majors = p.majorProjects.map { m -> String in
        "    {\"source\": \(p.sourceIndex(m.source) ?? 0), \"amount\": \(num(m.amount)), "
            + "\"probability\": \(num(m.probability)), \"year\": \(m.expectedYear)}"
    }
    guard case let .estimated(g) = p.growth else { fail("the calibration did not estimate the growth") }
    let post = g.posterior
    let observationsJSON = post.observations.map { o in
        "{\"year\": \(o.year), \"kind\": \(str(o.kind.rawValue)), \"value\": \(num(o.value)), "
            + "\"offset\": \(num(o.offset)), \"variance\": \(num(o.variance)), \"label\": \(str(o.label))}"
    }
    let pr = post.prior
    let growthJSON = """
        {"observations": [\(observationsJSON.joined(separator: ", "))],
           "prior": {"drift_mean": \(num(pr.driftMean)), "drift_sd": \(num(pr.driftStandardDeviation)), \
        "volatility_median": \(num(pr.volatilityMedian)), "volatility_log_sd": \(num(pr.volatilityLogStandardDeviation)), \
        "volatility_min": \(num(pr.volatilityRange.lowerBound)), "volatility_max": \(num(pr.volatilityRange.upperBound)), \
        "grid_points": \(pr.gridPoints), "initial_level_sd": \(num(pr.initialLevelStandardDeviation))},
           "start_year": \(post.startYear), "reference_level": \(num(g.referenceLevel)), "reference_growth": \(num(g.referenceGrowth)),
           "arrival_log_clamp": \(num(EstimatedGrowth.arrivalLogClamp)),
           "check": {"weights": \(arr(post.weights)), "block_mean": [\(post.blockMean.map(arr).joined(separator: ", "))]}}
        """
    let json = """
        {
          "comment": "Calibrated ForecastParameters written by forecast-bench; the model is ForecastEngine.docc/Model.md",
          "base_year": \(B), "target_year": \(p.plan.targetYear), "multiplier": \(num(p.plan.multiplier)),
          "seed": \(p.seed),
          "advance": \(arr(p.pipeline.transitions.map(\.advance))),
          "drop_out": \(arr(p.pipeline.transitions.map(\.dropOut))),
          "landing_stage": \(p.pipeline.landingStage),
          "schedule": \(arr(p.disbursement.shares)),
          "effort": \(arr(forecastYears.map { p.effort.value(in: $0) })),
          "effort_scale": \(num(p.effortScale)),
          "exchange_rate_base": \(num(p.exchangeRate.value(in: B))),
          "exchange_rate": \(arr(forecastYears.map { p.exchangeRate.value(in: $0) })),
          "arrival_volatility": \(num(p.arrivalVolatility)),
          "minimum_amount": \(num(p.targets.minimumAmount)),
          "individual_size_threshold": \(num(p.individualSizeThreshold)),
          "stage_targets": \(arr(p.targets.perStage)),
          "growth": \(growthJSON),
          "sources": [
        \(sources.joined(separator: ",\n"))
          ],
          "majors": [
        \(majors.joined(separator: ",\n"))
          ],
          "check": {"base_year_total": \(num(expected.baseYearTotal)), "expected": \(arr(expected.investmentInPlace))}
        }

        """
    guard let f = fopen(path, "w") else { fail("cannot write \(path)") }
    fputs(json, f)
    fclose(f)
}

// --- run ---------------------------------------------------------------------------------------------
var times: [Double] = []
var result: ForecastResult?
for _ in 0..<repeats {
    var progress: ForecastEngine.Progress?
    if showProgress { progress = { done, total in printError("\rchunks \(done)/\(total)") } }
    let t0 = DispatchTime.now().uptimeNanoseconds
    do {
        result = try ForecastEngine.run(p, workers: workers, progress: progress)
    } catch {
        fail("run: \(error)")
    }
    let t1 = DispatchTime.now().uptimeNanoseconds
    if showProgress { printError("\n") }
    times.append(Double(t1 - t0) / 1e9)
}
let r = result!
let rows = r.yearly.map(\.investmentInPlace)
print("""
    {"engine": "swift", "draws": \(draws), "workers": \(workers), "seed": \(seed), \
    "seconds": \(num(times.min()!)), "all_seconds": \(arr(times)),
     "years": [\(r.years.map(String.init).joined(separator: ", "))],
     "base_year_total": \(num(r.baseYearTotal)), "probability_target_met": \(num(r.probabilityTargetMet)),
     "mean": \(arr(rows.map(\.mean))),
     "se": \(arr(rows.map(\.standardError))),
     "p10": \(arr(rows.map(\.p10))),
     "p50": \(arr(rows.map(\.p50))),
     "p90": \(arr(rows.map(\.p90))),
     "expected": \(arr(r.yearly.map(\.expectedInvestmentInPlace)))}
    """)
