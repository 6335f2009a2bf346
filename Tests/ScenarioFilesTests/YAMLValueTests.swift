import Testing
@testable import ScenarioFiles

@Suite struct YAMLValueTests {
    let text = """
        id: demo
        plan:
          base_year: 2020
          multiplier: two
        engine:
          drawz: 100
        list: [1, 2, x]
        """

    @Test func unknownKeyNamesFileLineColumnAndSuggests() throws {
        let root = try YAMLValue.parse(text, file: "demo.yaml").mapping()
        let engine = try root.required("engine")
        let err = #expect(throws: ScenarioFileError.self) { try engine.mapping(allowedKeys: ["draws", "seed"]) }
        #expect(err?.location == SourceLocation(file: "demo.yaml", line: 6, column: 3))
        #expect(err?.keyPath == "engine.drawz")
        #expect(err?.description.hasPrefix("demo.yaml:6:3: engine.drawz: unknown key (did you mean \"draws\"?)") == true)
    }

    @Test func wrongTypeNamesTheValue() throws {
        let plan = try YAMLValue.parse(text, file: "demo.yaml").mapping().required("plan").mapping()
        #expect(try plan.required("base_year").int() == 2020)
        let err = #expect(throws: ScenarioFileError.self) { try plan.required("multiplier").double() }
        #expect(err?.description == "demo.yaml:4:15: plan.multiplier: expected a number, got \"two\"")
    }

    @Test func missingKeyAndRange() throws {
        let plan = try YAMLValue.parse(text, file: "demo.yaml").mapping().required("plan").mapping()
        let err = #expect(throws: ScenarioFileError.self) { try plan.required("target_year") }
        #expect(err?.keyPath == "plan.target_year")
        #expect(err?.location.line == 3)
        let rangeErr = #expect(throws: ScenarioFileError.self) { try plan.required("base_year").int(in: 2021...2100) }
        #expect(rangeErr?.message == "expected a whole number from 2021 to 2100, got 2020")
    }

    @Test func sequenceItemsHaveIndexedPaths() throws {
        let list = try YAMLValue.parse(text, file: "demo.yaml").mapping().required("list").sequence()
        #expect(try list[1].int() == 2)
        let err = #expect(throws: ScenarioFileError.self) { try list[2].int() }
        #expect(err?.keyPath == "list[2]")
        #expect(err?.location.line == 7)
    }

    @Test func syntaxErrorsAndEmptyFilesAreLocated() {
        let err = #expect(throws: ScenarioFileError.self) { try YAMLValue.parse("a: [1, 2\nb: 3\n", file: "bad.yaml") }
        #expect(err?.location.file == "bad.yaml")
        #expect(err?.message.hasPrefix("YAML syntax error") == true)
        let dup = #expect(throws: ScenarioFileError.self) { try YAMLValue.parse("a: 1\na: 2\n", file: "dup.yaml") }
        #expect(dup?.message.contains("duplicate") == true)
        let empty = #expect(throws: ScenarioFileError.self) { try YAMLValue.parse("", file: "empty.yaml") }
        #expect(empty?.message.contains("empty") == true)
    }
}
