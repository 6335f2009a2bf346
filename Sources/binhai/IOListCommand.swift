import ArgumentParser
import Datasets
import Foundation
import Reports
import InputOutput
import Briefings
import ScenarioFiles

/// `binhai io list`: the built-in input-output tables with year, size, units and source.
struct IOListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the built-in input-output tables (year, sectors, units, source).")

    @Option(name: .long, help: "Output format: table, markdown or csv.")
    var format: OutputFormat = .table

    func run() throws {
        var table = Table(
            title: "Built-in input-output tables",
            columns: [
                .init("name"), .init("year", alignment: .right), .init("sectors", alignment: .right), .init("imports"),
                .init("unit"), .init("source"), .init("title"),
            ])
        for name in EmbeddedDatasets.ioTableNames {
            let folder = try EmbeddedDatasets.builtin(name, kind: .ioTable, prefixed: false)!
            let m = try YAMLValue.load(folder.appendingPathComponent("dataset.yaml"), displayName: "builtin:\(name)/dataset.yaml")
                .mapping()
            func text(_ key: String) -> String { (try? m.optional(key)?.string()) ?? "" }
            let importForm = text("import_form").hasPrefix("non-competitive") ? "non-competitive" : "competitive"
            let source = (try? m.optional("source")?.mapping().optional("publisher")?.string()) ?? ""
            let title = (try? m.optional("title")?.localizedText().en) ?? ""
            table.rows.append(["builtin:\(name)", text("year"), text("sectors"), importForm, text("unit"), source, title])
        }
        table.notes = ["Analyse one with `binhai io analyze builtin:NAME`; compare years with `binhai io compare A B C`."]
        switch format {
        case .markdown: try Console.write(MarkdownTableRenderer().render(table))
        case .csv: try Console.write(CSVRenderer().render(table))
        case .table, .json: try Console.write(TerminalTableRenderer(maxCellWidth: 80).render(table))
        }
    }
}

/// `binhai io compare A B C`: structural change between tables of the same sectors.
struct IOCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Multipliers, linkages and key-sector classes of several tables side by side, with the changes.",
        discussion: """
            Each TABLE is an IO folder or builtin:NAME (see `binhai io list`); the tables must have \
            the same sector codes, e.g. builtin:nbs-2017-42 builtin:nbs-2018-42 builtin:nbs-2020-42. \
            With --chart FILE.svg the movement of each sector's backward and forward linkage from the \
            first to the last table is drawn.
            """)

    @Argument(help: "Two or more IO folders or builtin:NAME tables, oldest first.")
    var tables: [String]

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Also write the BL/FL movement chart (SVG) to this file.")
    var chart: String?

    func validate() throws {
        if tables.count < 2 { throw ValidationError("give at least two tables to compare") }
    }

    func run() throws {
        var analysed: [(label: String, result: IOAnalysisResult)] = []
        for t in tables {
            let table = try IOFolderReader.read(try IOAnalyzeCommand.resolve(t))
            var options = IOAnalysisOptions()
            if let va = table.valueAddedSum { options.factorRowSums = [va] }
            analysed.append((t, try IOAnalysis.analyze(table, options: options)))
        }
        let comparison = try IOComparison(tables: analysed, language: output.lang)
        if let chart {
            let sink = try OutputSink(file: URLPath.fileURL(chart))
            try sink.write(comparison.chart().render())
            try sink.commit()
        }
        let sink = try output.makeSink()
        do {
            switch output.format {
            case .json: try comparison.writeJSON(to: sink)
            case .table: try sink.write(TerminalTableRenderer().render(comparison.table()))
            case .markdown: try sink.write(MarkdownTableRenderer().render(comparison.table()))
            case .csv: try sink.write(CSVRenderer().render(comparison.table()))
            }
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }
}
