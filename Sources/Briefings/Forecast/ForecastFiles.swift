import Foundation
import Reports

extension ForecastBriefing {
    /// One file of the briefing set: its name and a function making its bytes.
    public typealias OutputFile = (name: String, bytes: () throws -> [UInt8])

    /// The whole briefing set of a run, in the order written: `report.md`, `report.txt`,
    /// `forecast.csv`, `forecast.json`, `modules.csv` (with modules), every chart's SVG
    /// (`forecast.svg` the fan chart, then sources, variants, stages when present), the printable
    /// `report.html`, `briefing.xlsx` and `briefing.docx`. `binhai run --out` writes these files
    /// and the web page zips them: the same bytes either way.
    public func outputFiles() -> [OutputFile] {
        var files: [OutputFile] = [
            ("report.md", { Array(self.text(MarkdownTableRenderer()).utf8) }),
            ("report.txt", { Array(self.text(TerminalTableRenderer()).utf8) }),
            ("forecast.csv", { Array(self.csv().utf8) }),
            ("forecast.json", { try self.jsonBytes() }),
        ]
        if !modules.isEmpty {
            files.append(("modules.csv", { Array(ModuleTables(reports: self.modules, language: self.language).csv().utf8) }))
        }
        for chart in charts() {
            files.append((chart.file, { Array(chart.svg.render().utf8) }))
        }
        files.append(("report.html", { Array(self.html().utf8) }))
        files.append(("briefing.xlsx", { [UInt8](try self.workbook()) }))
        files.append(("briefing.docx", { [UInt8](try self.wordDocument()) }))
        return files
    }

    /// `forecast.json`'s bytes.
    public func jsonBytes() throws -> [UInt8] {
        let sink = OutputSink.inMemory()
        try writeJSON(to: sink)
        return sink.bytes
    }

    /// The briefing set as one zip (the files of `outputFiles()` in a folder named `folder`).
    public func zipArchive(folder: String) throws -> Data {
        try ZipPackage.data(outputFiles().map { file in ("\(folder)/\(file.name)", Data(try file.bytes())) })
    }
}
