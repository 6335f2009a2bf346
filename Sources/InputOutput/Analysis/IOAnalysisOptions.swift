import LinearAlgebra

/// Households made endogenous for Type II multipliers (Miller & Blair 2009, §2.5 and §6.2):
/// the household row is a factor row of `F` (labour income, e.g. `VA001` compensation of
/// employees) and the household column is a final-demand column of `Y` (household
/// consumption, e.g. `TC`).
public struct HouseholdClosure: Equatable, Sendable {
    /// Label of the F row used as household income (`VA001` in the NBS tables).
    public var incomeRow: String
    /// Label of the Y column used as household consumption (`TC` in the NBS tables).
    public var consumptionColumn: String

    public init(incomeRow: String = "VA001", consumptionColumn: String = "TC") {
        self.incomeRow = incomeRow
        self.consumptionColumn = consumptionColumn
    }

    /// Parses `"ROW:COLUMN"`, e.g. `"VA001:TC"`; `nil` if it is not of that form.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(incomeRow: String(parts[0]), consumptionColumn: String(parts[1]))
    }
}

/// A sum of factor rows reported as one more multiplier row, e.g. value added
/// `VA = VA001 + VA002 + VA003 + VA004`.
public struct FactorRowSum: Equatable, Sendable {
    /// Label of the combined row in the results.
    public var label: String
    /// F rows that are added.
    public var rows: [String]

    public init(label: String, rows: [String]) {
        self.label = label
        self.rows = rows
    }
}

/// What `IOAnalysis.analyze` computes beyond the always-present multipliers and linkages.
/// The n × n matrices are only formed when asked for here.
public struct IOAnalysisOptions: Sendable {
    /// Include `A = Z·x̂⁻¹` in the result.
    public var includeTechnicalCoefficients = false
    /// Include `L = (I − A)⁻¹` in the result.
    public var includeLeontiefInverse = false
    /// Include the Ghosh inverse `G = (I − B)⁻¹ = x̂⁻¹·L·x̂` in the result.
    public var includeGhoshInverse = false
    /// Compute Type II multipliers with households endogenous.
    public var households: HouseholdClosure? = nil
    /// Compute hypothetical-extraction losses for every sector.
    public var extraction = false
    /// Compute `Δx = L·Δy` for these final-demand changes.
    public var demandChange: DemandScenarios? = nil
    /// Extra multiplier rows made of sums of F rows (e.g. total value added).
    public var factorRowSums: [FactorRowSum] = []
    /// How `I − A` is solved (default `.automatic`: GMRES for large tables when no n × n
    /// matrix is formed, LU otherwise).
    public var solver: LeontiefSolverChoice = .automatic

    public init(
        includeTechnicalCoefficients: Bool = false, includeLeontiefInverse: Bool = false,
        includeGhoshInverse: Bool = false, households: HouseholdClosure? = nil,
        extraction: Bool = false, demandChange: DemandScenarios? = nil,
        factorRowSums: [FactorRowSum] = [], solver: LeontiefSolverChoice = .automatic
    ) {
        self.includeTechnicalCoefficients = includeTechnicalCoefficients
        self.includeLeontiefInverse = includeLeontiefInverse
        self.includeGhoshInverse = includeGhoshInverse
        self.households = households
        self.extraction = extraction
        self.demandChange = demandChange
        self.factorRowSums = factorRowSums
        self.solver = solver
    }
}
