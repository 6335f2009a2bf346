import LinearAlgebra

/// Input-output (Leontief / Ghosh) analysis of a table with one LU factorisation of `I − A`,
/// or, for large tables that need no n × n result, GMRES on `I − A` without factoring it
/// (`IOAnalysisOptions.solver`, `LeontiefSolverChoice`).
///
/// Always computed, with two multi-right-hand-side solves (the model's standard solves):
/// - `(I − A)ᵀ·[m, Mᵀ] = [1, Sᵀ]`: output multipliers m (column sums of L) and extension
///   multipliers `M = S·L` for every F row;
/// - `(I − A)·[v, w] = [1, x]`: `v = L·1` for the productivity check and `w = L·x` for the
///   Ghosh row sums `g = x̂⁻¹·L·x` (because `G = x̂⁻¹·L·x̂`);
/// - Rasmussen backward linkage `BL = m / mean(m)`, Ghosh forward linkage `FL = g / mean(g)`,
///   key-sector classes.
///
/// Optional (see `IOAnalysisOptions`): A, L, G (n × n, only formed when asked; extraction
/// forms L for its diagonal), Type II multipliers, hypothetical extraction, demand changes.
///
/// ```swift
/// let table = try IOFolderReader.read(URL(fileURLWithPath: "nbs-2020-42"))
/// var options = IOAnalysisOptions()
/// options.households = HouseholdClosure(incomeRow: "VA001", consumptionColumn: "TC")
/// options.extraction = true
/// let result = try IOAnalysis.analyze(table, options: options)
/// for (sector, m) in zip(result.sectors, result.outputMultipliers) {
///     print(sector.displayName, m)          // "11 石油、炼焦产品和核燃料加工品 1.9608…"
/// }
/// ```
public enum IOAnalysis {
    /// Analyses `table`. Pass the table as its last use so that `Z` is turned into `I − A` in
    /// place without a copy.
    /// - Throws: `IOAnalysisError` (not productive, singular, unknown F row / Y column, …).
    public static func analyze(
        _ table: consuming IOTable, options: IOAnalysisOptions = IOAnalysisOptions()
    ) throws(IOAnalysisError) -> IOAnalysisResult {
        let balance = table.maxRelativeBalanceResidual
        let computedX = table.grossOutputIsComputed
        // Extra rows (sums of F rows) are appended to the model's factor rows.
        try table.appendFactorRowSums(options.factorRowSums)
        let solver = options.solver.resolved(
            sectors: table.sectorCount,
            formsInverse: options.includeLeontiefInverse || options.includeGhoshInverse || options.extraction)
        let model = try LeontiefModel(
            table, keepTechnicalCoefficients: options.includeTechnicalCoefficients, solver: solver)
        return try analyze(model, options: options, balanceResidual: balance, grossOutputIsComputed: computedX)
    }

    /// Analyses an already factored model (e.g. to reuse it for several option sets).
    public static func analyze(
        _ model: LeontiefModel, options: IOAnalysisOptions = IOAnalysisOptions(),
        balanceResidual: Double = 0, grossOutputIsComputed: Bool = false
    ) throws(IOAnalysisError) -> IOAnalysisResult {
        let n = model.sectorCount
        let x = model.grossOutput
        let s = model.factorCoefficients
        let nf = s.rows

        // The model's standard solves: m = 1ᵀL, M = S·L, w = L·x.
        let m = model.outputMultipliers
        var direct: [LabelledValues] = []
        var multipliers: [LabelledValues] = []
        for r in 0..<nf {
            direct.append(LabelledValues(label: model.factorLabels[r], values: s.row(r)))
            multipliers.append(LabelledValues(label: model.factorLabels[r], values: model.factorMultipliers[r]))
        }

        // Ghosh row sums g = x̂⁻¹·L·x (1 for idle sectors).
        let w = model.leontiefTimesGrossOutput
        let g = (0..<n).map { x[$0] > 0 ? w[$0] / x[$0] : 1 }

        let meanM = m.reduce(0, +) / Double(max(n, 1))
        let meanG = g.reduce(0, +) / Double(max(n, 1))
        let bl = m.map { $0 / meanM }
        let fl = g.map { $0 / meanG }
        let classes = (0..<n).map { KeySectorClass(backward: bl[$0], forward: fl[$0]) }

        // L only when needed.
        var l: Matrix? = nil
        if options.includeLeontiefInverse || options.includeGhoshInverse || options.extraction {
            l = try model.leontiefInverse()
        }
        var ghosh: Matrix? = nil
        if options.includeGhoshInverse, var gm = l {
            // G = x̂⁻¹·L·x̂; idle rows/columns are unit vectors.
            for j in 0..<n {
                for i in 0..<n {
                    if x[i] > 0 { gm[i, j] = gm[i, j] * x[j] / x[i] } else { gm[i, j] = i == j ? 1 : 0 }
                }
            }
            ghosh = gm
        }
        var extraction: HypotheticalExtraction? = nil
        if options.extraction, let l {
            extraction = HypotheticalExtraction.compute(
                grossOutput: x, outputMultipliers: m, ghoshRowSums: g,
                leontiefDiagonal: (0..<n).map { l[$0, $0] })
        }
        var typeII: TypeIIMultipliers? = nil
        if let closure = options.households {
            typeII = try TypeIIMultipliers.compute(
                model: model, closure: closure, typeIOutput: m,
                typeIRows: (0..<nf).map { (model.factorLabels[$0], direct[$0].values, multipliers[$0].values) })
        }
        var demand: DemandChangeResult? = nil
        if let scenarios = options.demandChange {
            let dx = try model.leontiefTimes(scenarios.changes)
            let sdx: Matrix
            do { sdx = try Matrix.product(s, dx) } catch { throw .linearAlgebra("\(error)") }
            demand = DemandChangeResult(
                scenarios: scenarios.labels, demandChange: scenarios.changes, outputChange: dx,
                totalOutputChange: dx.columnSums,
                factorChanges: (0..<nf).map { LabelledValues(label: model.factorLabels[$0], values: sdx.row($0)) })
        }

        // Every number reported must be finite; an overflow names the quantity, the sector and
        // the input responsible instead of printing null and still classifying sectors.
        func finite(_ values: [Double], _ quantity: String, _ input: String) throws(IOAnalysisError) {
            if let k = values.firstIndex(where: { !$0.isFinite }) {
                throw .nonFiniteResult(quantity: quantity, sector: model.sectors[k % max(n, 1)].displayName, input: input)
            }
        }
        let tableInput = "a value in Z.csv, Y.csv, F.csv or x.csv"
        try finite(x, "gross output", tableInput)
        try finite(m, "the output multiplier", tableInput)
        try finite(g, "the forward (Ghosh) row sum", tableInput)
        for r in multipliers { try finite(r.values, "the \(r.label) multiplier", "the F.csv row \(r.label)") }
        if let typeII { try finite(typeII.outputMultipliers, "the Type II output multiplier", "the household row or column") }
        if let extraction {
            try finite(extraction.backwardLoss, "the backward extraction loss", tableInput)
            try finite(extraction.forwardLoss, "the forward extraction loss", tableInput)
        }
        if let demand {
            try finite(demand.outputChange.elements, "the output change", "a value of the demand-change file")
            for (k, total) in demand.totalOutputChange.enumerated() where !total.isFinite {
                throw .nonFiniteResult(
                    quantity: "the total output change of demand scenario \(demand.scenarios[k])", sector: "(all sectors)",
                    input: "a value of the demand-change file")
            }
            for r in demand.factorChanges { try finite(r.values, "the \(r.label) change", "a value of the demand-change file") }
        }

        var warnings: [String] = []
        let rcond = model.productivity.reciprocalConditionNumber
        if rcond < 1e-10 {
            warnings.append("I − A is ill-conditioned (reciprocal condition number \(rcond)); results may have few correct digits")
        }
        if balanceResidual > 1e-6 {
            warnings.append("rows do not balance: max relative |Z·1 + Y·1 − x| / x = \(balanceResidual)")
        }
        let idle = model.idleSectors.map { model.sectors[$0].code }
        if !idle.isEmpty {
            warnings.append("idle sectors (x = 0, coefficients taken as 0): \(idle.joined(separator: ", "))")
        }
        if let neg = try model.negativeInverseEntry() {
            warnings.append("the Leontief inverse has a negative entry \(neg.value) (row \(neg.row), column \(neg.column)); the table has negative coefficients, and while ρ(A) < 1 the model holds, a negative entry means more final demand there lowers another sector's output")
        }
        if options.extraction && balanceResidual > 1e-6 {
            warnings.append("extraction holds fixed the final demand and value added implied by x: y = (I − A)·x and v = x − 1ᵀZ; they differ from Y.csv and F.csv because the rows do not balance")
        }
        if model.productivity.method == .powerIteration {
            warnings.append("A has negative entries; ρ(A) ≈ \(model.productivity.spectralRadius ?? .nan) estimated by power iteration, not proven < 1")
        }
        return IOAnalysisResult(
            sectors: model.sectors, grossOutput: x, outputMultipliers: m,
            directCoefficients: direct, multipliers: multipliers, backwardLinkage: bl,
            forwardLinkage: fl, ghoshRowSums: g, keySectors: classes,
            technicalCoefficients: options.includeTechnicalCoefficients ? model.technicalCoefficients : nil,
            leontiefInverse: options.includeLeontiefInverse ? l : nil, ghoshInverse: ghosh,
            typeII: typeII, extraction: extraction, demandChange: demand,
            diagnostics: IODiagnostics(
                productivity: model.productivity, maxRelativeBalanceResidual: balanceResidual,
                grossOutputIsComputed: grossOutputIsComputed, idleSectors: idle, warnings: warnings,
                solver: model.solverReport))
    }
}
