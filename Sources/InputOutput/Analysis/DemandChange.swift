import Foundation
import LinearAlgebra

/// One or more final-demand changes Δy (one column per scenario), in sector order and the
/// table's money unit.
///
/// File form (`DemandScenarios.read`): header `code,<scenario names…>`, then one row per
/// sector that changes, `code,<Δy per scenario>`. Rows may come in any order; sectors not
/// listed have Δy = 0; codes must be sectors of the table (else `IOReadError.unknownSector`
/// with file and line) and may appear once.
///
/// ```
/// code,new-energy-plant,more-exports
/// 18,500000,0
/// 20,,          ← error: empty cell (write 0)
/// ```
public struct DemandScenarios: Equatable, Sendable {
    /// Scenario names (the header labels).
    public var labels: [String]
    /// Δy, n × k (sectors × scenarios).
    public var changes: Matrix

    /// Scenarios from a matrix with one column per label.
    /// - Throws: `IOAnalysisError.invalidTable` if the column count differs from the labels.
    public init(labels: [String], changes: Matrix) throws(IOAnalysisError) {
        guard changes.columns == labels.count else {
            throw .invalidTable("demand change has \(changes.columns) columns for \(labels.count) scenario names")
        }
        self.labels = labels
        self.changes = changes
    }

    /// Reads a demand-change CSV for a table with these sectors.
    /// - Throws: `IOReadError` naming the file, line and column.
    public static func read(path: String, sectors: [Sector]) throws(IOReadError) -> DemandScenarios {
        let t = try NumericCSVReader.read(path: path)
        var index: [String: Int] = [:]
        for (i, s) in sectors.enumerated() { index[s.code] = i }
        var dy = Matrix(rows: sectors.count, columns: t.columnLabels.count)
        var seen = Set<String>()
        for (r, code) in t.rowLabels.enumerated() {
            guard let i = index[code] else {
                throw .unknownSector(FileLocation(file: path, line: t.rowLines[r], column: 1), code: code)
            }
            guard seen.insert(code).inserted else {
                throw .duplicateLabel(FileLocation(file: path, line: t.rowLines[r], column: 1), label: code)
            }
            for k in 0..<t.columnLabels.count { dy[i, k] = t.values[r, k] }
        }
        return DemandScenarios(uncheckedLabels: t.columnLabels, changes: dy)
    }

    /// Reads a demand-change CSV (see `read(path:sectors:)`).
    public static func read(_ url: URL, sectors: [Sector]) throws(IOReadError) -> DemandScenarios {
        try read(path: url.path, sectors: sectors)
    }

    private init(uncheckedLabels: [String], changes: Matrix) {
        self.labels = uncheckedLabels
        self.changes = changes
    }
}

/// The effect of final-demand changes in the Leontief demand model: Δx = L·Δy.
public struct DemandChangeResult: Equatable, Sendable {
    /// Scenario names.
    public var scenarios: [String]
    /// Δy (n × k).
    public var demandChange: Matrix
    /// Δx = L·Δy (n × k), all scenarios in one solve.
    public var outputChange: Matrix
    /// Σᵢ Δxᵢ per scenario.
    public var totalOutputChange: [Double]
    /// Σⱼ Sᵣⱼ·Δxⱼ per scenario for every multiplier row r (e.g. value added, imports induced).
    public var factorChanges: [LabelledValues]
}
