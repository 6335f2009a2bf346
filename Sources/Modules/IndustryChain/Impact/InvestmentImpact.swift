import InputOutput
import LinearAlgebra
import ScenarioKit

/// How the forecast's investment becomes Δx.
enum ImpactStrategy: Sendable, Equatable {
    /// The linearity shortcut when the bridge is common to all industries (`fu201`), the
    /// per-industry solve otherwise.
    case automatic
    /// Always build Δy = B·I per draw and year and solve for all of them (the general path).
    case perIndustrySolve
}

/// The impacts of the forecast's investment in place, per draw and year.
struct ImpactDraws: Sendable {
    var years: Int
    var draws: Int
    /// Type I totals per indicator, year-major (`[r][y·draws + d]`), in the indicators' units.
    var typeI: [[Double]]
    /// Type II totals (households endogenous), or nil.
    var typeII: [[Double]]?
    /// Investment in place behind Δy per (year, draw), 亿元.
    var investment: [Double]
    /// Type I output change by sector summed over the years, per draw (n × draws, 亿元).
    var sectorOutput: Matrix
    /// The path taken.
    var usedLinearity: Bool
}

/// Turns the engine's investment in place (亿元, by industry, per draw and year) into final
/// demand for investment goods and its impact.
///
/// General path (per-industry bridges): with K industries and the K × (T·D) matrix I of
/// investment (亿元 × table units per 亿元), `Δy = B·I` (BLAS `dgemm`, n × T·D) and
/// `Δx = L·Δy` for all draws × years as the right-hand sides of one solve with the one LU
/// factorisation of `I − A` (in column blocks of at most `maximumBlockElements` numbers, which
/// is a single block for ≤ 190 000 draws × years at 42 sectors).
///
/// Linearity shortcut (one bridge b for every industry, the `fu201` form): Δy = b·Itotal, so
/// `Δx = (L·b)·Itotal` — one solve with one right-hand side, then a scaling per draw and
/// year. Both paths give the same numbers (tested); the shortcut is exact, not an approximation.
enum InvestmentImpact {
    /// Largest Δy block (n × columns numbers) solved at once.
    static let maximumBlockElements = 8_000_000

    static func compute(
        _ outputs: EngineOutputs, bridge: InvestmentBridge, technology t: IOTechnology,
        strategy: ImpactStrategy = .automatic
    ) throws(ModuleError) -> ImpactDraws {
        let module = IndustryChainSchema.id
        let n = t.sectors.count
        let years = outputs.years.count
        let draws = outputs.draws
        let columns = years * draws
        let r = t.indicators.count
        let outputScale = t.indicators[0].scale
        var typeI = [[Double]](repeating: [Double](repeating: 0, count: columns), count: r)
        var typeII: [[Double]]? = t.households == nil ? nil : typeI
        var sectorOutput = Matrix(rows: n, columns: draws)
        var investment = [Double](repeating: 0, count: columns)

        let industries = outputs.byIndustry.keys.sorted()
        let useShortcut = bridge.common != nil && (strategy == .automatic || industries.isEmpty)
        if let b = bridge.common, useShortcut {
            guard outputs.investmentInPlace.values.count == columns else {
                throw ModuleError(module: module, message: "the forecast's investment table has \(outputs.investmentInPlace.values.count) values for \(years) years × \(draws) draws")
            }
            let perYi = try DemandImpact(Matrix(column: b.map { $0 * t.unitsPerYi }), technology: t)
            for c in 0..<columns {
                let amount = outputs.investmentInPlace.values[c]
                investment[c] = amount
                for i in 0..<r { typeI[i][c] = perYi.typeI[i, 0] * amount }
                if let two = perYi.typeII {
                    for i in 0..<r { typeII?[i][c] = two[i, 0] * amount }
                }
            }
            for d in 0..<draws {
                var total = 0.0
                for y in 0..<years { total += investment[y * draws + d] }
                for j in 0..<n { sectorOutput[j, d] = perYi.outputChange[j, 0] * total * outputScale }
            }
            return ImpactDraws(
                years: years, draws: draws, typeI: typeI, typeII: typeII, investment: investment,
                sectorOutput: sectorOutput, usedLinearity: true)
        }

        guard !industries.isEmpty else {
            throw ModuleError(module: module, keyPath: "bridge", message: "a per-industry bridge needs the forecast's investment by industry, and the forecast has none")
        }
        var bridgeMatrix = Matrix(rows: n, columns: industries.count)
        var tables: [[Double]] = []
        for (k, id) in industries.enumerated() {
            guard let composition = bridge.composition(for: id) else {
                throw ModuleError(module: module, keyPath: "bridge", message: "industry '\(id)' of the forecast has no column in the bridge \(bridge.source)")
            }
            guard let table = outputs.byIndustry[id], table.values.count == columns else {
                throw ModuleError(module: module, message: "the forecast's investment of industry '\(id)' does not have \(years) years × \(draws) draws")
            }
            for j in 0..<n { bridgeMatrix[j, k] = composition[j] }
            tables.append(table.values)
        }
        let kCount = industries.count
        let block = max(1, maximumBlockElements / max(n, kCount, 1))
        var c0 = 0
        while c0 < columns {
            let c1 = min(columns, c0 + block)
            var amounts = Matrix(rows: kCount, columns: c1 - c0)
            for c in c0..<c1 {
                var total = 0.0
                for k in 0..<kCount {
                    let v = tables[k][c]
                    amounts[k, c - c0] = v * t.unitsPerYi
                    total += v
                }
                investment[c] = total
            }
            let demand: Matrix
            do {
                demand = try Matrix.product(bridgeMatrix, amounts)
            } catch {
                throw ModuleError(module: module, message: "bridge product failed: \(error)")
            }
            let impact = try DemandImpact(demand, technology: t)
            for c in c0..<c1 {
                for i in 0..<r { typeI[i][c] = impact.typeI[i, c - c0] }
                if let two = impact.typeII {
                    for i in 0..<r { typeII?[i][c] = two[i, c - c0] }
                }
                let d = c % max(draws, 1)
                for j in 0..<n { sectorOutput[j, d] += impact.outputChange[j, c - c0] * outputScale }
            }
            c0 = c1
        }
        return ImpactDraws(
            years: years, draws: draws, typeI: typeI, typeII: typeII, investment: investment,
            sectorOutput: sectorOutput, usedLinearity: false)
    }
}
