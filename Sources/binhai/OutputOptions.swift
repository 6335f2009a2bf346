import ArgumentParser
import Reports

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
