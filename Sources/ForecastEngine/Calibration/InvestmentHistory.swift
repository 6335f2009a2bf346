import LibC
import TrendEstimation

/// One figure of a dataset's history (a `history.csv` row, or a scenario's `actuals:` row).
public struct HistoryRecord: Sendable, Equatable {
    public var year: Int
    /// `domestic_in_place`, `foreign_in_place_q1`, `total_growth`, `domestic_growth_jan_nov`, …
    public var indicator: String
    public var value: Double
    public var status: BaseYearData.Status
    /// Where it was read (file:line), for messages and reports.
    public var origin: String

    public init(year: Int, indicator: String, value: Double, status: BaseYearData.Status, origin: String = "") {
        self.year = year
        self.indicator = indicator
        self.value = value
        self.status = status
        self.origin = origin
    }
}

/// How far each kind of figure is trusted and what a partial year or one currency says about
/// the year's total. Every value is an assumption of the dataset manifest (`estimation:`).
public struct ObservationAssumptions: Sendable, Equatable {
    /// A seasonal share: the months' part of the full year, with the sd of its log.
    public struct SeasonalShare: Sendable, Equatable {
        public var share: Double
        public var logStandardDeviation: Double
        public init(share: Double, logStandardDeviation: Double) {
            self.share = share
            self.logStandardDeviation = logStandardDeviation
        }
    }

    /// Measurement-error sd of a level (log scale) by status.
    public var levelNoise: [BaseYearData.Status: Double]
    /// Measurement-error sd of a growth rate (log scale) by status.
    public var growthNoise: [BaseYearData.Status: Double]
    /// Months from January → seasonal share of the year.
    public var seasonalShares: [Int: SeasonalShare]
    /// Months → sd of the year-on-year change of the log seasonal share (partial-year growth rates).
    public var partialGrowthLogStandardDeviation: [Int: Double]
    /// sd of the log share of one currency in the total, read from the nearest year with both.
    public var currencyShareLogStandardDeviation: Double
    /// sd of the yearly change of that log share (one currency's growth read as the total's).
    public var currencyShareChangeLogStandardDeviation: Double

    public init(
        levelNoise: [BaseYearData.Status: Double] = [.published: 0.02, .extrapolated: 0.05, .derived: 0.05, .assumed: 0.15],
        growthNoise: [BaseYearData.Status: Double] = [.published: 0.01, .extrapolated: 0.03, .derived: 0.03, .assumed: 0.10],
        seasonalShares: [Int: SeasonalShare] = [:],
        partialGrowthLogStandardDeviation: [Int: Double] = [:],
        currencyShareLogStandardDeviation: Double = 0.05,
        currencyShareChangeLogStandardDeviation: Double = 0.03
    ) {
        self.levelNoise = levelNoise
        self.growthNoise = growthNoise
        self.seasonalShares = seasonalShares
        self.partialGrowthLogStandardDeviation = partialGrowthLogStandardDeviation
        self.currencyShareLogStandardDeviation = currencyShareLogStandardDeviation
        self.currencyShareChangeLogStandardDeviation = currencyShareChangeLogStandardDeviation
    }
}

/// A history's figures as observations of x_t = ln(investment in place, 亿元) (`TrendObservation`).
///
/// Indicators: `{domestic|foreign|total}_in_place[_PERIOD]` (levels; domestic and total in 亿元,
/// foreign in 亿美元 × the year's exchange rate) and `{domestic|foreign|total}_growth[_PERIOD]`
/// (growth on the same period of the year before; foreign growth in USD, converted with the
/// change of the exchange rate). PERIOD: `q1`, `h1`, `q3`, or `jan_feb` … `jan_nov`; none = the
/// full year. Other indicators (project counts, shares, exchange rates) are not investment series.
///
/// Rules (docs/FORECAST-MODEL.md):
/// - `derived` figures are computed from other rows, so they add nothing: not used.
/// - an `extrapolated` full-year level is not used when the partial-year figure it was
///   extrapolated from (same series and year) is in the history.
/// - a partial-year level is ln(value) = x_t + ln(share) + ε with the share's uncertainty added;
///   a partial-year growth rate adds the uncertainty of the change of the share.
/// - domestic and foreign figures of the same year and period are added into one total; a figure
///   of one currency alone is read through that currency's share of the total in the nearest year
///   that has both (its uncertainty added).
public enum InvestmentHistory {
    /// A parsed indicator.
    struct Indicator: Equatable {
        enum Series: String { case domestic, foreign, total }
        var series: Series
        var isGrowth: Bool
        /// Months from January (12 = the full year).
        var months: Int
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Months from January a period suffix covers: q1 3, h1 6, q3 9, jan_feb … jan_nov 2 … 11.
    public static func months(ofPeriod period: String) -> Int? {
        switch period {
        case "q1": return 3
        case "h1": return 6
        case "q3": return 9
        default:
            if period.hasPrefix("jan_"), let i = monthNames.firstIndex(of: String(period.dropFirst(4))), i >= 1, i <= 10 {
                return i + 1
            }
            return nil
        }
    }

    /// nil for indicators that are not investment series.
    static func parse(_ indicator: String) -> Indicator? {
        for series in [Indicator.Series.domestic, .foreign, .total] {
            for (kind, isGrowth) in [("_in_place", false), ("_growth", true)] {
                let stem = series.rawValue + kind
                guard indicator.hasPrefix(stem) else { continue }
                let rest = indicator.dropFirst(stem.count)
                if rest.isEmpty { return Indicator(series: series, isGrowth: isGrowth, months: 12) }
                guard rest.hasPrefix("_") else { return nil }
                guard let months = months(ofPeriod: String(rest.dropFirst())) else { return nil }
                return Indicator(series: series, isGrowth: isGrowth, months: months)
            }
        }
        return nil
    }

    /// What the estimator made of a history: its observations and, for reports, every figure not used with why.
    public struct Result: Sendable, Equatable {
        public var observations: [TrendObservation]
        public var unused: [String]
    }

    /// - Parameter exchangeRate: CNY per USD in a year.
    /// - Throws: `ForecastError.missingData` naming the record when a partial year has no seasonal
    ///   share or a one-currency figure has no year with both currencies to take the share from.
    public static func observations(
        _ records: [HistoryRecord], exchangeRate: (Int) -> Double, assumptions a: ObservationAssumptions
    ) throws -> Result {
        struct Key: Hashable { var year: Int; var months: Int; var isGrowth: Bool }
        var unused: [String] = []
        func describe(_ r: HistoryRecord) -> String {
            "\(r.year) \(r.indicator) = \(r.value) (\(r.status.rawValue)\(r.origin.isEmpty ? "" : ", \(r.origin)"))"
        }
        var parsed: [(HistoryRecord, Indicator)] = []
        for r in records {
            guard let ind = parse(r.indicator) else { continue }
            if r.status == .derived {
                unused.append(describe(r) + ": derived from other figures, adds nothing")
                continue
            }
            parsed.append((r, ind))
        }
        // An extrapolated full-year level is dropped when its partial-year source is present.
        parsed = parsed.filter { r, ind in
            guard r.status == .extrapolated, !ind.isGrowth, ind.months == 12 else { return true }
            let hasPartial = parsed.contains { o, oi in
                o.year == r.year && oi.series == ind.series && !oi.isGrowth && oi.months < 12
            }
            if hasPartial { unused.append(describe(r) + ": extrapolated from the partial-year figure, which is used instead") }
            return !hasPartial
        }
        // Domestic share of the total by year, from years with both currencies in the same period.
        var domesticShare: [Int: Double] = [:]
        for (r, ind) in parsed where ind.series == .domestic && !ind.isGrowth {
            if let (f, _) = parsed.first(where: { $0.1.series == .foreign && !$0.1.isGrowth && $0.0.year == r.year && $0.1.months == ind.months }) {
                let foreign = f.value * exchangeRate(r.year)
                if r.value + foreign > 0 { domesticShare[r.year] = r.value / (r.value + foreign) }
            }
        }
        func share(near year: Int, for r: HistoryRecord) throws -> Double {
            guard let best = domesticShare.keys.min(by: { (abs($0 - year), -$0) < (abs($1 - year), -$1) }) else {
                throw ForecastError.missingData(
                    parameter: "history.\(r.year).\(r.indicator)",
                    reason: "a figure of one currency needs the other's share of the total: give domestic and foreign for at least one year")
            }
            return domesticShare[best]!
        }
        func seasonal(_ months: Int, _ r: HistoryRecord) throws -> ObservationAssumptions.SeasonalShare {
            if months == 12 { return .init(share: 1, logStandardDeviation: 0) }
            guard let s = a.seasonalShares[months] else {
                throw ForecastError.missingData(
                    parameter: "history.\(r.year).\(r.indicator)",
                    reason: "no seasonal share for the first \(months) months: add estimation.seasonal_shares.\(months) to the dataset manifest")
            }
            return s
        }
        func noise(_ r: HistoryRecord, growth: Bool) -> Double {
            (growth ? a.growthNoise : a.levelNoise)[r.status] ?? (growth ? 0.10 : 0.15)
        }
        var out: [TrendObservation] = []
        var groups: [Key: [(HistoryRecord, Indicator)]] = [:]
        var order: [Key] = []
        for item in parsed {
            let k = Key(year: item.0.year, months: item.1.months, isGrowth: item.1.isGrowth)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(item)
        }
        for k in order.sorted(by: { ($0.year, $0.isGrowth ? 1 : 0, $0.months) < ($1.year, $1.isGrowth ? 1 : 0, $1.months) }) {
            let items = groups[k]!
            let total = items.first { $0.1.series == .total }
            let dom = items.first { $0.1.series == .domestic }
            let fgn = items.first { $0.1.series == .foreign }
            let first = (total ?? dom ?? fgn)!.0
            let season = try seasonal(k.months, first)
            let labels = items.map { "\($0.0.indicator) (\($0.0.status.rawValue))" }.joined(separator: " + ")
            let label = "\(k.year) \(labels)"
            if !k.isGrowth {
                if let (r, _) = total {
                    let sd = noise(r, growth: false)
                    out.append(TrendObservation(
                        year: k.year, kind: .level, value: log(r.value) + log(season.share), offset: log(season.share),
                        variance: sd * sd + season.logStandardDeviation * season.logStandardDeviation, label: label))
                    continue
                }
                let fx = exchangeRate(k.year)
                let d = dom?.0.value ?? 0, f = (fgn?.0.value ?? 0) * fx
                var variance = season.logStandardDeviation * season.logStandardDeviation
                var offset = log(season.share)
                let sum = d + f
                guard sum > 0 else { unused.append("\(label): zero"); continue }
                if let dr = dom?.0, let fr = fgn?.0 {
                    let wd = d / sum, wf = f / sum
                    variance += pow(wd * noise(dr, growth: false), 2) + pow(wf * noise(fr, growth: false), 2)
                } else {
                    let r = (dom ?? fgn)!.0
                    let s = try share(near: k.year, for: r)
                    offset += log(dom != nil ? s : 1 - s)
                    variance += pow(noise(r, growth: false), 2) + pow(a.currencyShareLogStandardDeviation, 2)
                }
                out.append(TrendObservation(year: k.year, kind: .level, value: log(sum), offset: offset, variance: variance, label: label))
                continue
            }
            // Growth rates.
            let partial = k.months < 12 ? (a.partialGrowthLogStandardDeviation[k.months] ?? season.logStandardDeviation) : 0
            var variance = partial * partial
            let value: Double
            if let (r, _) = total {
                value = log(1 + r.value)
                variance += pow(noise(r, growth: true), 2)
            } else {
                let fxRatio = exchangeRate(k.year) / exchangeRate(k.year - 1)
                if let dr = dom?.0, let fr = fgn?.0 {
                    let s = try share(near: k.year - 1, for: dr)
                    let gd = 1 + dr.value, gf = (1 + fr.value) * fxRatio
                    let g = s * gd + (1 - s) * gf
                    value = log(g)
                    let wd = s * gd / g, wf = (1 - s) * gf / g
                    variance += pow(wd * noise(dr, growth: true), 2) + pow(wf * noise(fr, growth: true), 2)
                } else if let dr = dom?.0 {
                    value = log(1 + dr.value)
                    variance += pow(noise(dr, growth: true), 2) + pow(a.currencyShareChangeLogStandardDeviation, 2)
                } else {
                    let fr = fgn!.0
                    value = log((1 + fr.value) * fxRatio)
                    variance += pow(noise(fr, growth: true), 2) + pow(a.currencyShareChangeLogStandardDeviation, 2)
                }
            }
            out.append(TrendObservation(year: k.year, kind: .growth, value: value, variance: variance, label: label))
        }
        return Result(observations: out, unused: unused)
    }
}

extension InvestmentHistory {
    /// Whether `indicator` names an investment series the estimator reads (a level or growth
    /// rate of domestic, foreign or total investment in place, full year or partial).
    public static func isInvestmentIndicator(_ indicator: String) -> Bool { parse(indicator) != nil }

    /// Whether `indicator` is a growth rate (may be negative, must exceed −1) rather than a level.
    public static func isGrowthIndicator(_ indicator: String) -> Bool { parse(indicator)?.isGrowth ?? false }
}
