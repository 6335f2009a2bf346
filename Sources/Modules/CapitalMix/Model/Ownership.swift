/// The three ownership classes of a project's funding (国资 / 外资 / 民资).
public enum OwnershipClass: String, Sendable, CaseIterable, Hashable, Comparable {
    /// 国资: state-owned capital (central and local SOEs, public funds).
    case state
    /// 外资: foreign capital (实际利用外资).
    case foreign
    /// 民资: private capital.
    case `private`

    /// Position in `allCases` (state, foreign, private).
    public var index: Int {
        switch self {
        case .state: return 0
        case .foreign: return 1
        case .private: return 2
        }
    }

    /// Orders state < foreign < private (table order).
    public static func < (a: OwnershipClass, b: OwnershipClass) -> Bool { a.index < b.index }

    /// Chinese short name: 国资 / 外资 / 民资.
    public var nameZh: String {
        switch self {
        case .state: return "国资"
        case .foreign: return "外资"
        case .private: return "民资"
        }
    }
}

/// Shares of one amount by ownership class: `state + foreign + private = 1` for a valid split
/// (each in [0, 1]); unit: share (dimensionless).
public struct OwnershipShares: Sendable, Equatable {
    /// Share of state capital (国资).
    public var state: Double
    /// Share of foreign capital (外资).
    public var foreign: Double
    /// Share of private capital (民资).
    public var `private`: Double

    /// Shares as given (not checked; see `isValid(tolerance:)`).
    public init(state: Double, foreign: Double, private p: Double) {
        self.state = state
        self.foreign = foreign
        self.private = p
    }

    /// The share of `k`.
    public subscript(_ k: OwnershipClass) -> Double {
        get {
            switch k {
            case .state: return state
            case .foreign: return foreign
            case .private: return self.private
            }
        }
        set {
            switch k {
            case .state: state = newValue
            case .foreign: foreign = newValue
            case .private: self.private = newValue
            }
        }
    }

    /// `state + foreign + private`.
    public var sum: Double { state + foreign + self.private }

    /// True when every share is in [0, 1] and they sum to 1 within `tolerance`.
    public func isValid(tolerance: Double = 1e-9) -> Bool {
        OwnershipClass.allCases.allSatisfy { self[$0] >= 0 && self[$0] <= 1 } && abs(sum - 1) <= tolerance
    }

    /// `"state 0.6 + foreign 0 + private 0.4"`.
    public var summary: String {
        OwnershipClass.allCases.map { "\($0.rawValue) \(Self.format(self[$0]))" }.joined(separator: " + ")
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
