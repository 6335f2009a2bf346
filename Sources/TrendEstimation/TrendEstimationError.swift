/// What the growth estimator cannot work with.
public enum TrendEstimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A prior value out of range (`name` is the manifest key).
    case invalidPrior(name: String, reason: String)
    /// An observation that cannot be used (non-finite value, variance ≤ 0, year outside the window).
    case invalidObservation(label: String, reason: String)
    /// Nothing fixes the level: no level observation at all.
    case noLevel
    /// The posterior could not be computed (should not happen for valid inputs).
    case numerical(String)

    public var description: String {
        switch self {
        case let .invalidPrior(name, reason): "estimation prior \(name): \(reason)"
        case let .invalidObservation(label, reason): "observation \(label): \(reason)"
        case .noLevel: "the history has no level (only growth rates): at least one year's amount is needed"
        case let .numerical(s): "growth posterior: \(s)"
        }
    }
}
