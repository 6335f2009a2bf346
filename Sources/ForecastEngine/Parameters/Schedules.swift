/// Share of a landed project's amount put in place in the landing year and the years after.
public struct DisbursementSchedule: Sendable, Equatable {
    /// `shares[j]`: fraction disbursed j years after landing (j = 0 is the landing year). Sum = 1.
    public var shares: [Double]
    public init(shares: [Double]) { self.shares = shares }
    /// 30 % / 40 % / 30 % over three years (default).
    public static let threeYears = DisbursementSchedule(shares: [0.3, 0.4, 0.3])

    func validate() throws {
        if shares.isEmpty {
            throw ForecastError.invalidValue(parameter: "disbursement.shares", reason: "must not be empty")
        }
        for (j, s) in shares.enumerated() { try Check.probability(s, "disbursement.shares[\(j)]") }
        let sum = shares.reduce(0, +)
        if abs(sum - 1) > 1e-9 { throw ForecastError.scheduleDoesNotSumToOne(parameter: "disbursement.shares", sum: sum) }
    }
}

/// A yearly step path: the value in year t is the value given for the latest year ≤ t, or
/// `initial` before the first given year. Used for the effort path and the exchange rate.
public struct YearPath: Sendable, Equatable {
    /// Given values by year.
    public var values: [Int: Double]
    /// Value before the first given year.
    public var initial: Double
    public init(_ values: [Int: Double] = [:], initial: Double) {
        self.values = values
        self.initial = initial
    }
    /// The value in `year` (carried forward from the latest given year ≤ `year`).
    public func value(in year: Int) -> Double {
        var bestYear = Int.min
        var value = initial
        for (y, v) in values where y <= year && y >= bestYear {
            bestYear = y
            value = v
        }
        return value
    }

    func validatePositive(_ name: String, allowZero: Bool) throws {
        try (allowZero ? Check.nonNegative : Check.positive)(initial, name + ".initial")
        for (y, v) in values.sorted(by: { $0.key < $1.key }) {
            try (allowZero ? Check.nonNegative : Check.positive)(v, "\(name).\(y)")
        }
    }
}

/// A named major project (重大招商项目攻坚): lands in `expectedYear` with `probability`, then its amount
/// follows the disbursement schedule. Not part of the calibrated pipeline and not counted in the
/// 五个一百 stage counts.
public struct MajorProject: Sendable, Equatable {
    public var name: String
    public var industry: String
    public var carrier: String
    public var source: String
    /// Amount in the source's currency: 亿元 for domestic sources, 亿美元 for foreign.
    public var amount: Double
    /// Probability that the project lands (in `expectedYear`).
    public var probability: Double
    /// Landing year (must be after the base year).
    public var expectedYear: Int

    public init(
        name: String, industry: String, carrier: String, source: String, amount: Double,
        probability: Double, expectedYear: Int
    ) {
        self.name = name
        self.industry = industry
        self.carrier = carrier
        self.source = source
        self.amount = amount
        self.probability = probability
        self.expectedYear = expectedYear
    }
}

/// The 五个一百 targets. What is counted: the number of projects with size ≥ `minimumAmount`
/// (亿元; foreign sizes converted at the base-year exchange rate) that ENTER each stage during
/// the year — for the first stage, new leads — summed over all segments. Major projects are
/// not counted.
public struct StageTargets: Sendable, Equatable {
    /// Target count per stage per year (one per pipeline stage); default 100 each.
    public var perStage: [Double]
    /// Size threshold in 亿元 for a project to be counted (and tracked through the stages).
    public var minimumAmount: Double
    public init(perStage: [Double] = [100, 100, 100, 100, 100], minimumAmount: Double = 1.0) {
        self.perStage = perStage
        self.minimumAmount = minimumAmount
    }
}
