import ScenarioKit
import ScenarioKitTesting
@testable import BeijingTransfer

enum TestSupport {
    /// The module built the way a scenario builds it (schema validation, defaults, init), in
    /// the default test context (plan 2020 → 2025, the default catalogues).
    static func module(_ parameters: RawParameter? = nil, context: ModuleContext = .testing()) throws -> BeijingTransferModule {
        try ModuleHarness.make(BeijingTransferModule.self, parameters: parameters, context: context)
    }

    static func tier(_ m: BeijingTransferModule, _ id: String) -> TierForecast? {
        m.tiers.first { $0.settings.id == id }
    }

    /// |a − b| ≤ tol·max(1, |b|).
    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool {
        abs(a - b) <= tol * max(1, abs(b))
    }

    static func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tol) }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator for the Monte Carlo
/// cross-checks, independent of the module and of ForecastEngine.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
