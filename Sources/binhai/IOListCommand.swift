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
        var concordances: [[String: [(sector: Int, share: Double)]]?] = []
        for t in tables {
            let folder = try IOAnalyzeCommand.resolve(t)
            let table = try IOFolderReader.read(folder)
            var options = IOAnalysisOptions()
            if let va = table.valueAddedSum { options.factorRowSums = [va] }
            analysed.append((t, try IOAnalysis.analyze(table, options: options)))
            concordances.append(try Self.concordance(folder.appendingPathComponent("concordance.csv"), sectors: table.sectors))
        }
        var comparison = try IOComparison(tables: analysed, language: output.lang)
        // Chains where every table has a concordance: weights wₖ = cⱼₖ·xⱼ / Σ.
        if concordances.allSatisfy({ $0 != nil }) {
            let keySets = concordances.compactMap { $0 }.map { Set($0.keys) }
            var ids = keySets.first ?? []
            for k in keySets.dropFirst() { ids.formIntersection(k) }
            for id in ids.sorted() {
                let weights = analysed.enumerated().map { k, a -> [Double] in
                    var w = [Double](repeating: 0, count: a.result.sectors.count)
                    for m in concordances[k]![id]! { w[m.sector] += m.share * a.result.grossOutput[m.sector] }
                    let total = w.reduce(0, +)
                    return total > 0 ? w.map { $0 / total } : w
                }
                comparison.chains.append((id, weights))
            }
        }
        if let chart {
            let sink = try OutputSink(file: URLPath.fileURL(chart))
            try sink.write(comparison.chart().render())
            try sink.commit()
        }
        let sink = try output.makeSink()
        do {
            switch output.format {
            case .json: try comparison.writeJSON(to: sink)
            case .table:
                try sink.write(TerminalTableRenderer().render(comparison.table()))
                if let c = comparison.chainTable() { try sink.write("\n" + TerminalTableRenderer().render(c)) }
            case .markdown:
                try sink.write(MarkdownTableRenderer().render(comparison.table()))
                if let c = comparison.chainTable() { try sink.write("\n" + MarkdownTableRenderer().render(c)) }
            case .csv: try sink.write(CSVRenderer().render(comparison.table()))
            }
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }

    /// `concordance.csv` (io_code, industry, share) of a table folder: industry → (sector, share);
    /// nil when the folder has none.
    static func concordance(_ url: URL, sectors: [Sector]) throws -> [String: [(sector: Int, share: Double)]]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let records = try CSVText.parse([UInt8](data))
        guard let header = records.first?.fields else { return nil }
        guard let ci = header.firstIndex(of: "io_code"), let ii = header.firstIndex(of: "industry"), let si = header.firstIndex(of: "share") else {
            throw ValidationError("\(url.path): expected the columns io_code, industry, share")
        }
        var out: [String: [(sector: Int, share: Double)]] = [:]
        for r in records.dropFirst() where r.fields.count > max(ci, ii, si) {
            guard let k = sectors.firstIndex(where: { $0.code == r.fields[ci] }), let share = Double(r.fields[si]), share.isFinite, share >= 0 else {
                throw ValidationError("\(url.path), line \(r.line): unknown sector or bad share")
            }
            out[r.fields[ii], default: []].append((k, share))
        }
        return out
    }
}
