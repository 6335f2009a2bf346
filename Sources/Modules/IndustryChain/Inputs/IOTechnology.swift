import InputOutput
import LinearAlgebra
import ScenarioKit

/// The technology the module works with: the IO table's Leontief model with `I − A` factored
/// once (LU), the multipliers and linkages of `IOAnalysis`, and the indicator rows
/// (output, value added, imports, employment) impacts are reported in.
///
/// Money amounts inside are in the table's unit (万元 for the NBS tables);
/// `unitsPerYi` converts 亿元 to table units (10⁴ for 万元).
struct IOTechnology: Sendable {
    let sectors: [Sector]
    /// Gross output x (table units).
    let grossOutput: [Double]
    /// The factored model: every Leontief quantity is a solve with the same LU factors.
    let model: LeontiefModel
    /// Multipliers, Rasmussen/Ghosh linkages, key sectors, per-sector extraction, Type II.
    let analysis: IOAnalysisResult
    /// Reported quantities, output first.
    let indicators: [ImpactIndicator]
    /// Table money units per 亿元.
    let unitsPerYi: Double
    /// The closed-model terms when households are endogenous (Type II), else nil.
    let households: HouseholdTerms?

    /// Terms of the households-endogenous model (Miller & Blair §2.5): with labour-input
    /// coefficients hr, consumption coefficients hc, `u = L·hc` and `s = 1 − hr·L·hc`, the
    /// Type II output change is `Δx̄ = Δx + u·(hr·Δx)/s` for Type I `Δx = L·Δy`.
    struct HouseholdTerms: Sendable {
        var closure: HouseholdClosure
        var incomeCoefficients: [Double]
        var inducedOutput: [Double]
        var schurComplement: Double
    }

    /// Label of the value-added sum row appended to F.
    static let valueAddedLabel = "VA (VA001…VA004)"

    /// Prepares `table` (consumed: `Z` becomes `I − A` in place).
    /// - Throws: `ModuleError` for unknown F rows / Y columns (with the parameter's key path)
    ///   or a table that is not productive.
    init(
        table: consuming IOTable, settings: IndustryChainSettings, module: String
    ) throws(ModuleError) {
        let labels = table.factorLabels
        if let h = settings.households {
            guard labels.contains(h.incomeRow) else {
                throw ModuleError(module: module, keyPath: "households", message: "no F row '\(h.incomeRow)' in the IO table; F rows: \(labels.joined(separator: ", "))")
            }
            guard table.finalDemandLabels.contains(h.consumptionColumn) else {
                throw ModuleError(module: module, keyPath: "households", message: "no final-demand column '\(h.consumptionColumn)' in the IO table; columns: \(table.finalDemandLabels.joined(separator: ", "))")
            }
        }
        let employment: String?
        switch settings.employment {
        case .none: employment = nil
        case .automatic: employment = ImpactIndicator.employmentRow(labels)
        case let .row(r):
            guard labels.contains(r) else {
                throw ModuleError(module: module, keyPath: "employment_row", message: "no F row '\(r)' in the IO table; F rows: \(labels.joined(separator: ", ")) (use auto or none)")
            }
            employment = r
        }
        let vaRows = table.valueAddedLabels
        let importRow = ImpactIndicator.importRow(labels)
        let n = table.sectorCount
        let x = table.grossOutput
        let sectors = table.sectors
        let factors = table.factors
        /// Σ of the F rows `rows` per unit of output (0 for idle sectors).
        func coefficients(_ rows: [String]) -> [Double] {
            var total = [Double](repeating: 0, count: n)
            for label in rows {
                guard let r = labels.firstIndex(of: label) else { continue }
                for j in 0..<n { total[j] += factors[r, j] }
            }
            return (0..<n).map { x[$0] > 0 ? total[$0] / x[$0] : 0 }
        }
        let toYi = 1 / settings.ioUnitsPerYi
        var indicators = [ImpactIndicator(kind: .output, coefficients: [Double](repeating: 1, count: n), scale: toYi, unit: "亿元", rows: [])]
        if !vaRows.isEmpty {
            indicators.append(ImpactIndicator(kind: .valueAdded, coefficients: coefficients(vaRows), scale: toYi, unit: "亿元", rows: vaRows))
        }
        if let importRow {
            indicators.append(ImpactIndicator(kind: .imports, coefficients: coefficients([importRow]), scale: toYi, unit: "亿元", rows: [importRow]))
        }
        if let employment {
            indicators.append(ImpactIndicator(kind: .employment, coefficients: coefficients([employment]), scale: 1, unit: settings.employmentUnit, rows: [employment]))
        }
        let model: LeontiefModel
        let analysis: IOAnalysisResult
        do throws(IOAnalysisError) {
            // Value added as one more multiplier row of the analysis.
            if !vaRows.isEmpty { try table.appendFactorRowSums([FactorRowSum(label: Self.valueAddedLabel, rows: vaRows)]) }
            model = try LeontiefModel(table)
            analysis = try IOAnalysis.analyze(model, options: IOAnalysisOptions(households: settings.households, extraction: true))
        } catch {
            let key: String? = settings.households != nil && error.isHouseholdProblem ? "households" : nil
            throw ModuleError(module: module, keyPath: key, message: "\(error)")
        }
        var households: HouseholdTerms? = nil
        if let t = analysis.typeII {
            do throws(IOAnalysisError) {
                let u = try model.leontiefTimes(Matrix(column: t.consumptionCoefficients)).elements
                households = HouseholdTerms(
                    closure: t.closure, incomeCoefficients: t.incomeCoefficients, inducedOutput: u,
                    schurComplement: t.schurComplement)
            } catch {
                throw ModuleError(module: module, keyPath: "households", message: "\(error)")
            }
        }
        self.sectors = sectors
        self.grossOutput = x
        self.model = model
        self.analysis = analysis
        self.indicators = indicators
        self.unitsPerYi = settings.ioUnitsPerYi
        self.households = households
    }

    /// Multiplier of indicator `r` per unit of final demand for each sector: `cᵣᵀ·L`
    /// (dimensionless for money indicators; indicator units per table unit otherwise).
    func multipliers(_ r: Int) throws(ModuleError) -> [Double] {
        if indicators[r].kind == .output { return analysis.outputMultipliers }
        do throws(IOAnalysisError) {
            return try model.leontiefTransposeTimes(Matrix(column: indicators[r].coefficients)).elements
        } catch {
            throw ModuleError(module: IndustryChainSchema.id, message: "\(error)")
        }
    }
}

extension IOAnalysisError {
    /// True for the errors of the households-endogenous model.
    var isHouseholdProblem: Bool {
        switch self {
        case .closedModelNotProductive, .nonPositiveHouseholdIncome, .unknownFactorRow, .unknownFinalDemandColumn: return true
        default: return false
        }
    }
}
