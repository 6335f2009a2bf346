import LibC

/// Tables of the 256-layer ziggurat for the standard normal (Marsaglia & Tsang 2000, with the layer
/// index, the sign and the 52-bit abscissa taken from disjoint bits of one 64-bit output, so they are
/// independent — the fix of Doornik 2005 — and the exact Marsaglia tail for the base layer). The
/// method is exact: every output is N(0, 1) up to the 52-bit resolution of the abscissa.
/// Immutable after `init`; one shared instance.
public final class ZigguratTable: @unchecked Sendable {
    @usableFromInline let storage: UnsafeMutablePointer<Double>

    /// The shared tables (3 × 256 doubles).
    public static let shared = ZigguratTable()

    @usableFromInline static let r = 3.6541528853610088
    @usableFromInline static let inverseR = 1 / 3.6541528853610088

    private init() {
        storage = .allocate(capacity: 3 * 256)
        let ki = storage, wi = storage + 256, fi = storage + 512
        let m = 4_503_599_627_370_496.0  // 2^52
        var dn = Self.r
        var tn = dn
        let vn = 0.00492867323399
        let q = vn / exp(-0.5 * dn * dn)
        ki[0] = (dn / q) * m
        ki[1] = 0
        wi[0] = q / m
        wi[255] = dn / m
        fi[0] = 1
        fi[255] = exp(-0.5 * dn * dn)
        var i = 254
        while i >= 1 {
            dn = (-2 * log(vn / dn + exp(-0.5 * dn * dn))).squareRoot()
            ki[i + 1] = (dn / tn) * m  // x_i / x_{i+1}: the part of layer i + 1 entirely under f
            tn = dn
            fi[i] = exp(-0.5 * dn * dn)
            wi[i] = dn / m
            i -= 1
        }
    }

    /// A non-owning view for the hot loop (valid while the table lives; `shared` always does).
    @usableFromInline var view: ZigguratView { ZigguratView(base: storage) }
}

/// Non-owning view of a `ZigguratTable`: ki (acceptance bounds as doubles), wi (widths / 2^52), fi (f at layer edges).
@frozen @usableFromInline
struct ZigguratView: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<Double>
    @inlinable init(base: UnsafeMutablePointer<Double>) { self.base = base }
}

extension RandomStream {
    /// Standard normal N(0, 1) by the ziggurat (one 64-bit output and no logarithm in 99 % of calls).
    @inlinable
    public mutating func normalZiggurat() -> Double {
        let t = ZigguratTable.shared
        return withExtendedLifetime(t) { normal(t.view) }
    }

    @inlinable @inline(__always)
    mutating func normal(_ z: ZigguratView) -> Double {
        while true {
            let bits = next()
            let i = Int(truncatingIfNeeded: bits & 0xFF)
            let negative = (bits >> 8) & 1 != 0
            let rabs = Double(bits >> 12)  // 52 bits, disjoint from the 9 used above
            let x0 = rabs * z.base[256 + i]
            if rabs < z.base[i] { return negative ? -x0 : x0 }
            if let v = normalSlow(z, i, x0, negative) { return v }
        }
    }

    /// The 1 % of ziggurat draws outside the inner rectangles: the base layer's tail, or the wedge test.
    @inlinable
    mutating func normalSlow(_ z: ZigguratView, _ i: Int, _ x0: Double, _ negative: Bool) -> Double? {
        if i == 0 {
            // Tail beyond r (Marsaglia 1964): x = r − ln(U₁)/r accepted when −2 ln U₂ > (x − r)².
            while true {
                let xx = -ZigguratTable.inverseR * log(uniform())
                let yy = -log(uniform())
                if yy + yy > xx * xx { return negative ? -(ZigguratTable.r + xx) : ZigguratTable.r + xx }
            }
        }
        let fi = z.base + 512
        if (fi[i - 1] - fi[i]) * uniform() + fi[i] < exp(-0.5 * x0 * x0) { return negative ? -x0 : x0 }
        return nil
    }
}
