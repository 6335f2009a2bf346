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
        try write(ForecastBriefing(outcome: outcome, language: options.lang))
    }

    func write(_ briefing: ForecastBriefing) throws {
        if let out = options.out {
            let folder = URLPath.fileURL(out)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw ReportError.cannotWrite(path: folder.path, reason: "cannot create the folder")
            }
            // Each file is written atomically (temporary + rename) by its own sink.
            var files: [(name: String, write: (OutputSink) throws -> Void)] = [
                ("report.md", { try emit(briefing, format: .markdown, to: $0) }),
                ("report.txt", { try emit(briefing, format: .table, to: $0) }),
                ("forecast.csv", { try emit(briefing, format: .csv, to: $0) }),
                ("forecast.json", { try emit(briefing, format: .json, to: $0) }),
            ]
            if !briefing.modules.isEmpty {
                files.append(("modules.csv", { try $0.write(ModuleTables(reports: briefing.modules, language: briefing.language).csv()) }))
            }
            // Charts: forecast.svg (fan chart), sources.svg, variants.svg and stages.svg when there
            // are variants / stages; then the printable page with all of them inline.
            for chart in briefing.charts() {
                files.append((chart.file, { try $0.write(chart.svg.render()) }))
            }
            files.append(("report.html", { try $0.write(briefing.html()) }))
            files.append(("briefing.xlsx", { try $0.write([UInt8](try briefing.workbook())) }))
            for file in files {
                let sink = try OutputSink(file: folder.appendingPathComponent(file.name))
                do {
                    try file.write(sink)
                    try sink.commit()
                } catch {
                    sink.discard()
                    throw error
                }
            }
            FileHandle.standardError.write(Data(
                "wrote \(files.map { folder.appendingPathComponent($0.name).path }.joined(separator: ", "))\n".utf8))
        }
        if options.format == .csv && !briefing.modules.isEmpty && options.out == nil {
            FileHandle.standardError.write(Data(
                "note: standard output holds the forecast CSV; the module tables' CSV is written as modules.csv with --out FOLDER\n".utf8))
        }
        let stdout = OutputSink.standardOutput()
        try emit(briefing, format: options.format, to: stdout)
        try stdout.commit()
    }

    func emit(_ briefing: ForecastBriefing, format: OutputFormat, to sink: OutputSink) throws {
        switch format {
        case .json: try briefing.writeJSON(to: sink)
        case .table: try sink.write(briefing.text(TerminalTableRenderer()))
        case .markdown: try sink.write(briefing.text(MarkdownTableRenderer()))
        case .csv: try sink.write(briefing.csv())
        }
    }
}
