import Foundation

/// A region's sector weights as a dataset keeps them: `regional-weights.csv`
/// (`io_code,region_output_share,status,basis`: RE_i/TRE per IO sector) and `regional-total.csv`
/// (`quantity,value,status,basis`, the row `tre_over_tne`: TRE/TNE). Binhai's defaults are in
/// `builtin:binhai-default`; replace them with the statistical yearbook's sector figures.
public struct RegionalWeightsFile: Sendable {
    /// Share by IO sector code, with its status (published / derived / assumed).
    public var shares: [String: Double]
    public var status: [String: String]
    /// TRE / TNE.
    public var regionToNation: Double

    /// Reads both files from `folder`.
    /// - Throws: `IOReadError` naming the file and line.
    public static func read(_ folder: URL) throws -> RegionalWeightsFile {
        let weightsPath = folder.appendingPathComponent("regional-weights.csv").path
        let totalPath = folder.appendingPathComponent("regional-total.csv").path
        let weights = try records(weightsPath, required: ["io_code", "region_output_share"])
        var shares: [String: Double] = [:], status: [String: String] = [:]
        for (line, row) in weights.rows {
            let code = row["io_code"] ?? ""
            guard let v = Double(row["region_output_share"] ?? ""), v.isFinite, v >= 0 else {
                throw IOReadError.nonNumericCell(FileLocation(file: weightsPath, line: line), cell: row["region_output_share"] ?? "")
            }
            guard shares[code] == nil else { throw IOReadError.duplicateLabel(FileLocation(file: weightsPath, line: line), label: code) }
            shares[code] = v
            status[code] = row["status"] ?? ""
        }
        let totals = try records(totalPath, required: ["quantity", "value"])
        guard let (line, row) = totals.rows.first(where: { $0.1["quantity"] == "tre_over_tne" }) else {
            throw IOReadError.badHeader(FileLocation(file: totalPath, line: 1), reason: "no row tre_over_tne (the region's gross output relative to the nation's)")
        }
        guard let ratio = Double(row["value"] ?? ""), ratio.isFinite, ratio > 0, ratio <= 1 else {
            throw IOReadError.nonNumericCell(FileLocation(file: totalPath, line: line), cell: row["value"] ?? "")
        }
        return RegionalWeightsFile(shares: shares, status: status, regionToNation: ratio)
    }

    /// The weights in the order of `sectors`.
    /// - Throws: `IOAnalysisError.invalidTable` naming a sector without a weight.
    public func weights(for sectors: [Sector]) throws(IOAnalysisError) -> RegionalWeights {
        var out: [Double] = []
        for s in sectors {
            guard let v = shares[s.code] else { throw .invalidTable("regional-weights.csv has no weight for sector \(s.displayName)") }
            out.append(v)
        }
        return try RegionalWeights(outputShares: out, regionToNation: regionToNation)
    }

    static func records(_ path: String, required: [String]) throws -> (header: [String], rows: [(Int, [String: String])]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw IOReadError.missingFile(path: path) }
        let parsed: [CSVText.Record]
        do {
            parsed = try CSVText.parse([UInt8](data))
        } catch {
            if case let .notUTF8(line, problem) = error { throw IOReadError.notUTF8(path: path, line: line, problem: problem) }
            throw IOReadError.badQuote(FileLocation(file: path, line: 1), reason: "\(error)")
        }
        guard let head = parsed.first else { throw IOReadError.emptyFile(path: path) }
        let header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for r in required where !header.contains(r) {
            throw IOReadError.badHeader(FileLocation(file: path, line: head.line), reason: "no column \(r); expected \(required.joined(separator: ","))")
        }
        let rows = parsed.dropFirst().map { rec -> (Int, [String: String]) in
            var row: [String: String] = [:]
            for (k, name) in header.enumerated() where k < rec.fields.count { row[name] = rec.fields[k].trimmingCharacters(in: .whitespaces) }
            return (rec.line, row)
        }
        return (header, rows)
    }
}
