/// The uncertain inputs of a sensitivity analysis: names and uniform bounds [lower, upper]
/// (other distributions map the unit interval through their quantile function).
public struct SensitivityProblem: Sendable, Equatable {
    public var names: [String]
    public var lower: [Double]
    public var upper: [Double]

    public init(names: [String], lower: [Double], upper: [Double]) {
        self.names = names
        self.lower = lower
        self.upper = upper
    }

    public var dimensions: Int { names.count }

    /// A unit-cube point mapped onto the bounds: lower + u·(upper − lower).
    public func scale(_ u: [Double]) -> [Double] {
        (0..<dimensions).map { lower[$0] + u[$0] * (upper[$0] - lower[$0]) }
    }
}
