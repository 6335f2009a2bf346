import LinearAlgebra

/// An input-output table in memory. Values are in the table's money unit (万元 = 10⁴ CNY for
/// the NBS tables); `sectors`, the rows and columns of `intermediate`, the rows of
/// `finalDemand`, the columns of `factors` and `grossOutput` are all in the same sector order.
///
/// Read one from a folder with `IOFolderReader.read(_:)`, or build one in code.
public struct IOTable: Sendable {
    /// The sectors, in the order of rows and columns.
    public var sectors: [Sector]
    /// Intermediate flows `Z` (n × n): `Z[i, j]` is what sector j buys from sector i.
    public var intermediate: Matrix
    /// Final demand `Y` (n × k), one column per category (e.g. `TC`, `FU201`, `FU202`, `EX`).
    public var finalDemand: Matrix
    /// Labels of the final-demand columns.
    public var finalDemandLabels: [String]
    /// Factor inputs / satellite accounts `F` (m × n), e.g. `VA001` compensation of employees,
    /// `IMPORTED_INTERMEDIATE`; m may be 0.
    public var factors: Matrix
    /// Labels of the factor rows.
    public var factorLabels: [String]
    /// Gross output `x` (length n).
    public var grossOutput: [Double]
    /// True when `x` was computed as row sums of `Z` plus row sums of `Y` (no `x.csv`).
    public var grossOutputIsComputed: Bool

    /// Number of sectors n.
    public var sectorCount: Int { sectors.count }

    /// A table from arrays. When `grossOutput` is `nil` it is computed as `Z·1 + Y·1`.
    /// - Throws: `IOAnalysisError.invalidTable` when shapes or labels do not fit,
    ///   `invalidGrossOutput` for x < 0 or non-finite values.
    public init(
        sectors: [Sector], intermediate: Matrix, finalDemand: Matrix, finalDemandLabels: [String],
        factors: Matrix? = nil, factorLabels: [String] = [], grossOutput: [Double]? = nil
    ) throws(IOAnalysisError) {
        self.sectors = sectors
        self.intermediate = intermediate
        self.finalDemand = finalDemand
        self.finalDemandLabels = finalDemandLabels
        self.factors = factors ?? Matrix(rows: 0, columns: sectors.count)
        self.factorLabels = factorLabels
        self.grossOutputIsComputed = grossOutput == nil
        if let grossOutput {
            self.grossOutput = grossOutput
        } else if intermediate.rows == sectors.count && finalDemand.rows == sectors.count {
            self.grossOutput = zip(intermediate.rowSums, finalDemand.rowSums).map { $0 + $1 }
        } else {
            self.grossOutput = []
        }
        for (name, labels) in [("sector codes", sectors.map(\.code)), ("Y columns", finalDemandLabels), ("F rows", factorLabels)] {
            if Set(labels).count != labels.count { throw .invalidTable("duplicate \(name)") }
        }
        for (name, m) in [("Z", intermediate), ("Y", finalDemand), ("F", self.factors)] {
            if !m.isAllFinite, let k = m.elements.firstIndex(where: { !$0.isFinite }) {
                throw .invalidTable("\(name) has a non-finite value at row \(k % m.rows + 1), column \(k / m.rows + 1)")
            }
        }
        try checkShapes()
    }

    /// Largest relative balance residual `|Σⱼ Zᵢⱼ + Σₖ Yᵢₖ − xᵢ| / max(|xᵢ|, tiny)` over the
    /// sectors: 0 when `x` was computed, and ~1e-15 for a well-converted published table.
    /// NaN if the arrays no longer fit together.
    public var maxRelativeBalanceResidual: Double {
        if (try? checkShapes()) == nil { return .nan }
        let z = intermediate.rowSums, y = finalDemand.rowSums
        var worst = 0.0
        for i in 0..<sectors.count {
            let residual = abs(z[i] + y[i] - grossOutput[i])
            if residual == 0 { continue }
            // Relative to the sector's size (x, or its flows when x = 0), so never ∞ or NaN.
            let scale = max(abs(grossOutput[i]), abs(z[i]) + abs(y[i]))
            worst = max(worst, scale > 0 && scale.isFinite ? residual / scale : 1)
        }
        return worst
    }

    /// Column sums of the factor rows with these labels (e.g. value added = `VA001…VA004`).
    /// - Throws: `unknownFactorRow` for a label that is not in `factorLabels`, `invalidTable` if
    ///   the arrays no longer fit together.
    public func factorTotal(rows labels: [String]) throws(IOAnalysisError) -> [Double] {
        try checkShapes()
        var total = [Double](repeating: 0, count: sectors.count)
        for label in labels {
            guard let r = factorLabels.firstIndex(of: label) else {
                throw .unknownFactorRow(label: label, available: factorLabels)
            }
            for j in 0..<sectors.count { total[j] += factors[r, j] }
        }
        return total
    }

    /// The factor rows that are value added: codes starting with `VA`, in any case (the NBS rows
    /// VA001 labour compensation … VA004 operating surplus). The one rule every reader uses.
    public var valueAddedLabels: [String] { factorLabels.filter { $0.uppercased().hasPrefix("VA") } }

    /// Total value added as a summed factor row `VA` = Σ `valueAddedLabels`, when the table has at
    /// least two value-added rows and no `VA` row of its own (nil otherwise).
    public var valueAddedSum: FactorRowSum? {
        let rows = valueAddedLabels
        guard rows.count >= 2, !factorLabels.contains("VA") else { return nil }
        return FactorRowSum(label: "VA", rows: rows)
    }

    /// Appends one factor row per `sums` entry, each the sum of the named F rows (e.g. total value
    /// added `VA = VA001 + … + VA004`), so it gets its own multipliers.
    /// - Throws: `unknownFactorRow` when a named row is not in F.
    public mutating func appendFactorRowSums(_ sums: [FactorRowSum]) throws(IOAnalysisError) {
        guard !sums.isEmpty else { return }
        let totals = try sums.map { sum throws(IOAnalysisError) in try factorTotal(rows: sum.rows) }
        var f = Matrix(rows: factors.rows + sums.count, columns: factors.columns)
        for j in 0..<factors.columns {
            for r in 0..<factors.rows { f[r, j] = factors[r, j] }
            for (k, total) in totals.enumerated() { f[factors.rows + k, j] = total[j] }
        }
        factors = f
        factorLabels += sums.map(\.label)
    }

    /// Checks that the arrays still fit together (the properties are mutable).
    func checkShapes() throws(IOAnalysisError) {
        let n = sectors.count
        guard intermediate.rows == n, intermediate.columns == n else {
            throw .invalidTable("Z is \(intermediate.rows)×\(intermediate.columns), expected \(n)×\(n) for \(n) sectors")
        }
        guard finalDemand.rows == n, finalDemand.columns == finalDemandLabels.count else {
            throw .invalidTable("Y is \(finalDemand.rows)×\(finalDemand.columns), expected \(n) rows and \(finalDemandLabels.count) labelled columns")
        }
        guard factors.columns == n, factors.rows == factorLabels.count else {
            throw .invalidTable("F is \(factors.rows)×\(factors.columns), expected \(factorLabels.count) labelled rows and \(n) columns")
        }
        guard grossOutput.count == n else { throw .invalidTable("x has \(grossOutput.count) entries, expected \(n)") }
        for (j, v) in grossOutput.enumerated() where !(v >= 0) || !v.isFinite {
            throw .invalidGrossOutput(sector: sectors[j].displayName, value: v)
        }
    }

    /// Sectors with zero gross output and no flows at all: their coefficients are taken as 0
    /// (an idle sector). A sector with `x = 0` and some flow is an error.
    /// - Returns: indices of idle sectors.
    func idleSectors() throws(IOAnalysisError) -> [Int] {
        var idle: [Int] = []
        let n = sectors.count
        for j in 0..<n where grossOutput[j] == 0 {
            var flows = false
            for i in 0..<n where intermediate[i, j] != 0 || intermediate[j, i] != 0 { flows = true; break }
            for r in 0..<factors.rows where factors[r, j] != 0 { flows = true; break }
            for k in 0..<finalDemand.columns where finalDemand[j, k] != 0 { flows = true; break }
            if flows { throw .zeroGrossOutputWithFlows(sector: sectors[j].displayName) }
            idle.append(j)
        }
        return idle
    }
}
