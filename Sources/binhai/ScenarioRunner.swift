import Briefings
import ForecastEngine
import Foundation
import Reports
import ScenarioFiles
import ScenarioKit

/// Runs a loaded scenario (baseline, effort search, variants) and writes its briefing.
struct ScenarioRunner {
    let scenario: Scenario
    let options: ScenarioRunOptions

    func run() throws {
        // Progress in draws over every run: baseline, effort search (counted as one run of its
        // draws), variants.
        let effortDraws = min(scenario.parameters.draws, 5000)
        let runDraws = [scenario.parameters.draws] + (options.noEffortSearch ? [] : [effortDraws])
            + scenario.variants.map(\.parameters.draws)
        let offsets = runDraws.reduce(into: [0]) { $0.append($0.last! + $1) }
        let totalDraws = offsets.last!
        let bar = ProgressBar(label: "Monte Carlo", unit: "draws")
        var done = 0
        func progress(_ k: Int) -> ForecastEngine.Progress {
            let base = offsets[k], draws = runDraws[k]
            return { chunk, total in bar.update(done: base + chunk * draws / max(total, 1), total: totalDraws) }
        }
        defer { bar.finish() }
        // The modules' prepare phases are already in the parameters (ScenarioLoader); the baseline
        // runs once with per-draw segments when there are modules to analyze it.
        let (baseline, baselineReports) = try ScenarioModules.run(
            scenario.parameters, uses: scenario.modules, workers: options.workers, progress: progress(done))
        done += 1
        var effort: EffortRequirement? = nil
        if !options.noEffortSearch {
            effort = try ForecastEngine.requiredEffort(
                probability: scenario.targetProbability, parameters: scenario.parameters,
                draws: effortDraws, workers: options.workers)
            done += 1
            bar.update(done: offsets[done], total: totalDraws)
        }
        var comparisons: [VariantComparison] = []
        var reports = baselineReports
        for v in scenario.variants {
            // Named variants report their module tables too (a variant may change only module
            // parameters), those that differ from the baseline's; sweep points only their forecast.
            let (alt, variantReports) = try ScenarioModules.run(
                v.parameters, uses: v.isSweepPoint ? [] : v.modules, variant: v.name, workers: options.workers,
                progress: progress(done))
            reports += ScenarioModules.changedTables(variantReports, baseline: baselineReports)
            comparisons.append(try ForecastEngine.compare(name: v.name, baseline: baseline, alternative: alt))
            done += 1
        }
        bar.finish()
        let info = ForecastScenarioInfo(
            id: scenario.id, title: scenario.title,
            dataset: "\(scenario.dataset.reference) (\(options.lang.pick(scenario.dataset.title.zh, scenario.dataset.title.en)))",
            provenance: scenario.provenance)
        var briefing = ForecastBriefing(
            result: baseline, scenario: info, effort: effort, variants: comparisons, language: options.lang)
        briefing.modules = reports
        try write(briefing)
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
