import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import BeijingTransfer

/// The beijing-transfer module keeps the SDK's contract (defaults and more work teams).
@Test func beijingTransferKeepsTheContract() throws {
    try ModuleHarness.verifyContract(BeijingTransferModule.self)
    try ModuleHarness.verifyContract(BeijingTransferModule.self, parameters: ["work_teams": 18])
}
