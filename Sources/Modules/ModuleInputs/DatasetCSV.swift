import Foundation
import InputOutput
import ScenarioKit

/// A small text CSV of the dataset folder (`concordance.csv`, a bridge matrix, `towns.csv`) read with its
/// header and the physical line of every record, so that errors can name file and line.
public struct DatasetCSV: Sendable {
    /// The file as named in messages.
    public var file: String
    /// Header fields (trimmed).
    public var header: [String]
    /// Data records (trimmed fields) with their 1-based line numbers.
    public var records: [Record]

    /// One data record and the physical line it starts on.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// Reads `url`; every problem is a `ModuleError` for `keyPath` naming the file.
    public static func read(_ url: URL, module: String, keyPath: String?) throws(ModuleError) -> DatasetCSV {
        let name = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ModuleError(module: module, keyPath: keyPath, message: "cannot read \(name): no such file or not readable")
        }
        let parsed: [CSVText.Record]
        do {
            parsed = try CSVText.parse([UInt8](data))
        } catch {
            throw ModuleError(module: module, keyPath: keyPath, message: "\(name) is not valid CSV: \(error)")
        }
        guard let first = parsed.first else {
            throw ModuleError(module: module, keyPath: keyPath, message: "\(name) is empty (expected a header line)")
        }
        let trim: (CSVText.Record) -> Record = {
            Record(line: $0.line, fields: $0.fields.map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return DatasetCSV(file: name, header: trim(first).fields, records: parsed.dropFirst().map(trim))
    }

    /// Index of the header column `name`, or a `ModuleError` listing the header.
    public func column(_ name: String, module: String, keyPath: String?) throws(ModuleError) -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw ModuleError(
                module: module, keyPath: keyPath,
                message: "\(file) line 1: no column '\(name)' (header: \(header.joined(separator: ",")))")
        }
        return i
    }
}
