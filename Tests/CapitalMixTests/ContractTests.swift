import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import CapitalMix

/// The capital-mix module keeps the SDK's contract (defaults and a target mix).
@Test func capitalMixKeepsTheContract() throws {
    try ModuleHarness.verifyContract(CapitalMixModule.self)
    try ModuleHarness.verifyContract(CapitalMixModule.self, parameters: ["fund_per_year_yi": 30, "leverage": 4])
}
