import Briefings
import ForecastEngine
import Foundation
import Reports
import ScenarioFiles
import ScenarioKit
import ScenarioRuntime

/// Runs a scenario spec through the runtime and writes its briefing: the command line's only
/// part in a run is the progress bar and the files.
struct ScenarioRunner {
    let runtime: ScenarioRuntime
    let spec: ScenarioSpec
    let options: ScenarioRunOptions

    func run() throws {
        let bar = ProgressBar(label: "Monte Carlo", unit: "draws")
        defer { bar.finish() }
        let policy = RunPolicy(
            workers: options.workers, effortSearch: !options.noEffortSearch,
            progress: { done, total in bar.update(done: done, total: total) })
        let outcome = try runtime.run(spec, policy: policy)
        bar.finish()
        try Self.write(ForecastBriefing(outcome: outcome, language: options.lang), out: options.out, format: options.format)
    }

    /// Writes a briefing: every format into the `out` folder (when given, all at once or not at
    /// all) and `format` on standard output. The same for a run and for `binhai merge`.
    static func write(_ briefing: ForecastBriefing, out: String?, format: OutputFormat) throws {
        if let out {
            // The whole set is written into a temporary sibling folder and swapped into place in
            // one rename: the folder holds this run or the previous one, never a mixture.
            let folder = try OutputFolder(target: URLPath.fileURL(out))
            let files = briefing.outputFiles()
            do {
                for file in files { try folder.write(file.name, try file.bytes()) }
                try folder.commit()
            } catch {
                folder.discard()
                throw error
            }
            FileHandle.standardError.write(Data("wrote \(folder.paths.joined(separator: ", "))\n".utf8))
        }
        if format == .csv && !briefing.modules.isEmpty && out == nil {
            FileHandle.standardError.write(Data(
                "note: standard output holds the forecast CSV; the module tables' CSV is written as modules.csv with --out FOLDER\n".utf8))
        }
        let stdout = OutputSink.standardOutput()
        try emit(briefing, format: format, to: stdout)
        try stdout.commit()
    }

    static func emit(_ briefing: ForecastBriefing, format: OutputFormat, to sink: OutputSink) throws {
        switch format {
        case .json: try briefing.writeJSON(to: sink)
        case .table: try sink.write(briefing.text(TerminalTableRenderer()))
        case .markdown: try sink.write(briefing.text(MarkdownTableRenderer()))
        case .csv: try sink.write(briefing.csv())
        }
    }
}
