import ArgumentParser
import Datasets
import Foundation
import InputOutput
import Reports
import Briefings

/// `binhai io analyze [FOLDER]`: multipliers, linkages, key sectors, and on request Type II
/// multipliers, hypothetical extraction, demand-change effects and the n × n matrices.
struct IOAnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Multipliers, linkages and key sectors of an input-output table.",
        discussion: """
            FOLDER holds Z.csv, Y.csv and optionally F.csv, x.csv, sectors.csv (the NBS layout: \
            first column `code`, first row labels). Without FOLDER the embedded NBS 2020 \
            42-sector table of China is used (builtin:nbs-2020-42). With --out FILE.xlsx the \
            result is an Excel workbook: the sector table at full precision and, with --include, \
            each n×n matrix as a sheet.
            """)

    @Argument(help: "IO folder, or builtin:nbs-2020-42 (default).")
    var folder: String = "builtin:\(EmbeddedDatasets.nbs2020_42Name)"

    @OptionGroup var output: OutputOptions

    @Option(
        name: .long, parsing: .singleValue,
        help: "Also output n×n matrices (comma-separated): technical_coefficients, leontief_inverse, ghosh_inverse.")
    var include: [String] = []

    @Option(name: .long, help: "Type II multipliers with households endogenous: F row:Y column, e.g. VA001:TC.")
    var households: String?

    @Flag(name: .long, help: "Hypothetical extraction: loss of total output per sector (backward and forward).")
    var extract = false

    @Option(name: .long, help: "CSV of final-demand changes (code,<scenario>…); reports Δx = L·Δy.")
    var demandChange: String?

    @Option(
        name: .long,
        help: "Regionalise the table before the analysis: slq, cilq, flq or aflq (flq:0.25 sets δ; default δ 0.3, literature 0.1–0.4), with the regional weights of --regional-weights.")
    var regionalize: String?

    @Option(
        name: .customLong("regional-weights"),
        help: "Folder with regional-weights.csv (io_code,region_output_share) and regional-total.csv (tre_over_tne); default builtin:binhai-default.")
    var regionalWeights: String?

    @Option(
        name: .long,
        help: "How I − A is solved: auto (GMRES for tables of \(LeontiefSolverChoice.krylovMinimumSectors)+ sectors that need no n×n matrix, LU otherwise), lu, or gmres (falls back to LU if A has negative entries or GMRES does not converge).")
    var solver: LeontiefSolverChoice = .automatic

    static let includable = ["technical_coefficients", "leontief_inverse", "ghosh_inverse"]

    func validate() throws {
        for item in includeList where !Self.includable.contains(item) {
            throw ValidationError(
                "--include: unknown matrix '\(item)'; expected one of \(Self.includable.joined(separator: ", "))")
        }
        if let regionalize, LocationQuotient(parsing: regionalize) == nil {
            throw ValidationError("--regionalize: expected slq, cilq, flq, aflq, flq:δ or aflq:δ with 0 ≤ δ ≤ 1, got '\(regionalize)'")
        }
        if let households, HouseholdClosure(parsing: households) == nil {
            throw ValidationError("--households: expected ROW:COLUMN, e.g. VA001:TC, got '\(households)'")
        }
    }

    var includeList: [String] {
        include.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }

    func run() throws {
        let folderURL = try resolveFolder()
        var table = try IOFolderReader.read(folderURL)
        var comparison: RegionalComparison? = nil
        if let method = regionalize.flatMap(LocationQuotient.init(parsing:)) {
            let weightsFolder = try regionalWeights.map { try Self.resolve($0, kind: .dataset) } ?? EmbeddedDatasets.binhaiDefault
            let weights = try RegionalWeightsFile.read(weightsFolder).weights(for: table.sectors)
            let r = try Regionalization(method: method, nationalOutput: table.grossOutput, weights: weights)
            var base = IOAnalysisOptions(solver: solver)
            if let va = table.valueAddedSum { base.factorRowSums = [va] }
            let national = try IOAnalysis.analyze(copy table, options: base)
            table = try table.regionalized(r, weights: weights)
            var regionalOptions = IOAnalysisOptions(solver: solver)
            if let va = table.valueAddedSum { regionalOptions.factorRowSums = [va] }
            comparison = RegionalComparison(
                national: national, regional: try IOAnalysis.analyze(copy table, options: regionalOptions), regionalization: r,
                language: output.lang)
        }
        let sectors = table.sectors
        var options = IOAnalysisOptions()
        let wanted = Set(includeList)
        options.includeTechnicalCoefficients = wanted.contains("technical_coefficients")
        options.includeLeontiefInverse = wanted.contains("leontief_inverse")
        options.includeGhoshInverse = wanted.contains("ghosh_inverse")
        options.households = households.flatMap(HouseholdClosure.init(parsing:))
        options.extraction = extract
        if let demandChange {
            options.demandChange = try DemandScenarios.read(path: demandChange, sectors: sectors)
        }
        if let va = table.valueAddedSum { options.factorRowSums = [va] }
        options.solver = solver
        let source = folder.hasPrefix("builtin:") ? folder : folderURL.path
        // `consume`: the analysis factors Z in its own storage; a second reference here would make
        // that a copy-on-write duplicate of the n × n matrix (measured: peak RSS 154 → 301 MB at n = 4000).
        let result = try IOAnalysis.analyze(consume table, options: options)
        // Warnings go to standard error for every format (JSON also lists them under `warnings`).
        for warning in result.diagnostics.warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }

        let sink = try output.makeSink()
        do {
            var renderer = IOResultRenderer(result: result, source: source, language: output.lang)
            renderer.regional = comparison
            if let out = output.out, out.lowercased().hasSuffix(".xlsx") {
                // An Excel workbook, whatever --format says: the sector table and any requested matrices.
                try sink.writeWholeFile { try renderer.writeWorkbook(to: $0) }
                try sink.commit()
                return
            }
            switch output.format {
            case .json: try renderer.writeJSON(to: sink)
            case .table: try sink.write(renderer.text(TerminalTableRenderer()))
            case .markdown: try sink.write(renderer.text(MarkdownTableRenderer()))
            case .csv: try sink.write(renderer.csv())
            }
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }

    /// `builtin:NAME` → the embedded folder; otherwise the path as given.
    func resolveFolder() throws -> URL { try Self.resolve(folder) }

    /// `builtin:NAME` of `kind` → the embedded folder; otherwise the path as given.
    static func resolve(_ text: String, kind: EmbeddedDatasets.Kind = .ioTable) throws -> URL {
        do {
            if let url = try EmbeddedDatasets.builtin(text, kind: kind) { return url }
        } catch {
            throw ValidationError("\(error)")
        }
        return URLPath.fileURL(text)
    }
}

extension LeontiefSolverChoice: ExpressibleByArgument {}
