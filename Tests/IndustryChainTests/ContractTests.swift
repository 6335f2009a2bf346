import Foundation
import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import IndustryChain

/// The industry-chain module keeps the SDK's contract on the Miller & Blair table, and shares its
/// table and factored technology through `ModuleContext.shared`.
@Suite struct ContractTests {
    @Test func keepsTheContract() throws {
        let (dataset, io) = try TestSupport.millerBlair()
        let context = TestSupport.context(dataset: dataset, io: io, industries: TestSupport.millerBlairIndustries)
        try ModuleHarness.verifyContract(IndustryChainModule.self, context: context)
        try ModuleHarness.verifyContract(
            IndustryChainModule.self, parameters: ["projects": ["alpha": 100], "households": "VA001:TC"], context: context)
    }

    @Test func buildsShareTheTableAndItsFactors() throws {
        let (dataset, io) = try TestSupport.millerBlair()
        let shared = SharedResources()
        let plain = TestSupport.context(dataset: dataset, io: io, industries: TestSupport.millerBlairIndustries)
        let context = ModuleContext(
            scenarioID: plain.scenarioID, baseYear: plain.baseYear, targetYear: plain.targetYear,
            datasetFolder: plain.datasetFolder, ioTableFolder: plain.ioTableFolder, industries: plain.industries,
            carriers: plain.carriers, sources: plain.sources, shared: shared)
        let a = try ModuleHarness.make(IndustryChainModule.self, parameters: ["projects": ["alpha": 100]], context: context)
        #expect(shared.count == 2)  // the table and its technology
        let b = try ModuleHarness.make(IndustryChainModule.self, parameters: ["projects": ["beta": 50]], context: context)
        #expect(shared.count == 2)  // other parameters, same table and technology settings
        _ = try ModuleHarness.make(IndustryChainModule.self, parameters: ["households": "VA001:TC"], context: context)
        #expect(shared.count == 3)  // Type II: another technology on the same table
        // Shared or not, the numbers are the same.
        let unshared = try ModuleHarness.make(IndustryChainModule.self, parameters: ["projects": ["alpha": 100]], context: plain)
        let outputs = TestSupport.outputs(years: [2021, 2022], amounts: ["alpha": [[10], [20]], "beta": [[5], [6]]])
        var r1 = ResultSet(), r2 = ResultSet(), r3 = ResultSet()
        try a.analyze(outputs, into: &r1)
        try unshared.analyze(outputs, into: &r2)
        try b.analyze(outputs, into: &r3)
        #expect(r1 == r2)
        #expect(r1 != r3)
    }
}
