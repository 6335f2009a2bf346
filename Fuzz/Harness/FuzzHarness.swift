import Foundation
import InputOutput
import ScenarioFiles
import ScenarioKit
import ScenarioKitPlugin
import ScenarioRuntime

/// What the fuzz targets do with one input, shared by the libFuzzer executables
/// (`make fuzz`, built with `-DFUZZING -sanitize=fuzzer,address`) and by the regression test
/// that replays `Fuzz/regressions/` in `swift test`. Every function must return for every
/// input: a trap, a hang or an unlocated error is the bug being looked for.
public enum FuzzHarness {
    /// A problem the fuzzer found that is not a crash (e.g. an error without a location).
    public struct Finding: Error, CustomStringConvertible {
        public var description: String
    }

    // MARK: CSV and IO folders

    /// The parts of an IO-folder input: `Z.csv`, `Y.csv`, `F.csv`, `x.csv`, `sectors.csv` in
    /// this order, separated by lines `=====`; missing parts are left out of the folder.
    public static let ioFiles = ["Z.csv", "Y.csv", "F.csv", "x.csv", "sectors.csv"]

    nonisolated(unsafe) static var ioFolder: URL?

    /// Reads the input as CSV text and as an IO folder; analyses tables up to 60 sectors with
    /// every option. Errors are fine; they must describe themselves.
    public static func ioTable(_ bytes: [UInt8]) throws {
        _ = try? CSVText.parse(bytes)
        let folder = try scratchFolder()
        let parts = split(bytes, separator: Array("\n=====\n".utf8))
        for (k, name) in ioFiles.enumerated() {
            let url = folder.appendingPathComponent(name)
            if k < parts.count { try Data(parts[k]).write(to: url) } else { try? FileManager.default.removeItem(at: url) }
        }
        let table: IOTable
        do {
            table = try IOFolderReader.read(folder)
        } catch {
            if "\(error)".isEmpty { throw Finding(description: "an IO read error without a message") }
            return
        }
        guard table.sectorCount <= 60 else { return }
        var options = IOAnalysisOptions(includeLeontiefInverse: true, includeGhoshInverse: true, extraction: true)
        if let va = table.valueAddedSum { options.factorRowSums = [va] }
        if let row = table.factorLabels.first, let column = table.finalDemandLabels.first {
            options.households = HouseholdClosure(parsing: "\(row):\(column)")
        }
        do {
            let r = try IOAnalysis.analyze(table, options: options)
            let numbers = r.outputMultipliers + r.backwardLinkage + r.forwardLinkage + r.grossOutput
            if let bad = numbers.first(where: { !$0.isFinite }) {
                throw Finding(description: "a non-finite result \(bad) was returned instead of an error")
            }
        } catch let f as Finding {
            throw f
        } catch {
            if "\(error)".isEmpty { throw Finding(description: "an analysis error without a message") }
        }
    }

    // MARK: Scenario files

    nonisolated(unsafe) static var runtime: ScenarioRuntime?

    /// Loads the input as a scenario file (the embedded datasets, the given module catalogue);
    /// one that loads is run with 50 draws per run. Every error must be a `ScenarioFileError`
    /// with a line ≥ 1 and a message — the property "accepted → runs or fails located".
    public static func scenario(_ bytes: [UInt8], catalogue: ModuleCatalogue) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        if runtime == nil { runtime = ScenarioRuntime(catalogue: catalogue) }
        let runtime = runtime!
        let overrides = [try ParameterOverride.parse(commandLine: "engine.draws=50")]
        do {
            let spec = try runtime.load(text: text, file: "fuzz.yaml", overrides: overrides)
            _ = try runtime.run(spec, policy: RunPolicy(workers: 1, effortSearch: spec.variants.count < 5, effortSearchMaximumDraws: 50))
        } catch let e as ScenarioFileError {
            guard e.location.line >= 1, e.location.column >= 1, !e.message.isEmpty else {
                throw Finding(description: "an error without a location: \(e)")
            }
        } catch {
            throw Finding(description: "an error that is not located (\(type(of: error))): \(error)")
        }
    }

    // MARK: Plugin JSON

    /// The first byte picks a decoder of what crosses the plugin boundary; the rest is its JSON.
    public static func pluginJSON(_ bytes: [UInt8]) throws {
        guard let first = bytes.first, let json = String(validating: bytes.dropFirst(), as: UTF8.self) else { return }
        switch first % 6 {
        case 0: _ = try? PluginCodec.descriptor(json: json)
        case 1:
            let d = ModuleDescriptor(
                id: "f", version: "1", title: LocalizedText("f"), summary: LocalizedText("f"),
                parameters: [
                    ParameterSpec(name: "n", type: .number, defaultValue: .number(1), minimum: 0, maximum: 10, help: LocalizedText("n")),
                    ParameterSpec(name: "m", type: .numberMap, defaultValue: .numberMap([:]), help: LocalizedText("m")),
                ])
            _ = try? PluginCodec.parameters(json: json, descriptor: d)
        case 2: _ = try? PluginCodec.context(json: json)
        case 3: _ = try? PluginCodec.inputs(json: json)
        case 4:
            let values = [Double](repeating: 1, count: 64)
            _ = try? values.withUnsafeBufferPointer { try PluginCodec.outputs(json: json, values: $0) }
        default: _ = try? PluginCodec.resultSet(json: json)
        }
        _ = PluginCodec.error(json: json, module: "f")
    }

    // MARK: Support

    static func scratchFolder() throws -> URL {
        if let f = ioFolder { return f }
        let f = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true)
        ioFolder = f
        return f
    }

    static func split(_ bytes: [UInt8], separator: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count {
            if bytes[i..<(i + separator.count)].elementsEqual(separator) {
                parts.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }
}
