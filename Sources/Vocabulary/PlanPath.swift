import LibC

/// The arithmetic of a total-doubling plan (总量倍增计划), in one place: the engine, the modules
/// (through ScenarioKit's `EngineOutputs.plan`) and the briefings all use it.
///
/// With base year B, target year T, multiplier m and base-year total X_B (亿元):
/// - target X* = m · X_B;
/// - required compound annual growth rate g* = m^(1/(T−B)) − 1;
/// - required path (constant growth to the target) R(t) = X_B · m^((t−B)/(T−B)), so R(B) = X_B
///   and R(T) = X*;
/// - growth still needed from an amount X_t reached in year t < T: (X*/X_t)^(1/(T−t)) − 1.
public struct PlanPath: Sendable, Equatable, Hashable, Codable {
    /// Base year B: the last observed year, whose total X_B anchors the plan (forecast years B+1 … T).
    public var baseYear: Int
    /// Target year T, in which the total should reach X* = m · X_B.
    public var targetYear: Int
    /// Multiplier m of the plan (2.0 = doubling).
    public var multiplier: Double
    /// X_B, 亿元.
    public var baseYearTotal: Double

    /// The plan B → T with multiplier m and base-year total X_B (亿元).
    public init(baseYear: Int, targetYear: Int, multiplier: Double, baseYearTotal: Double) {
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.multiplier = multiplier
        self.baseYearTotal = baseYearTotal
    }

    /// T − B.
    public var horizon: Int { targetYear - baseYear }

    /// X* = m · X_B (亿元).
    public var targetAmount: Double { multiplier * baseYearTotal }

    /// g* = m^(1/(T−B)) − 1 (0.148698 for doubling over five years); NaN when T ≤ B.
    public var requiredGrowthRate: Double { Self.requiredGrowthRate(multiplier: multiplier, years: horizon) }

    /// R(t) = X_B · m^((t−B)/(T−B)) (亿元): the amount on the constant-growth path in `year`;
    /// the target amount when T ≤ B.
    public func requiredAmount(in year: Int) -> Double {
        let h = Double(horizon)
        guard h > 0 else { return targetAmount }
        return baseYearTotal * Self.power(multiplier, Double(year - baseYear) / h)
    }

    /// (X*/X_t)^(1/(T−t)) − 1: the yearly growth still needed from `amount` reached in `year`
    /// (NaN when `year` ≥ T or `amount` ≤ 0).
    public func remainingGrowthRate(from amount: Double, in year: Int) -> Double {
        let years = targetYear - year
        guard years > 0, amount > 0 else { return .nan }
        return Self.power(targetAmount / amount, 1 / Double(years)) - 1
    }

    /// g = m^(1/years) − 1.
    public static func requiredGrowthRate(multiplier: Double, years: Int) -> Double {
        guard years > 0 else { return .nan }
        return power(multiplier, 1 / Double(years)) - 1
    }

    /// Compound annual growth rate from `start` to `end` over `years` years: (end/start)^(1/years) − 1
    /// (NaN when start ≤ 0 or years ≤ 0; a negative end counts as 0).
    public static func compoundGrowthRate(from start: Double, to end: Double, years: Int) -> Double {
        guard start > 0, years > 0 else { return .nan }
        return power(Swift.max(end, 0) / start, 1 / Double(years)) - 1
    }

    static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
}
