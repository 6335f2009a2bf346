import ScenarioKit

/// A guidance-fund category (one of the "21 大类", or one industry by default) with everything the
/// allocation and the tables need.
struct FundCategory: Sendable, Equatable {
    var id: String
    var name: LocalizedText
    /// Relative weight of the desired allocation (≥ 0).
    var priority: Double
    /// `k`: 亿元 of social capital per 亿元 of fund money.
    var leverage: Double
    /// The support rate `s` when the leverage was given as one (`k = (1 − s)/s`), else nil.
    var supportRate: Double?
    /// Ownership of the social capital the category attracts.
    var ownership: OwnershipShares
    /// Minimum fund money over the horizon (亿元).
    var minimum: Double
    var nonNegative: Bool

    /// The pure allocation's view of it.
    var allocationInput: AllocationCategory {
        AllocationCategory(id: id, priority: priority, leverage: leverage, ownership: ownership, minimum: minimum, nonNegative: nonNegative)
    }

    /// `k = (1 − s)/s` for a support rate `s ∈ (0, 1]`.
    static func leverage(supportRate s: Double) -> Double { (1 - s) / s }
}
