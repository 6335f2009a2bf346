import InputOutput
import LinearAlgebra
import Reports

extension IOResultRenderer {
    /// The JSON document: one object; vectors in the order of `sectors`, matrices as lists of rows.
    public func writeJSON(to sink: OutputSink) throws {
        var w = JSONWriter { try sink.write($0) }
        try w.beginObject()
        try w.member("source", source)
        try w.member("sectors", strings: result.sectors.map(\.code))
        try w.key("sector_names")
        try w.beginObject()
        try w.member("zh", strings: result.sectors.map { $0.nameZh ?? "" })
        try w.member("en", strings: result.sectors.map { $0.nameEn ?? "" })
        try w.endObject()
        try w.member("x", numbers: result.grossOutput)
        try w.member("output_multipliers", numbers: result.outputMultipliers)
        try w.key("multipliers")
        try labelled(&w, result.multipliers)
        try w.key("direct_coefficients")
        try labelled(&w, result.directCoefficients)
        try w.member("backward_linkage", numbers: result.backwardLinkage)
        try w.member("forward_linkage", numbers: result.forwardLinkage)
        try w.member("ghosh_row_sums", numbers: result.ghoshRowSums)
        try w.member("key_sectors", strings: result.keySectors.map(\.rawValue))
        try w.key("conventions")
        try w.beginObject()
        try w.member("output_multipliers", "column sums of L = (I - A)^-1, A = Z x^-1 (Type I)")
        try w.member("multipliers", "M = S L with S = F x^-1, per unit of final demand; VA = sum of VA rows when present")
        try w.member("backward_linkage", "Rasmussen: column sums of L / mean column sum")
        try w.member("forward_linkage", "Ghosh: row sums of G = (I - B)^-1, B = x^-1 Z, / mean row sum")
        try w.member("key_sectors", "key: BL>1 and FL>1; backward: BL>1 only; forward: FL>1 only; weak: neither")
        try w.endObject()
        try writeDiagnostics(&w)
        if let regional { try regional.writeJSON(&w) }
        if let t2 = result.typeII {
            try w.key("type_ii")
            try w.beginObject()
            try w.member("household_row", t2.closure.incomeRow)
            try w.member("household_column", t2.closure.consumptionColumn)
            try w.member("convention",
                "closed model: household row h_j = F[row,j]/x_j, household column c_i = Y[i,column]/sum_j F[row,j]; Type II = first n rows and columns of (I - A_bar)^-1")
            try w.member("household_income", t2.householdIncome)
            try w.member("output_multipliers", numbers: t2.outputMultipliers)
            try w.member("output_multiplier_ratios", numbers: t2.outputMultiplierRatios)
            try w.member("household_income_multipliers", numbers: t2.householdIncomeMultipliers)
            try w.key("multipliers")
            try labelled(&w, t2.multipliers)
            try w.endObject()
        }
        if let ex = result.extraction {
            try w.key("extraction")
            try w.beginObject()
            try w.member("total_output", ex.totalOutput)
            try w.member("backward_loss", numbers: ex.backwardLoss)
            try w.member("forward_loss", numbers: ex.forwardLoss)
            try w.member("backward_loss_share", numbers: ex.backwardLossShare)
            try w.member("forward_loss_share", numbers: ex.forwardLossShare)
            try w.endObject()
        }
        if let dc = result.demandChange {
            try w.key("demand_change")
            try w.beginObject()
            try w.member("scenarios", strings: dc.scenarios)
            try w.key("delta_y")
            try w.beginObject()
            for (k, s) in dc.scenarios.enumerated() { try w.member(s, numbers: dc.demandChange.column(k)) }
            try w.endObject()
            try w.key("delta_x")
            try w.beginObject()
            for (k, s) in dc.scenarios.enumerated() { try w.member(s, numbers: dc.outputChange.column(k)) }
            try w.endObject()
            try w.member("total_output_change", numbers: dc.totalOutputChange)
            try w.key("factor_changes")
            try labelled(&w, dc.factorChanges)
            try w.endObject()
        }
        if let a = result.technicalCoefficients { try matrix(&w, "technical_coefficients", a) }
        if let l = result.leontiefInverse { try matrix(&w, "leontief_inverse", l) }
        if let g = result.ghoshInverse { try matrix(&w, "ghosh_inverse", g) }
        try w.endObject()
        try w.flush()
    }

    private func labelled(_ w: inout JSONWriter, _ rows: [LabelledValues]) throws {
        try w.beginObject()
        for r in rows { try w.member(r.label, numbers: r.values) }
        try w.endObject()
    }

    private func matrix(_ w: inout JSONWriter, _ name: String, _ m: Matrix) throws {
        try w.member(name, rows: m.rows, columns: m.columns) { i, j in m[i, j] }
    }

    private func writeDiagnostics(_ w: inout JSONWriter) throws {
        let d = result.diagnostics
        let p = d.productivity
        try w.key("diagnostics")
        try w.beginObject()
        try w.member("productivity_method", p.method.rawValue)
        if let lb = p.spectralRadiusLowerBound { try w.member("spectral_radius_lower_bound", lb) }
        if let ub = p.spectralRadiusUpperBound { try w.member("spectral_radius_upper_bound", ub) }
        if let e = p.spectralRadius { try w.member("spectral_radius", e) }
        try w.member("has_negative_coefficients", p.hasNegativeCoefficients)
        try w.member("reciprocal_condition_number", p.reciprocalConditionNumber)
        try w.member("max_relative_balance_residual", d.maxRelativeBalanceResidual)
        try w.member("gross_output_computed", d.grossOutputIsComputed)
        try w.member("idle_sectors", strings: d.idleSectors)
        try w.member("solver", d.solver.method.rawValue)
        if let passes = d.solver.matrixPasses { try w.member("solver_matrix_passes", passes) }
        if let r = d.solver.largestRelativeResidual { try w.member("solver_largest_relative_residual", r) }
        if let why = d.solver.fallbackReason { try w.member("solver_fallback_reason", why) }
        try w.endObject()
        try w.member("warnings", strings: d.warnings)
    }
}
