import Testing
import Yams
@testable import ScenarioFiles

@Suite struct ParameterOverrideTests {
    let text = """
        engine:
          draws: 1000
          sources:
            foreign: {lead_rate: 0.8}
          major_projects:
            - {name: 电池基地, amount_yi: 120, probability: 0.7}
            - {name: 航空部件, amount_yi: 40, probability: 0.5}
        """

    func apply(_ set: String) throws -> YAMLMapping {
        let root = try YAMLValue.parse(text, file: "s.yaml")
        let node = try ParameterOverride.parse(commandLine: set).apply(to: root.node)
        return try YAMLValue(node: node, keyPath: "", file: "s.yaml").mapping().required("engine").mapping()
    }

    @Test func replacesAndMultiplies() throws {
        #expect(try apply("engine.draws=5000").required("draws").int() == 5000)
        let foreign = try apply("engine.sources.foreign.lead_rate=x0.5").required("sources").mapping()
            .required("foreign").mapping()
        #expect(try foreign.required("lead_rate").double() == 0.4)
    }

    @Test func addressesListItemsByIndexAndName() throws {
        let byName = try apply("engine.major_projects.航空部件.probability=0").required("major_projects").sequence()
        #expect(try byName[1].mapping().required("probability").double() == 0)
        #expect(try byName[0].mapping().required("probability").double() == 0.7)
        let byIndex = try apply("engine.major_projects[0].amount_yi=x2").required("major_projects").sequence()
        #expect(try byIndex[0].mapping().required("amount_yi").double() == 240)
    }

    @Test func absentKeysAreCreatedAndKeepTheFactor() throws {
        let m = try apply("engine.sources.beijing.lead_rate=x1.5").required("sources").mapping()
            .required("beijing").mapping()
        #expect(try m.required("lead_rate").string() == "x1.5")
        #expect(ParameterOverride.factor(of: Node("x1.5")) == 1.5)
    }

    @Test func badPathsAreErrors() throws {
        #expect(throws: ScenarioFileError.self) { try apply("engine.draws.more=1") }
        #expect(throws: ScenarioFileError.self) { try apply("engine.major_projects.不存在.probability=0") }
        #expect(throws: ScenarioFileError.self) { try apply("engine.major_projects[5].probability=0") }
        #expect(throws: ScenarioFileError.self) { try ParameterOverride.parse(commandLine: "no-equals") }
    }
}
