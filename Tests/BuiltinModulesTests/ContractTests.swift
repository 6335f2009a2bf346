import BuiltinModules
import ScenarioKit
import ScenarioKitTesting
import Testing

/// Every small built-in module keeps the SDK's contract; a module that breaks it is caught.
@Suite struct ContractTests {
    @Test func targetTrackerKeepsTheContract() throws {
        try ModuleHarness.verifyContract(TargetTrackerModule.self)
        try ModuleHarness.verifyContract(TargetTrackerModule.self, parameters: ["industries": ["new_energy", "新能源"]])
    }

    @Test func projectBatchKeepsTheContract() throws {
        try ModuleHarness.verifyContract(ProjectBatchModule.self, parameters: ["year": 2023, "amounts": ["new_energy": 100]])
    }

    /// A module with hidden state, a malformed table and a table id without its prefix.
    struct Broken: ScenarioModule {
        static let descriptor = ModuleDescriptor(
            id: "broken", version: "1", title: LocalizedText("broken"), summary: LocalizedText("broken"),
            parameters: [ParameterSpec(name: "factor", type: .number, defaultValue: .number(1), help: LocalizedText("f"))])
        final class Counter: @unchecked Sendable { var n = 0 }
        let counter = Counter()
        init(parameters: ModuleParameters, context: ModuleContext) {}
        func prepare(_ inputs: inout EngineInputs) throws {
            counter.n += 1
            inputs.effort[inputs.targetYear] = Double(counter.n)
        }
        func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
            results.add(ResultTable(
                id: "other.table", title: LocalizedText(zh: "", en: "t"), rowHeader: LocalizedText("row"),
                columns: [ResultColumn(LocalizedText("a")), ResultColumn(LocalizedText("b"))],
                rows: [ResultRow(LocalizedText("r"), [.number(1)])]))
        }
    }

    @Test func aBrokenModuleIsCaught() throws {
        do {
            try ModuleHarness.verifyContract(Broken.self)
            Issue.record("the broken module passed")
        } catch let v as ModuleContractViolation {
            let text = v.description
            #expect(text.contains("prepare gives different inputs when run twice"))
            #expect(text.contains("does not start with \"broken.\""))
            #expect(text.contains("has 1 cells for 2 columns"))
            #expect(text.contains("empty title in one language"))
        }
    }
}
