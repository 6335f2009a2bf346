// pass-bench N KF KT RUNS: best wall time of
//   one-pass  TwoSidedProduct.products(M, times: X, transposeTimes: W)   (what GMRES runs)
//   dgemm×2   Matrix.product(M, X) and Matrix.product(M, W, transA: .transposed)  (BLAS, same library)
// on a random n × n M (uniform [0, 1)/n, like I − A's scale), X n × KF, W n × KT, and the largest
// relative difference between the two results. Prints one JSON line.
import Foundation
import LinearAlgebra

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
guard args.count == 4, args[0] > 0, args[1] >= 0, args[2] >= 0, args[3] > 0 else {
    FileHandle.standardError.write(Data("usage: pass-bench N KF KT RUNS\n".utf8))
    exit(2)
}
let (n, kf, kt, runs) = (args[0], args[1], args[2], args[3])
/// Uniform on [0, 1) from a 64-bit LCG (Knuth's MMIX constants).
struct Uniform {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) * 0x1.0p-53
    }
}
var rng = Uniform()
var m = Matrix(rows: n, columns: n)
for k in 0..<(n * n) { m.elements[k] = rng.next() / Double(n) }
var x = Matrix(rows: n, columns: kf), w = Matrix(rows: n, columns: kt)
for k in 0..<(n * kf) { x.elements[k] = rng.next() }
for k in 0..<(n * kt) { w.elements[k] = rng.next() }

func best(_ body: () throws -> Void) rethrows -> Double {
    var t = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        t = min(t, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
    }
    return t
}

var fused = (forward: Matrix(rows: 0, columns: 0), transposed: Matrix(rows: 0, columns: 0))
var blas = fused
let onePass = best { fused = TwoSidedProduct.products(m, times: x, transposeTimes: w) }
let twoGemm = try best { blas = (try Matrix.product(m, x), try Matrix.product(m, w, transA: .transposed)) }
var diff = 0.0
for (a, b) in zip(fused.forward.elements + fused.transposed.elements, blas.forward.elements + blas.transposed.elements) {
    diff = max(diff, abs(a - b) / max(abs(a), abs(b), 1e-300))
}
print("{\"n\": \(n), \"kf\": \(kf), \"kt\": \(kt), \"runs\": \(runs), \"kernel\": \"\(TwoSidedProduct.kernel)\", "
    + "\"one_pass_s\": \(onePass), \"two_dgemm_s\": \(twoGemm), \"max_rel_diff\": \(diff)}")
