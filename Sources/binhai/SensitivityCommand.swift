import ArgumentParser
import Briefings
import Foundation
import Reports
import ScenarioFiles
import ScenarioRuntime

/// `binhai sensitivity SCENARIO.yaml`: which assumptions drive P(target met), the target-year
/// P50 and the gap (the scenario's `sensitivity:` block; Sobol' or Morris).
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Global sensitivity analysis (Sobol' or Morris) of the inputs a scenario's sensitivity: block declares.")

    @Argument(help: "Scenario file (YAML) with a sensitivity: block.")
    var scenario: String

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Worker threads (points run side by side; results do not depend on it).")
    var workers: Int?

    @OptionGroup var plugins: PluginOptions

    @Option(name: .long, help: "Also write the briefing into this folder: sensitivity.html (tables, index and tornado charts), the charts as SVG, sensitivity.md and sensitivity.json (all at once or none).")
    var briefing: String?

    @Option(name: .long, help: "Also write the design's points (input values, one row per run of the design, in run order) to this CSV file, e.g. to evaluate them with another tool.")
    var design: String?

    @OptionGroup var sharding: ShardOptions

    func run() throws {
        let runtime = ScenarioRuntime(catalogue: try plugins.catalogue())
        let url = URLPath.fileURL(scenario)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(scenario) as UTF-8 text")
        }
        if let shard = sharding.shard, let part = sharding.part {
            try ShardRunner.run(
                kind: "sensitivity", scenario: scenario, shard: try Shard(parsing: shard), part: part, runtime: runtime,
                overrides: [], effortSearch: false, plugins: plugins.paths, workers: workers)
            return
        }
        let spec = try runtime.load(text: text, file: scenario, baseFolder: url.deletingLastPathComponent())
        if let design {
            let d = try runtime.sensitivityDesign(spec)
            var csv = d.spec.inputs.map(\.path).joined(separator: ",") + "\n"
            for row in d.values.prefix(d.designCount) { csv += row.map { "\($0)" }.joined(separator: ",") + "\n" }
            let sink = try OutputSink(file: URLPath.fileURL(design))
            try sink.write(csv)
            try sink.commit()
        }
        let outcome = try runtime.sensitivity(
            spec, text: text, file: scenario, baseFolder: url.deletingLastPathComponent(), workers: workers)
        let b = SensitivityBriefing(outcome: outcome, language: output.lang)
        if let briefing { try Self.writeBriefing(b, to: briefing) }
        try Self.emit(b, options: output)
    }

    /// sensitivity.html, the charts, sensitivity.md and sensitivity.json into `folder`, atomically.
    static func writeBriefing(_ b: SensitivityBriefing, to path: String) throws {
        let folder = try OutputFolder(target: URLPath.fileURL(path))
        do {
            try folder.write("sensitivity.html", Array(b.html().utf8))
            for c in b.charts() { try folder.write(c.file, Array(c.svg.render().utf8)) }
            try folder.write("sensitivity.md", Array(b.tables().map { MarkdownTableRenderer().render($0) }.joined(separator: "\n").utf8))
            let json = OutputSink.inMemory()
            try b.writeJSON(to: json)
            try folder.write("sensitivity.json", json.bytes)
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        FileHandle.standardError.write(Data("wrote \(folder.paths.joined(separator: ", "))\n".utf8))
    }

    /// The briefing in the chosen format, to --out (atomically) or standard output.
    static func emit(_ briefing: SensitivityBriefing, options output: OutputOptions) throws {
        try output.emit(tables: briefing.tables(), json: briefing.writeJSON)
    }
}
