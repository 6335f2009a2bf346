import Foundation

/// Small dataset and IO-table folders written to a temporary directory, so that a module that
/// reads files (an IO table, a concordance) is tested without shipping fixtures.
public enum TestFolders {
    /// A new temporary folder holding `files` (name → text).
    public static func folder(files: [String: String] = [:]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenariokit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name), options: .atomic)
        }
        return dir
    }

    /// An IO-table folder in the NBS layout (`Z.csv`, `Y.csv`, optional `F.csv`, `x.csv`,
    /// `sectors.csv`; first column `code`, first row labels).
    ///
    /// ```swift
    /// // Miller & Blair, table 2.3: two sectors.
    /// let io = try TestFolders.ioTable(
    ///     codes: ["1", "2"], z: [[150, 500], [200, 100]],
    ///     finalDemand: [("FU201", [1150, 1700])], x: [1000, 2000],
    ///     factors: [("VA", [650, 1400])])
    /// ```
    /// - Parameters:
    ///   - z: intermediate flows, `z[i][j]` from sector i to sector j.
    ///   - finalDemand: final-demand columns (label, one value per sector), e.g. `TC`, `FU201`, `EX`.
    ///   - x: total outputs (omit to leave `x.csv` out).
    ///   - factors: factor rows (label, one value per sector), e.g. `VA`, `IMPORTED_INTERMEDIATE`.
    ///   - names: sector names (zh, en); default the codes.
    public static func ioTable(
        codes: [String], z: [[Double]], finalDemand: [(String, [Double])], x: [Double]? = nil,
        factors: [(String, [Double])] = [], names: [(zh: String, en: String)]? = nil
    ) throws -> URL {
        let n = codes.count
        precondition(z.count == n && z.allSatisfy { $0.count == n }, "z must be n × n")
        func line(_ cells: [String]) -> String { cells.map(csvField).joined(separator: ",") }
        func num(_ v: Double) -> String { v.description }
        var files: [String: String] = [:]
        files["Z.csv"] = ([line(["code"] + codes)] + (0..<n).map { i in line([codes[i]] + z[i].map(num)) })
            .joined(separator: "\n") + "\n"
        files["Y.csv"] = ([line(["code"] + finalDemand.map(\.0))]
            + (0..<n).map { i in line([codes[i]] + finalDemand.map { num($0.1[i]) }) }).joined(separator: "\n") + "\n"
        if !factors.isEmpty {
            files["F.csv"] = ([line(["code"] + codes)] + factors.map { line([$0.0] + $0.1.map(num)) })
                .joined(separator: "\n") + "\n"
        }
        if let x {
            files["x.csv"] = ([line(["code", "x"])] + (0..<n).map { line([codes[$0], num(x[$0])]) })
                .joined(separator: "\n") + "\n"
        }
        let labels = names ?? codes.map { (zh: $0, en: $0) }
        files["sectors.csv"] = ([line(["code", "name_en", "name_zh"])]
            + (0..<n).map { line([codes[$0], labels[$0].en, labels[$0].zh]) }).joined(separator: "\n") + "\n"
        return try folder(files: files)
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
