/// The "local gap" of a sector: a **proxy** for how under-represented the sector is in
/// Binhai's industry mix compared with the national economy. There is no published
/// sector breakdown of Binhai's output, so it compares:
///
/// - the national output share `nⱼ = xⱼ / Σᵢ xᵢ` (the IO table), with
/// - Binhai's weight `bⱼ`: the scenario's industry mix (catalogue weights sₖ, the dataset's
///   `industries.csv` investment shares unless the scenario changes them, normalised to
///   Σ = 1) spread over sectors like national output:
///   `bⱼ = Σₖ sₖ·cⱼₖ·xⱼ / Xₖ + s_rest·(1 − cⱼ)·xⱼ / X_rest`, where cⱼₖ are the concordance
///   shares, `Xₖ = Σⱼ cⱼₖ xⱼ`, cⱼ = Σₖ cⱼₖ, and the industries the concordance does not
///   map (其他) share `s_rest` over the unmapped rest of every sector, `X_rest = Σⱼ (1 − cⱼ)·xⱼ`.
///
/// `gapⱼ = nⱼ − bⱼ` (share points; > 0: Binhai's mix gives the sector less weight than the
/// national economy does) and the location quotient `LQⱼ = bⱼ / nⱼ`. Within one industry the
/// split follows national output, so the gap only moves with the weights of whole industries;
/// with the default dataset (whose 1+3+4 weights are themselves split by national output) it
/// mainly says whether the 1+3+4 as a whole get more or less than their national weight.
enum LocalGap {
    /// bⱼ, or nil when the catalogue has no positive weights.
    static func localWeights(
        concordance: IndustryConcordance, catalogue: IndustryCatalogue, grossOutput x: [Double]
    ) -> [Double]? {
        let n = x.count
        let totalWeight = catalogue.entries.reduce(0) { $0 + max($1.weight, 0) }
        guard totalWeight > 0 else { return nil }
        let c = concordance.mappedShare(sectorCount: n)
        var b = [Double](repeating: 0, count: n)
        var rest = 0.0
        for entry in catalogue.entries {
            let s = max(entry.weight, 0) / totalWeight
            guard let members = concordance.members[entry.id] else { rest += s; continue }
            let xk = members.reduce(0) { $0 + $1.share * x[$1.sector] }
            guard xk > 0 else { rest += s; continue }
            for m in members { b[m.sector] += s * m.share * x[m.sector] / xk }
        }
        let xRest = (0..<n).reduce(0) { $0 + (1 - c[$1]) * x[$1] }
        if rest > 0 && xRest > 0 {
            for j in 0..<n { b[j] += rest * (1 - c[j]) * x[j] / xRest }
        }
        return b
    }

    /// nⱼ = xⱼ / Σ x.
    static func nationalShares(_ x: [Double]) -> [Double] {
        let total = x.reduce(0, +)
        return x.map { total > 0 ? $0 / total : 0 }
    }
}
