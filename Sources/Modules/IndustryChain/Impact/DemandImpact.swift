import InputOutput
import LinearAlgebra
import ScenarioKit

/// Indicator totals of final-demand changes: for every column c of Δy (n × k, table units),
/// `Δx = L·Δy` in ONE multi-right-hand-side solve with the model's LU factors (LAPACK
/// `dgetrs`), then `R·Δx` (BLAS `dgemm`) for the indicator rows R (output 1ᵀ, value-added,
/// import and employment coefficients).
///
/// Type II (households endogenous) without a second factorisation: with hr, `u = L·hc` and
/// `s = 1 − hr·u` of `IOTechnology.HouseholdTerms`, `Δx̄ = Δx + u·(hr·Δx)/s`, so
/// `R·Δx̄ = R·Δx + (R·u)·(hr·Δx)/s`.
struct DemandImpact: Sendable {
    /// Type I totals, indicators × columns, in the indicators' reported units.
    var typeI: Matrix
    /// Type II totals, or nil without households.
    var typeII: Matrix?
    /// Δx (n × k, table units), Type I.
    var outputChange: Matrix

    init(_ demand: Matrix, technology t: IOTechnology) throws(ModuleError) {
        let n = t.sectors.count
        let r = t.indicators.count
        var rows = Matrix(rows: r + (t.households == nil ? 0 : 1), columns: n)
        for (i, indicator) in t.indicators.enumerated() {
            for j in 0..<n { rows[i, j] = indicator.coefficients[j] }
        }
        if let h = t.households {
            for j in 0..<n { rows[r, j] = h.incomeCoefficients[j] }
        }
        let dx: Matrix
        let totals: Matrix
        do {
            dx = try t.model.leontiefTimes(demand)
            totals = try Matrix.product(rows, dx)
        } catch {
            throw ModuleError(module: IndustryChainSchema.id, message: "Leontief solve failed: \(error)")
        }
        var one = Matrix(rows: r, columns: demand.columns)
        for c in 0..<demand.columns {
            for i in 0..<r { one[i, c] = totals[i, c] * t.indicators[i].scale }
        }
        typeI = one
        if let h = t.households {
            var ru = [Double](repeating: 0, count: r)
            for i in 0..<r {
                for j in 0..<n { ru[i] += t.indicators[i].coefficients[j] * h.inducedOutput[j] }
            }
            var two = Matrix(rows: r, columns: demand.columns)
            for c in 0..<demand.columns {
                let induced = totals[r, c] / h.schurComplement
                for i in 0..<r { two[i, c] = (totals[i, c] + ru[i] * induced) * t.indicators[i].scale }
            }
            typeII = two
        } else {
            typeII = nil
        }
        outputChange = dx
    }
}
