import LinearAlgebra

/// Type II multipliers of the closed model with households endogenous (Miller & Blair 2009,
/// §2.5.2, §6.2.3).
///
/// Convention: with household income row h (an F row, e.g. `VA001` compensation of
/// employees) and household consumption column c (a Y column, e.g. `TC`),
/// - labour-input coefficients `hrⱼ = F[h, j] / xⱼ` (the household row of Ā),
/// - consumption coefficients `hcᵢ = Y[i, c] / W` with total household income `W = Σⱼ F[h, j]`
///   (the household column of Ā),
/// - the augmented (n+1) coefficient matrix `Ā = [[A, hc], [hr, 0]]` and `L̄ = (I − Ā)⁻¹`.
///
/// Type II output multipliers are the column sums of the first n rows of L̄ over the first n
/// columns; Type II extension multipliers are `S̄·L̄` over the first n columns with
/// `S̄ = [S, 0]` (households use no factor directly). Household income multipliers are
/// row n+1 of L̄ (equal to the Type II multipliers of row h itself).
///
/// Computed with the factors of `I − A` through the Schur complement, without a second
/// factorisation: with `z = (hr·L)ᵀ`, `u = L·hc` and `s = 1 − hr·L·hc`,
/// `L̄[0..<n, 0..<n] = L + u·zᵀ / s`, `L̄[n, 0..<n] = zᵀ / s`. The closed model is productive
/// if and only if `s > 0` (given a productive A and hr, hc ≥ 0).
public struct TypeIIMultipliers: Equatable, Sendable {
    /// The household closure used.
    public var closure: HouseholdClosure
    /// Total household income W = Σⱼ F[h, j] (table units).
    public var householdIncome: Double
    /// Consumption coefficients hcᵢ = Y[i, c] / W.
    public var consumptionCoefficients: [Double]
    /// Labour-input coefficients hrⱼ = F[h, j] / xⱼ.
    public var incomeCoefficients: [Double]
    /// The Schur complement s = 1 − hr·L·hc (> 0); 1/s is L̄ₙ₊₁,ₙ₊₁.
    public var schurComplement: Double
    /// Type II output multipliers m̄ⱼ = Σᵢ<n L̄ᵢⱼ.
    public var outputMultipliers: [Double]
    /// Ratio of Type II to Type I output multipliers (m̄ⱼ / mⱼ).
    public var outputMultiplierRatios: [Double]
    /// Type II extension multipliers (S̄·L̄)[r, j], one row per multiplier row of the result.
    public var multipliers: [LabelledValues]
    /// Ratios Type II / Type I of the extension multipliers (NaN where Type I is 0).
    public var multiplierRatios: [LabelledValues]
    /// Household income multipliers L̄ₙ₊₁,ⱼ: household income generated per unit of final
    /// demand for sector j, households endogenous.
    public var householdIncomeMultipliers: [Double]
}

extension TypeIIMultipliers {
    /// Computes Type II multipliers from the factored model.
    /// - Parameters:
    ///   - typeIOutput: Type I output multipliers m.
    ///   - typeIRows: Type I extension rows (label, S row, M row).
    static func compute(
        model: LeontiefModel, closure: HouseholdClosure, typeIOutput m: [Double],
        typeIRows: [(label: String, direct: [Double], multipliers: [Double])]
    ) throws(IOAnalysisError) -> TypeIIMultipliers {
        let n = model.sectorCount
        guard let h = model.factorLabels.firstIndex(of: closure.incomeRow) else {
            throw .unknownFactorRow(label: closure.incomeRow, available: model.factorLabels)
        }
        guard let c = model.finalDemandLabels.firstIndex(of: closure.consumptionColumn) else {
            throw .unknownFinalDemandColumn(label: closure.consumptionColumn, available: model.finalDemandLabels)
        }
        let hr = (0..<n).map { model.factorCoefficients[h, $0] }
        var income = 0.0
        for j in 0..<n { income += hr[j] * model.grossOutput[j] }
        guard income > 0 else { throw .nonPositiveHouseholdIncome(label: closure.incomeRow, total: income) }
        let hc = (0..<n).map { model.finalDemand[$0, c] / income }
        let solved = try model.leontiefSolves(forward: Matrix(column: hc), transposed: Matrix(column: hr))
        let z = solved.transposed.elements
        let u = solved.forward.elements
        var hrLhc = 0.0
        for i in 0..<n { hrLhc += hr[i] * u[i] }
        let s = 1 - hrLhc
        guard s > 0 else {
            throw .closedModelNotProductive(
                detail: "hr·L·hc = \(hrLhc) ≥ 1 for income row '\(closure.incomeRow)' and consumption column '\(closure.consumptionColumn)': households re-spend at least all the income they earn")
        }
        // m̄ = m + (1ᵀu)·z / s ; M̄_r = M_r + (S_r·u)·z / s.
        let sumU = u.reduce(0, +)
        let m2 = (0..<n).map { m[$0] + sumU * z[$0] / s }
        var rows: [LabelledValues] = []
        var ratios: [LabelledValues] = []
        for row in typeIRows {
            var su = 0.0
            for i in 0..<n { su += row.direct[i] * u[i] }
            let v = (0..<n).map { row.multipliers[$0] + su * z[$0] / s }
            rows.append(LabelledValues(label: row.label, values: v))
            ratios.append(LabelledValues(
                label: row.label,
                values: (0..<n).map { row.multipliers[$0] != 0 ? v[$0] / row.multipliers[$0] : .nan }))
        }
        return TypeIIMultipliers(
            closure: closure, householdIncome: income, consumptionCoefficients: hc,
            incomeCoefficients: hr, schurComplement: s, outputMultipliers: m2,
            outputMultiplierRatios: (0..<n).map { m2[$0] / m[$0] }, multipliers: rows,
            multiplierRatios: ratios, householdIncomeMultipliers: z.map { $0 / s })
    }
}
