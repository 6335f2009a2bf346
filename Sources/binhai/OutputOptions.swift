import ArgumentParser
import Reports
import ScenarioRuntime

extension OutputFormat: ExpressibleByArgument {}

import Briefings

extension Language: ExpressibleByArgument {}

/// `--format`, `--lang`, `--out` shared by the commands that print results.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Language of labels and sector names: zh or en.")
    var lang: Language = .zh

    @Option(name: .long, help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    /// The sink for the chosen destination. A trailing slash names a folder, which a one-file
    /// output cannot be written to.
    func makeSink() throws -> OutputSink {
        if let out {
            if out.hasSuffix("/") {
                throw ReportError.refused(path: out, reason: "--out names a folder (trailing /); give a file name, e.g. \(out)result.json")
            }
            return try OutputSink(file: URLPath.fileURL(out))
        }
        return .standardOutput()
    }
}

extension OutputOptions {
    /// Tables in the chosen format (or the JSON document), to --out atomically or standard output:
    /// the output of every command whose briefing is tables plus a JSON document.
    func emit(tables: [Table], json writeJSON: (OutputSink) throws -> Void) throws {
        let sink = try makeSink()
        do {
            switch format {
            case .json: try writeJSON(sink)
            case .table: try sink.write(tables.map { TerminalTableRenderer().render($0) }.joined(separator: "\n"))
            case .markdown: try sink.write(tables.map { MarkdownTableRenderer().render($0) }.joined(separator: "\n"))
            case .csv: try sink.write(tables.map { CSVRenderer().render($0) }.joined(separator: "\n"))
            }
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }
}

/// `--shard I/N --part FILE`, for the commands whose job splits into shards.
struct ShardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Run only shard I of N (from 0) and write its partial result to --part: a run's variants and sweep points (or, for a baseline only, its draws: then with --no-effort-search), a design's points. binhai merge combines the parts.",
        valueName: "I/N"))
    var shard: String?

    @Option(name: .long, help: "Where a shard writes its partial result (with --shard).")
    var part: String?

    func validate() throws {
        if shard != nil && part == nil { throw ValidationError("--shard needs --part FILE: where to write the shard's partial result") }
        if part != nil && shard == nil { throw ValidationError("--part is for a shard's partial result: give --shard I/N too") }
        if let shard { _ = try Shard(parsing: shard) }
    }
}
