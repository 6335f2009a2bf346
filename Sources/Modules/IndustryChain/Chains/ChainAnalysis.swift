import InputOutput
import LinearAlgebra
import ScenarioKit

/// What the module finds for one chain.
struct ChainProfile: Sendable, Equatable {
    var chain: IndustryChain
    /// Chain multiplier of each indicator, Σⱼ wⱼₖ·Mᵣⱼ (Mᵣ = cᵣᵀL; for output the Type I
    /// output multiplier): the indicator's total per unit of final demand for the chain's
    /// products. Same order as `IOTechnology.indicators`.
    var multipliers: [Double]
    /// Σⱼ wⱼₖ·BLⱼ (Rasmussen, mean over sectors 1).
    var backwardLinkage: Double
    /// Σⱼ wⱼₖ·FLⱼ (Ghosh, mean over sectors 1).
    var forwardLinkage: Double
    var keySector: KeySectorClass
    /// Extraction of the whole chain (all its sectors at once, by their shares).
    var extraction: ChainExtraction
    /// The chain's direct and indirect input requirements from each sector per unit of final
    /// demand for the chain, `(L − I)·wₖ` (dimensionless): its supply links.
    var requirements: [Double]
    /// Extraction of each member alone (by its share), aligned with `chain.members`: which
    /// link, if it went missing, would cost most.
    var memberExtraction: [ChainExtraction]
}

/// Linkages, key sectors and hypothetical extraction of the chains, with L's columns for the
/// chains' sectors and `L·W` for all chains from one solve each.
struct ChainAnalysis: Sendable {
    var profiles: [ChainProfile]
    /// Σ x (table units), the base of extraction shares.
    var totalOutput: Double
    /// Mᵣⱼ per indicator and sector.
    var sectorMultipliers: [[Double]]

    init(chains: IndustryChainSet, technology t: IOTechnology) throws(ModuleError) {
        let n = t.sectors.count
        let x = t.grossOutput
        let a = t.analysis
        var multipliers: [[Double]] = []
        for r in t.indicators.indices { multipliers.append(try t.multipliers(r)) }
        let w = (0..<n).map { a.ghoshRowSums[$0] * x[$0] }
        let columns = try LeontiefColumns(model: t.model, sectors: chains.chains.flatMap { $0.members.map(\.sector) })
        var weights = Matrix(rows: n, columns: chains.chains.count)
        for (k, chain) in chains.chains.enumerated() {
            for j in 0..<n { weights[j, k] = chain.weights[j] }
        }
        let lw: Matrix
        do throws(IOAnalysisError) {
            lw = try t.model.leontiefTimes(weights)
        } catch {
            throw ModuleError(module: IndustryChainSchema.id, message: "\(error)")
        }
        var profiles: [ChainProfile] = []
        for (k, chain) in chains.chains.enumerated() {
            let wk = chain.weights
            func weighted(_ v: [Double]) -> Double { (0..<n).reduce(0) { $0 + wk[$1] * v[$1] } }
            let bl = weighted(a.backwardLinkage), fl = weighted(a.forwardLinkage)
            let extraction = try ChainExtraction.compute(
                members: chain.members, columns: columns, outputMultipliers: a.outputMultipliers,
                grossOutput: x, leontiefTimesOutput: w)
            var memberExtraction: [ChainExtraction] = []
            for m in chain.members {
                memberExtraction.append(try ChainExtraction.compute(
                    members: [m], columns: columns, outputMultipliers: a.outputMultipliers,
                    grossOutput: x, leontiefTimesOutput: w))
            }
            profiles.append(ChainProfile(
                chain: chain, multipliers: multipliers.map(weighted), backwardLinkage: bl, forwardLinkage: fl,
                keySector: KeySectorClass(backward: bl, forward: fl), extraction: extraction,
                requirements: (0..<n).map { lw[$0, k] - wk[$0] }, memberExtraction: memberExtraction))
        }
        self.profiles = profiles
        self.totalOutput = x.reduce(0, +)
        self.sectorMultipliers = multipliers
    }
}
