import LinearAlgebra

/// A labelled vector in sector order, e.g. the multipliers of one F row.
public struct LabelledValues: Equatable, Sendable {
    /// The row label, e.g. `VA001`.
    public var label: String
    /// One value per sector (or per scenario, where stated).
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}

/// Key-sector class from the Rasmussen backward linkage BL and the Ghosh forward linkage FL
/// (both normalised so that their mean over sectors is 1).
public enum KeySectorClass: String, Equatable, Sendable, CaseIterable {
    /// BL > 1 and FL > 1: strong buyer and strong supplier.
    case key
    /// BL > 1 only: pulls on its suppliers more than the average sector.
    case backward
    /// FL > 1 only: pushes into its buyers more than the average sector.
    case forward
    /// BL ≤ 1 and FL ≤ 1.
    case weak

    /// The class for a pair of linkages.
    public init(backward bl: Double, forward fl: Double) {
        switch (bl > 1, fl > 1) {
        case (true, true): self = .key
        case (true, false): self = .backward
        case (false, true): self = .forward
        case (false, false): self = .weak
        }
    }
}

/// Everything `IOAnalysis.analyze` computed. Vectors are in the order of `sectors`; money
/// amounts are in the table's unit (万元 for the NBS tables); multipliers and linkages are
/// dimensionless (per unit of final demand).
public struct IOAnalysisResult: Equatable, Sendable {
    /// The sectors (code, names).
    public var sectors: [Sector]
    /// Gross output x.
    public var grossOutput: [Double]
    /// Type I output multipliers mⱼ = Σᵢ Lᵢⱼ: total output in all sectors per unit of final
    /// demand for sector j (solved as (I − A)ᵀ·m = 1).
    public var outputMultipliers: [Double]
    /// Direct factor coefficients, one row per F row (and per `factorRowSums` entry):
    /// sⱼ = Fⱼ / xⱼ, e.g. value added per unit of output.
    public var directCoefficients: [LabelledValues]
    /// Type I extension multipliers `M = S·L`, one row per F row (and `factorRowSums` entry):
    /// factor use in the whole economy per unit of final demand for sector j.
    public var multipliers: [LabelledValues]
    /// Rasmussen backward linkage BLⱼ = Σᵢ Lᵢⱼ / ((1/n) Σᵢⱼ Lᵢⱼ) = mⱼ / mean(m).
    public var backwardLinkage: [Double]
    /// Ghosh forward linkage FLᵢ = Σⱼ Gᵢⱼ / ((1/n) Σᵢⱼ Gᵢⱼ), G = (I − B)⁻¹, B = x̂⁻¹Z.
    /// Computed without forming G: Σⱼ Gᵢⱼ = (L·x)ᵢ / xᵢ.
    public var forwardLinkage: [Double]
    /// Ghosh row sums gᵢ = Σⱼ Gᵢⱼ (output-supply multipliers), 1 for idle sectors.
    public var ghoshRowSums: [Double]
    /// Key-sector class of each sector.
    public var keySectors: [KeySectorClass]
    /// `A = Z·x̂⁻¹`, when asked for.
    public var technicalCoefficients: Matrix?
    /// `L = (I − A)⁻¹`, when asked for.
    public var leontiefInverse: Matrix?
    /// `G = x̂⁻¹·L·x̂`, when asked for.
    public var ghoshInverse: Matrix?
    /// Type II multipliers, when households were made endogenous.
    public var typeII: TypeIIMultipliers?
    /// Hypothetical-extraction losses, when asked for.
    public var extraction: HypotheticalExtraction?
    /// Effects of final-demand changes, when given.
    public var demandChange: DemandChangeResult?
    /// Checks and warnings.
    public var diagnostics: IODiagnostics
}

/// Checks made during the analysis.
public struct IODiagnostics: Equatable, Sendable {
    /// How the productive-economy condition ρ(A) < 1 was established, with bounds and the
    /// reciprocal condition number of `I − A`.
    public var productivity: ProductivityReport
    /// Largest relative balance residual |Σⱼ Zᵢⱼ + Σₖ Yᵢₖ − xᵢ| / xᵢ (0 when x was computed).
    public var maxRelativeBalanceResidual: Double
    /// True when x was computed as row sums of Z and Y.
    public var grossOutputIsComputed: Bool
    /// Codes of idle sectors (x = 0, no flows; coefficients taken as 0).
    public var idleSectors: [String]
    /// Human-readable warnings (ill-conditioning, unbalanced rows, idle sectors, estimates).
    public var warnings: [String]
    /// How `I − A` was solved.
    public var solver: LeontiefSolverReport
}
