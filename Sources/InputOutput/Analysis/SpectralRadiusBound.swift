import Foundation
import LinearAlgebra

/// Private spectral-radius checks for coefficient matrices with negative entries (where the
/// cheap Collatz–Wielandt test on `(I − A)⁻¹·1` does not apply). Only matrix–vector products:
/// no copy of the n × n matrix.
enum SpectralRadiusBound {
    /// A rigorous upper bound of ρ(A) ≤ ρ(|A|) ≤ maxᵢ (|A|u)ᵢ / uᵢ for a positive u, with u
    /// improved by power iteration on |A| (Collatz–Wielandt). `nil` if no positive u was kept.
    static func upperBoundViaAbsolute(_ a: Matrix, iterations: Int = 60) -> Double? {
        let n = a.rows
        if n == 0 { return 0 }
        var u = [Double](repeating: 1, count: n)
        var best = Double.infinity
        var w = [Double](repeating: 0, count: n)
        for _ in 0..<iterations {
            absProduct(a, u, into: &w)
            var ratio = 0.0
            var norm = 0.0
            for i in 0..<n {
                ratio = max(ratio, w[i] / u[i])
                norm = max(norm, w[i])
            }
            best = min(best, ratio)
            if best < 1 - 1e-6 || norm == 0 { return norm == 0 ? 0 : best }
            // Next u: positive mix keeps every entry > 0 (needed for the bound).
            for i in 0..<n { u[i] = w[i] / norm + 1e-12 }
        }
        return best.isFinite ? best : nil
    }

    /// An estimate of ρ(A) from the growth of ‖Aᵏu‖ (works for complex dominant eigenvalues,
    /// where a plain Rayleigh quotient would not): the geometric mean growth over the last
    /// half of `iterations` steps.
    static func powerEstimate(_ a: Matrix, iterations: Int = 300) -> Double {
        let n = a.rows
        if n == 0 { return 0 }
        // A deterministic start with all components non-zero and not aligned to structure.
        var u = (0..<n).map { 1 + 0.5 * Double(($0 * 7919) % 101) / 101 }
        var logGrowth = 0.0
        var counted = 0
        for k in 0..<iterations {
            guard let w = try? a.multiply(u) else { return .nan }
            let norm = w.reduce(0) { max($0, abs($1)) }
            let prev = u.reduce(0) { max($0, abs($1)) }
            if norm == 0 { return 0 }
            if k >= iterations / 2 {
                logGrowth += log(norm / prev)
                counted += 1
            }
            u = w.map { $0 / norm }
        }
        return exp(logGrowth / Double(max(counted, 1)))
    }

    /// w = |A|·u.
    private static func absProduct(_ a: Matrix, _ u: [Double], into w: inout [Double]) {
        let n = a.rows
        for i in 0..<n { w[i] = 0 }
        a.elements.withUnsafeBufferPointer { pa in
            for j in 0..<a.columns {
                let uj = u[j]
                let base = j * n
                for i in 0..<n { w[i] += abs(pa[base + i]) * uj }
            }
        }
    }
}
