import ArgumentParser
import Briefings
import Foundation
import Reports
import ScenarioFiles
import ScenarioRuntime

/// A shard of `binhai run` or `binhai sensitivity`: its part of the job into a partial-result file.
enum ShardRunner {
    static let toolkit = Binhai.configuration.version

    static func job(kind: String, scenario: String, overrides: [String], effortSearch: Bool, plugins: [String]) throws -> ShardedJob {
        let url = URLPath.fileURL(scenario)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(scenario) as UTF-8 text")
        }
        return ShardedJob(
            kind: kind, scenarioFile: scenario, scenarioText: text, baseFolder: url.deletingLastPathComponent().path,
            overrides: overrides, effortSearch: effortSearch, plugins: plugins)
    }

    static func load(_ job: ShardedJob, runtime: ScenarioRuntime) throws -> ScenarioSpec {
        try runtime.load(
            text: job.scenarioText, file: job.scenarioFile, baseFolder: job.baseFolder.map { URL(fileURLWithPath: $0) },
            overrides: try job.overrides.map { try ParameterOverride.parse(commandLine: $0) })
    }

    static func run(
        kind: String, scenario: String, shard: Shard, part: String, runtime: ScenarioRuntime, overrides: [String],
        effortSearch: Bool, plugins: [String], workers: Int?
    ) throws {
        let job = try job(kind: kind, scenario: scenario, overrides: overrides, effortSearch: effortSearch, plugins: plugins)
        let spec = try load(job, runtime: runtime)
        let file: PartialFile
        do {
            switch kind {
            case "sensitivity":
                let design = try runtime.sensitivityDesign(spec)
                let range = shard.range(of: design.values.count)
                let outputs = try runtime.sensitivityOutputs(
                    design, points: range, text: job.scenarioText, file: job.scenarioFile,
                    baseFolder: job.baseFolder.map { URL(fileURLWithPath: $0) }, workers: workers)
                file = PartialFile(toolkit: toolkit, job: job, shard: shard, sensitivity: (range.lowerBound, outputs))
            default:
                let prepared = try runtime.prepare(spec)
                let result = try runtime.runPart(prepared, shard: shard, policy: RunPolicy(workers: workers, effortSearch: effortSearch))
                file = PartialFile(toolkit: toolkit, job: job, shard: shard, run: result)
            }
        } catch let e as ShardError {
            throw ValidationError(e.description)
        }
        let sink = try OutputSink(file: URLPath.fileURL(part))
        do {
            try sink.write([UInt8](try file.encoded()))
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
        FileHandle.standardError.write(Data("wrote shard \(shard) of \(spec.id) to \(part)\n".utf8))
    }
}

/// `binhai merge PARTS… [--out DIR]`: combine the shards of a job into its output.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partial results of every shard of a job (binhai run|sensitivity --shard I/N --part FILE) into the job's output, the same bytes as one process would write.")

    @Argument(help: "The partial results (one per shard, any order; a folder means every *.part file in it).")
    var parts: [String]

    @Option(name: .long, help: "Output format on standard output: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Language of labels: zh or en.")
    var lang: Language = .zh

    @Option(name: .long, help: "A run: write every format into this folder (as binhai run --out). A sensitivity analysis: write to this file.")
    var out: String?

    @Option(name: .long, help: "Worker threads (results do not depend on it).")
    var workers: Int?

    func run() throws {
        var files: [(name: String, file: PartialFile)] = []
        for p in try Self.expand(parts) {
            do {
                files.append((p, try PartialFile.read(URLPath.fileURL(p), displayName: p)))
            } catch let e as ShardError {
                throw ValidationError(e.description)
            }
        }
        do {
            try PartialFile.checkComplete(files)
        } catch let e as ShardError {
            throw ValidationError(e.description)
        }
        let job = files[0].file.job
        let plugins = try PluginOptions.parse(job.plugins.flatMap { ["--plugin", $0] })
        let runtime = ScenarioRuntime(catalogue: try plugins.catalogue())
        let spec = try ShardRunner.load(job, runtime: runtime)
        let ordered = files.sorted { $0.file.shard.index < $1.file.shard.index }.map(\.file)
        do {
            switch job.kind {
            case "sensitivity":
                let design = try runtime.sensitivityDesign(spec)
                var outputs: [[Double]] = []
                for f in ordered {
                    guard let first = f.sensitivityFirstPoint, let values = f.sensitivityOutputs, first == outputs.count else {
                        throw ShardError("shard \(f.shard) does not hold the design points after point \(outputs.count)")
                    }
                    outputs += values.map(\.values)
                }
                guard outputs.count == design.values.count else {
                    throw ShardError("the parts hold \(outputs.count) of the design's \(design.values.count) points")
                }
                let briefing = SensitivityBriefing(outcome: runtime.sensitivityOutcome(design, outputs: outputs), language: lang)
                let options = try OutputOptions.parse(["--format", format.rawValue, "--lang", lang.rawValue] + (out.map { ["--out", $0] } ?? []))
                try SensitivityCommand.emit(briefing, options: options)
            default:
                let prepared = try runtime.prepare(spec)
                let runs = try ordered.map { f -> RunPart in
                    guard let r = f.run else { throw ShardError("shard \(f.shard) holds no run") }
                    return r
                }
                let outcome = try runtime.merge(prepared, parts: runs, policy: RunPolicy(workers: workers, effortSearch: job.effortSearch))
                try ScenarioRunner.write(ForecastBriefing(outcome: outcome, language: lang), out: out, format: format)
            }
        } catch let e as ShardError {
            throw ValidationError(e.description)
        }
    }

    /// Files as given; a folder stands for its `*.part` files (sorted).
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: URLPath.fileURL(p).path, isDirectory: &isDir), isDir.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: URLPath.fileURL(p).path).filter { $0.hasSuffix(".part") }.sorted()
                out += names.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }
}
