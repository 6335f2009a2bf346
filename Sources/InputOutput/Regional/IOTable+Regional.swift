import LinearAlgebra

extension IOTable {
    /// The regional table of this national table: coefficients r_ij = a_ij · min(1, LQ_ij)
    /// (`Regionalization`), on the region's gross output x^r_i = (RE_i/TRE) · (TRE/TNE) · TNE.
    /// Z^r = R·x̂^r; final demand balances each row, y^r = x^r − Z^r·1 (one column `FD`, which
    /// includes the region's exports to the rest of the country); factor rows keep their per-unit
    /// coefficients (F^r = S·x̂^r), and a row `IMPORTED_FROM_REST_OF_NATION` holds the inputs the
    /// region buys from the rest of the nation, Σ_i (a_ij − r_ij)·x^r_j.
    ///
    /// Since 0 ≤ r_ij ≤ a_ij, a regional table of a productive table is productive and its
    /// multipliers never exceed the national ones.
    public func regionalized(_ r: Regionalization, weights: RegionalWeights) throws(IOAnalysisError) -> IOTable {
        try checkShapes()
        let n = sectorCount
        let x = grossOutput
        let tne = x.reduce(0, +)
        let xr = (0..<n).map { weights.outputShares[$0] * weights.regionToNation * tne }
        var z = Matrix(rows: n, columns: n)
        var leakage = [Double](repeating: 0, count: n)
        for j in 0..<n {
            guard x[j] > 0 else { continue }
            for i in 0..<n {
                let a = intermediate[i, j] / x[j]
                let rij = r.regional(a, row: i, column: j)
                z[i, j] = rij * xr[j]
                leakage[j] += (a - rij) * xr[j]
            }
        }
        let rowSums = z.rowSums
        var y = Matrix(rows: n, columns: 1)
        for i in 0..<n { y[i, 0] = xr[i] - rowSums[i] }
        var f = Matrix(rows: factors.rows + 1, columns: n)
        for j in 0..<n {
            for k in 0..<factors.rows { f[k, j] = x[j] > 0 ? factors[k, j] / x[j] * xr[j] : 0 }
            f[factors.rows, j] = leakage[j]
        }
        return try IOTable(
            sectors: sectors, intermediate: z, finalDemand: y, finalDemandLabels: ["FD"], factors: f,
            factorLabels: factorLabels + ["IMPORTED_FROM_REST_OF_NATION"], grossOutput: xr)
    }
}
