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
