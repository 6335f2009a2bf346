import Foundation
import Testing
import ScenarioKit

@Suite struct ParameterValidationTests {
    static let descriptor = ModuleDescriptor(
        id: "demo", version: "1.0.0", title: LocalizedText(zh: "示例", en: "Demo"),
        summary: LocalizedText("demo"),
        parameters: [
            ParameterSpec(name: "year", type: .integer, minimum: 2021, maximum: 2035, help: LocalizedText("year")),
            ParameterSpec(name: "amount", type: .number, unit: "亿元", defaultValue: .number(100), minimum: 0, help: LocalizedText("amount")),
            ParameterSpec(name: "mode", type: .text, defaultValue: .text("add"), allowedValues: ["add", "replace"], help: LocalizedText("mode")),
            ParameterSpec(name: "shares", type: .numberList, defaultValue: .numberList([0.3, 0.4, 0.3]), minimum: 0, maximum: 1, help: LocalizedText("shares")),
            ParameterSpec(name: "by_industry", type: .numberMap, defaultValue: .numberMap([:]), minimum: 0,
                          allowedValues: ["new_energy", "biomedicine"], help: LocalizedText("amounts")),
            ParameterSpec(name: "verbose", type: .boolean, defaultValue: .boolean(false), help: LocalizedText("verbose")),
            ParameterSpec(name: "ids", type: .textList, defaultValue: .textList([]), help: LocalizedText("ids")),
        ])

    func error(_ raw: RawParameter?) -> ParameterError? {
        do {
            _ = try Self.descriptor.validate(raw)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsAreFilledAndTypesConverted() throws {
        let p = try Self.descriptor.validate(["year": 2023, "shares": [0.5, 0.5], "by_industry": ["new_energy": 50], "verbose": "yes"])
        #expect(p.integer("year") == 2023)
        #expect(p.number("amount") == 100)
        #expect(p.text("mode") == "add")
        #expect(p.numberList("shares") == [0.5, 0.5])
        #expect(p.numberMap("by_industry") == ["new_energy": 50])
        #expect(p.boolean("verbose") == true)
        #expect(p.textList("ids") == [])
        #expect(Self.descriptor.schemaProblems().isEmpty)
    }

    @Test func typeBoundsAllowedAndUnknownKeys() {
        #expect(error(["year": "soon"]) == ParameterError(keyPath: "year", message: "expected a whole number, got \"soon\""))
        #expect(error(["year": 2040])?.message == "expected a whole number from 2021 to 2035, got 2040")
        #expect(error(["year": 2023, "amount": -1])?.message == "expected a number ≥ 0, got -1")
        #expect(error(["year": 2023, "shares": [0.5, 1.5]])?.keyPath == "shares[1]")
        #expect(error(["year": 2023, "shares": 0.5])?.message == "expected a list of numbers, got \"0.5\"")
        let mode = error(["year": 2023, "mode": "ad"])
        #expect(mode?.message.contains("did you mean \"add\"") == true)
        let key = error(["year": 2023, "amout": 5])
        #expect(key?.keyPath == "amout" && key?.isAboutKey == true)
        #expect(key?.message.hasPrefix("unknown parameter of module demo (did you mean \"amount\"?)") == true)
        let mapKey = error(["year": 2023, "by_industry": ["new_enrgy": 5]])
        #expect(mapKey?.keyPath == "by_industry.new_enrgy" && mapKey?.isAboutKey == true)
        #expect(error(["year": 2023, "verbose": "maybe"])?.message == "expected true or false, got \"maybe\"")
    }

    @Test func missingRequiredAndWrongShape() {
        let missing = error(nil)
        #expect(missing?.keyPath == "year")
        #expect(missing?.message.hasPrefix("missing required parameter \"year\"") == true)
        #expect(error(.list([]))?.message == "expected a mapping of parameters (name: value), got a list")
    }

    @Test func schemaProblemsAreFound() {
        let bad = ModuleDescriptor(
            id: "Bad_Id", version: "1", title: LocalizedText("b"), summary: LocalizedText("b"),
            parameters: [
                ParameterSpec(name: "x", type: .integer, defaultValue: .number(1.5), help: LocalizedText("x")),
                ParameterSpec(name: "x", type: .number, defaultValue: .number(-1), minimum: 0, help: LocalizedText("x")),
            ])
        #expect(bad.schemaProblems().count == 4)
    }

    @Test func descriptorJSONRoundTrips() throws {
        let data = try JSONEncoder().encode(Self.descriptor)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"default\":100") && text.contains("\"allowed_values\""))
        let back = try JSONDecoder().decode(ModuleDescriptor.self, from: data)
        #expect(back == Self.descriptor)
    }
}
