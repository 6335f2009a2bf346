import InputOutput
import LinearAlgebra

/// A quantity the impacts are reported in: Σⱼ coefficientⱼ·Δxⱼ × scale, e.g. value added
/// `Σⱼ (VAⱼ/xⱼ)·Δxⱼ` in 亿元.
struct ImpactIndicator: Sendable, Equatable {
    enum Kind: String, Sendable {
        /// Gross output Σⱼ Δxⱼ.
        case output
        /// Value added Σⱼ (Σ VA rows)ⱼ/xⱼ · Δxⱼ (VA001…VA004 in the NBS tables).
        case valueAdded = "value_added"
        /// Imported intermediate inputs (F row `IMPORTED_INTERMEDIATE`).
        case imports
        /// Employment (an F row such as `EMPLOYMENT`, in that row's unit).
        case employment
    }

    var kind: Kind
    /// Per unit of gross output (table units of the indicator per table money unit).
    var coefficients: [Double]
    /// Factor from table units to the reported unit (1/10⁴ from 万元 to 亿元; 1 for jobs).
    var scale: Double
    /// Reported unit, e.g. `亿元`, `persons`.
    var unit: String
    /// F rows it is made of (for notes).
    var rows: [String]

    var header: (zh: String, en: String) {
        switch kind {
        case .output: return ("总产出", "gross output")
        case .valueAdded: return ("增加值", "value added")
        case .imports: return ("进口中间投入", "imported intermediates")
        case .employment: return ("就业", "employment")
        }
    }
}

extension ImpactIndicator {
    /// The F row of imported intermediates, if any.
    static func importRow(_ labels: [String]) -> String? {
        labels.first { ["IMPORTED_INTERMEDIATE", "IMPORTS", "IMPORT"].contains($0.uppercased()) }
    }

    /// An F row that holds employment, if any (`EMPLOYMENT`, `JOBS`, `EMPLOYEES`, `EMPLOYMENT_…`).
    static func employmentRow(_ labels: [String]) -> String? {
        labels.first {
            let u = $0.uppercased()
            return ["EMPLOYMENT", "JOBS", "EMPLOYEES"].contains(u) || u.hasPrefix("EMPLOYMENT")
        }
    }
}
