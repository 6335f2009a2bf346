import ScenarioTestSupport
import ScenarioRuntime
import BuiltinModules
import CBinhaiModuleABI
import Foundation
import PluginHost
import ScenarioFiles
import ScenarioKit
import ScenarioKitPlugin
import ScenarioKitTesting
import Testing

/// A module exported through the C ABI inside the test process (no library build needed).
struct Doubler: ScenarioModule {
    static let descriptor = ModuleDescriptor(
        id: "doubler", version: "0.1.0", title: LocalizedText(zh: "加倍", en: "Doubler"),
        summary: LocalizedText("Adds a project; reports the total × factor."),
        parameters: [
            ParameterSpec(name: "factor", type: .number, defaultValue: .number(2), minimum: 0, help: LocalizedText("factor")),
            ParameterSpec(name: "label", type: .text, defaultValue: .text("x"), help: LocalizedText("label")),
            ParameterSpec(name: "shares", type: .numberMap, defaultValue: .numberMap([:]), help: LocalizedText("shares")),
        ])

    let factor: Double
    let label: String

    init(parameters: ModuleParameters, context: ModuleContext) throws {
        factor = parameters.number("factor") ?? 2
        label = parameters.text("label") ?? "x"
        for key in (parameters.numberMap("shares") ?? [:]).keys where !context.industries.contains(where: { $0.id == key }) {
            throw ModuleError(module: "doubler", keyPath: "shares.\(key)", message: "unknown industry", isAboutKey: true)
        }
    }

    func prepare(_ inputs: inout EngineInputs) throws {
        inputs.majorProjects.append(
            MajorProjectInput(
                name: label, industry: inputs.industries[0].id, carrier: inputs.carriers[0].id, source: inputs.sources[0].id,
                amount: 10 * factor, probability: 0.5, year: inputs.baseYear + 2))
    }

    func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
        if label == "fail-analyze" { throw ParameterError(keyPath: "label", message: "asked to fail") }
        var t = ResultTable(
            id: "doubler.total", title: LocalizedText("total × factor"), rowHeader: LocalizedText("year"),
            columns: [ResultColumn(LocalizedText("value"), unit: "亿元")])
        for (k, y) in outputs.years.enumerated() {
            t.rows.append(ResultRow(LocalizedText(String(y)), [.quantiles(QuantileSummary(of: outputs.investmentInPlace.draws(year: k).map { $0 * factor }))]))
        }
        results.add(t)
    }
}

/// A schema with problems (an id in capitals).
struct BadDescriptor: ScenarioModule {
    static let descriptor = ModuleDescriptor(
        id: "Bad_Module", version: "1", title: LocalizedText("bad"), summary: LocalizedText("bad"), parameters: [])
    init(parameters: ModuleParameters, context: ModuleContext) throws {}
}

/// The loader's checks and the proxy module, through a function table exported in-process.
/// Serialized: `PluginExport` keeps one module type per process (one module per library).
@Suite(.serialized) struct PluginLoaderTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func missingFileAndNonLibraryAreNamed() throws {
        #expect(throws: PluginLoadError(path: "/no/such/libX.so", problem: .missingFile)) {
            try PluginLoader.load("/no/such/libX.so")
        }
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("libText.so")
        try Data("not a library".utf8).write(to: text)
        do {
            _ = try PluginLoader.load(text.path)
            Issue.record("expected an error")
        } catch {
            guard case let .notALibrary(reason) = error.problem else { Issue.record("\(error)"); return }
            #expect(!reason.isEmpty)
            #expect(error.description.hasPrefix("plugin \(text.path): not a loadable shared library ("))
        }
        // A folder is expanded to its libraries; a missing path in the list is an error.
        #expect(try PluginLoader.libraryFiles([dir.path]) == [text.path])
        #expect(throws: PluginLoadError.self) { try PluginLoader.libraryFiles(["/no/such/folder"]) }
        #expect(PluginLoader.environmentPaths(["BINHAI_PLUGIN_PATH": "/a.so::/b"]) == ["/a.so", "/b"])
    }

    @Test func wrongABIVersionIsRefusedBeforeAnythingIsCalled() throws {
        // A fake table: only the version field is read.
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
        defer { raw.deallocate() }
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: 256)
        raw.storeBytes(of: UInt32(99), as: UInt32.self)
        #expect(throws: PluginLoadError(path: "fake", problem: .abiVersion(found: 99, expected: 1))) {
            try PluginLoader.plugin(table: UnsafeRawPointer(raw), path: "fake")
        }
        // The right version with a short table.
        raw.storeBytes(of: UInt32(1), as: UInt32.self)
        raw.storeBytes(of: UInt32(8), toByteOffset: 4, as: UInt32.self)
        #expect(throws: PluginLoadError.self) { try PluginLoader.plugin(table: UnsafeRawPointer(raw), path: "fake") }
    }

    @Test func toolchainMismatchAndInvalidDescriptorAreRefused() throws {
        var table = PluginExport.entry(for: Doubler.self).load(as: binhai_module_v1.self)
        table.swift_version = { strdup("swift-5.9 toy-os") }
        let other = withUnsafePointer(to: &table) { p in
            Result { () throws(PluginLoadError) in try PluginLoader.plugin(table: UnsafeRawPointer(p), path: "old.so") }
        }
        #expect(throws: PluginLoadError(
            path: "old.so", problem: .toolchain(found: "swift-5.9 toy-os", expected: PluginABI.compilerVersion))) { try other.get() }
        let bad = PluginExport.entry(for: BadDescriptor.self)
        do {
            _ = try PluginLoader.plugin(table: bad, path: "bad.so")
            Issue.record("expected an error")
        } catch {
            guard case let .invalidDescriptor(text) = error.problem else { Issue.record("\(error)"); return }
            #expect(text.contains("Bad_Module") && text.contains("lowercase"))
        }
    }

    @Test func proxyRunsPrepareAndAnalyzeThroughTheCFunctions() throws {
        let plugin = try PluginLoader.plugin(table: PluginExport.entry(for: Doubler.self), path: "/in/process.so")
        #expect(plugin.descriptor == Doubler.descriptor)
        let entry = plugin.catalogEntry
        #expect(entry.isPlugin && entry.type == nil && entry.pluginPath == "/in/process.so")
        let context = ModuleContext.testing()
        let parameters = try Doubler.descriptor.validate(["factor": 3, "label": "电池"])
        let proxy = try entry.make(parameters, context)
        let direct = try Doubler(parameters: parameters, context: context)
        var viaPlugin = EngineInputs.testing(context), viaSwift = viaPlugin
        try proxy.prepare(&viaPlugin)
        try direct.prepare(&viaSwift)
        #expect(viaPlugin == viaSwift && viaPlugin.majorProjects.last?.name == "电池")
        let outputs = EngineOutputs.synthetic(
            years: [2021, 2022], draws: [[100, 110, 120], [130, 140, 150]], bySource: ["domestic": [[1, 2, 3], [4, 5, 6]]])
        var a = ResultSet(), b = ResultSet()
        try proxy.analyze(outputs, into: &a)
        try direct.analyze(outputs, into: &b)
        #expect(a == b && a.tables.count == 1)
        // Errors come back typed, with the module id and key path.
        let bad = try Doubler.descriptor.validate(["shares": ["nope": 1]])
        #expect(throws: ModuleError(module: "doubler", keyPath: "shares.nope", message: "unknown industry", isAboutKey: true)) {
            try entry.make(bad, context)
        }
        let failing = try entry.make(try Doubler.descriptor.validate(["label": "fail-analyze"]), context)
        #expect(throws: ParameterError(keyPath: "label", message: "asked to fail")) {
            var r = ResultSet()
            try failing.analyze(outputs, into: &r)
        }
    }

    @Test func pluginModulesAreUsedInScenarioFilesWithLocatedErrors() throws {
        let plugin = try PluginLoader.plugin(table: PluginExport.entry(for: Doubler.self), path: "/in/process.so")
        var catalogue = ModuleCatalogue.builtin
        try catalogue.register(plugin.catalogEntry)
        #expect(catalogue.ids.last == "doubler" && catalogue.type(for: "doubler") == nil)
        // A second module with the same id is refused, naming where the first came from.
        #expect(throws: ModuleError.self) { try catalogue.register(plugin.catalogEntry) }
        let text = """
            id: t
            title: {zh: 测试, en: Test}
            plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
            engine: {draws: 200, seed: 7}
            modules:
              - use: doubler
                with: {factor: 1.5, label: 攻坚}
            """
        let s = try TestScenario.load(text: text, file: "t.yaml", catalogue: catalogue)
        #expect(s.parameters.majorProjects.map(\.name) == ["攻坚"])
        let run = try ModulePhases.run(s.parameters, uses: s.modules)
        let table = try #require(run.reports.first?.tables.first)
        guard case let .quantiles(q)? = table.rows.first?.cells.first else { Issue.record("no quantiles"); return }
        #expect(abs(q.mean - 1.5 * run.result.yearly[0].investmentInPlace.mean) < 1e-9 * q.mean)
        do {
            _ = try TestScenario.load(
                text: text.replacingOccurrences(of: "label: 攻坚", with: "shares: {nope: 1}"), file: "t.yaml", catalogue: catalogue)
            Issue.record("expected an error")
        } catch let e as ScenarioFileError {
            #expect("\(e)".contains("t.yaml:7:") && "\(e)".contains("modules[0].with.shares.nope: module doubler: unknown industry"), "\(e)")
        }
    }
}
