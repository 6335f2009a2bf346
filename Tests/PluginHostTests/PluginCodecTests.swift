import BuiltinModules
import Foundation
import ScenarioKit
import ScenarioKitPlugin
import ScenarioKitTesting
import Testing

/// The JSON that crosses the plugin boundary: every value equal after encode and decode.
@Suite struct PluginCodecTests {
    @Test func descriptorsRoundTrip() throws {
        for d in ModuleCatalogue.builtin.descriptors + [Doubler.descriptor] {
            #expect(try PluginCodec.descriptor(json: PluginCodec.descriptorJSON(d)) == d, "\(d.id)")
        }
    }

    @Test func parametersAreTypedWithTheDescriptor() throws {
        let d = Doubler.descriptor
        // 2.0 travels as `2` and comes back a number, not an integer.
        let p = ModuleParameters(values: ["factor": .number(2), "label": .text("x"), "shares": .numberMap(["a": 1, "b": 0.5])])
        #expect(try PluginCodec.parameters(json: PluginCodec.parametersJSON(p), descriptor: d) == p)
        #expect(throws: PluginCodecError.self) { try PluginCodec.parameters(json: #"{"nope": 1}"#, descriptor: d) }
    }

    @Test func contextAndInputsRoundTrip() throws {
        let folder = URL(fileURLWithPath: "/tmp/some data/io", isDirectory: true)
        let c = ModuleContext.testing(scenarioID: "s", datasetFolder: folder, ioTableFolder: nil)
        let back = try PluginCodec.context(json: PluginCodec.contextJSON(c))
        #expect(back.scenarioID == "s" && back.baseYear == 2020 && back.targetYear == 2025)
        #expect(back.datasetFolder?.path == folder.path && back.ioTableFolder == nil)
        #expect(back.industries == c.industries && back.carriers == c.carriers && back.sources == c.sources)
        var inputs = EngineInputs.testing(c)
        inputs.effort[2023] = 1.25
        inputs.majorProjects = [
            MajorProjectInput(
                name: "电池基地", industry: "new_energy", carrier: "development_zones", source: "beijing", amount: 120.5,
                probability: 0.7, year: 2023)
        ]
        #expect(try PluginCodec.inputs(json: PluginCodec.inputsJSON(inputs)) == inputs)
    }

    /// The context's pipeline and major projects cross (optional keys of version 1): a context
    /// with them comes back equal, one from an older host (no such keys) decodes with none.
    @Test func contextPipelineAndMajorProjectsRoundTrip() throws {
        let pipeline = PipelineOutline(
            stages: [
                .init(id: "lead", name: LocalizedText(zh: "储备", en: "lead"), advance: 0.35, dropOut: 0.35),
                .init(id: "landed", name: LocalizedText(zh: "落地", en: "landed"), advance: 0, dropOut: 0),
            ], landingStage: 1, disbursement: [0.3, 0.4, 0.3])
        let major = MajorProjectInput(
            name: "电池基地", industry: "new_energy", carrier: "development_zones", source: "beijing", amount: 120.5,
            probability: 0.7, year: 2023)
        let c = ModuleContext.testing(scenarioID: "s", pipeline: pipeline, majorProjects: [major])
        let json = try PluginCodec.contextJSON(c)
        #expect(json.contains("\"drop_out\"") && json.contains("\"landing_stage\"") && json.contains("\"major_projects\""))
        #expect(try PluginCodec.context(json: json) == c)
        let older = #"{"scenario_id": "s", "base_year": 2020, "target_year": 2025, "industries": [], "carriers": [], "sources": []}"#
        let back = try PluginCodec.context(json: older)
        #expect(back.pipeline == nil && back.majorProjects.isEmpty)
    }

    @Test func outputsRoundTripThroughTheRawBuffer() throws {
        let o = EngineOutputs.synthetic(
            years: [2021, 2022, 2023], draws: nil,
            byIndustry: ["b": [[1, 2], [3, 4], [5, 6]], "a": [[0.5, 0.25], [1e-300, -0], [7, 8]]],
            bySource: ["domestic": [[9, 10], [11, 12], [13, 14]]], baseYearTotal: 1453.5)
        let (json, values) = try PluginCodec.outputsPayload(o)
        // One buffer: total, then industries and sources sorted by id; the JSON holds offsets only.
        #expect(values.count == 4 * 6)
        #expect(Array(values[6..<12]) == o.byIndustry["a"]?.values)
        #expect(!json.contains("1e-300"))
        let back = try values.withUnsafeBufferPointer { try PluginCodec.outputs(json: json, values: $0) }
        #expect(back == o)
        // A table outside the buffer is an error, not a crash.
        #expect(throws: PluginCodecError.self) {
            try values.dropLast().withUnsafeBufferPointer { try PluginCodec.outputs(json: json, values: $0) }
        }
    }

    @Test func resultSetsRoundTripWithEveryCellKind() throws {
        let table = ResultTable(
            id: "t.one", title: LocalizedText(zh: "表", en: "Table"), rowHeader: LocalizedText(zh: "年份", en: "year"),
            columns: [
                ResultColumn(LocalizedText("n"), unit: "亿元", decimals: 1), ResultColumn(LocalizedText("text")),
                ResultColumn(LocalizedText("q"), unit: ""), ResultColumn(LocalizedText("e")),
            ],
            rows: [
                ResultRow(
                    LocalizedText("2021"),
                    [.number(1.5), .text(LocalizedText(zh: "是", en: "yes")),
                     .quantiles(QuantileSummary(mean: 2, p10: 1, p50: 2, p90: 3)), .empty]),
                ResultRow(LocalizedText("inf"), [.number(.infinity), .number(-.infinity), .empty, .empty]),
            ],
            notes: [LocalizedText(zh: "注", en: "note")])
        let r = ResultSet(tables: [table, ResultTable(id: "t.two", title: LocalizedText("2"), rowHeader: LocalizedText("r"), columns: [])])
        #expect(try PluginCodec.resultSet(json: PluginCodec.resultSetJSON(r)) == r)
        // NaN travels as "nan" (and is not equal to itself, so check it apart).
        let nan = ResultSet(tables: [ResultTable(
            id: "n", title: LocalizedText("n"), rowHeader: LocalizedText("r"), columns: [ResultColumn(LocalizedText("c"))],
            rows: [ResultRow(LocalizedText("x"), [.quantiles(QuantileSummary(of: []))])])])
        let back = try PluginCodec.resultSet(json: PluginCodec.resultSetJSON(nan))
        guard case let .quantiles(q)? = back.tables.first?.rows.first?.cells.first else {
            Issue.record("expected a quantiles cell")
            return
        }
        #expect(q.mean.isNaN && q.p50.isNaN)
    }

    @Test func errorsKeepModuleKeyPathAndKind() throws {
        let m = ModuleError(module: "doubler", keyPath: "shares.a", message: "unknown industry", isAboutKey: true)
        #expect(PluginCodec.error(json: PluginCodec.errorJSON(m, module: "doubler"), module: "x") as? ModuleError == m)
        let p = ParameterError(keyPath: "factor", message: "too big")
        #expect(PluginCodec.error(json: PluginCodec.errorJSON(p, module: "doubler"), module: "doubler") as? ParameterError == p)
        struct Other: Error {}
        let o = PluginCodec.error(json: PluginCodec.errorJSON(Other(), module: "doubler"), module: "doubler") as? ModuleError
        #expect(o?.module == "doubler" && o?.keyPath == nil && o?.message.contains("Other") == true)
        #expect(PluginCodec.error(json: "garbage", module: "doubler") is ModuleError)
    }
}
