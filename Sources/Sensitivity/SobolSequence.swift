/// The Sobol' low-discrepancy sequence (unscrambled), with the direction numbers of Joe & Kuo
/// (2008, "new-joe-kuo-6.21201", first 40 dimensions after the first), generated exactly like
/// SALib's `sobol_sequence.sample` (point 0 is the origin; 31-bit integers).
///
/// Direction numbers: Copyright (c) 2008, Frances Y. Kuo and Stephen Joe; redistributed under
/// their BSD-style licence (as in SALib): redistributions keep this notice; no endorsement;
/// provided "as is" without warranty.
public struct SobolSequence: Sendable {
    /// Joe–Kuo direction data per dimension 2, 3, …: the polynomial's coefficient bits `a`, then
    /// the initial direction integers m₁ … m_s (s = the polynomial's degree).
    static let directions: [[UInt64]] = [
        [0, 1],
        [1, 1, 3],
        [1, 1, 3, 1],
        [2, 1, 1, 1],
        [1, 1, 1, 3, 3],
        [4, 1, 3, 5, 13],
        [2, 1, 1, 5, 5, 17],
        [4, 1, 1, 5, 5, 5],
        [7, 1, 1, 7, 11, 19],
        [11, 1, 1, 5, 1, 1],
        [13, 1, 1, 1, 3, 11],
        [14, 1, 3, 5, 5, 31],
        [1, 1, 3, 3, 9, 7, 49],
        [13, 1, 1, 1, 15, 21, 21],
        [16, 1, 3, 1, 13, 27, 49],
        [19, 1, 1, 1, 15, 7, 5],
        [22, 1, 3, 1, 15, 13, 25],
        [25, 1, 1, 5, 5, 19, 61],
        [1, 1, 3, 7, 11, 23, 15, 103],
        [4, 1, 3, 7, 13, 13, 15, 69],
        [7, 1, 1, 3, 13, 7, 35, 63],
        [8, 1, 3, 5, 9, 1, 25, 53],
        [14, 1, 3, 1, 13, 9, 35, 107],
        [19, 1, 3, 1, 5, 27, 61, 31],
        [21, 1, 1, 5, 11, 19, 41, 61],
        [28, 1, 3, 5, 3, 3, 13, 69],
        [31, 1, 1, 7, 13, 1, 19, 1],
        [32, 1, 3, 7, 5, 13, 19, 59],
        [37, 1, 1, 3, 9, 25, 29, 41],
        [41, 1, 3, 5, 13, 23, 1, 55],
        [42, 1, 3, 7, 3, 13, 59, 17],
        [50, 1, 3, 1, 3, 5, 53, 69],
        [55, 1, 1, 5, 5, 23, 33, 13],
        [56, 1, 1, 7, 7, 1, 61, 123],
        [59, 1, 1, 7, 9, 13, 61, 49],
        [62, 1, 3, 3, 5, 3, 55, 33],
        [14, 1, 3, 1, 15, 31, 13, 49, 245],
        [21, 1, 3, 5, 15, 31, 59, 63, 97],
        [22, 1, 3, 1, 11, 11, 11, 77, 249],
        [38, 1, 3, 1, 11, 27, 43, 71, 9],
    ]

    /// Most dimensions available.
    public static let maximumDimensions = directions.count + 1

    public let dimensions: Int
    /// v[i][j]: direction number j (1-based bit) of dimension i, as a 31-bit integer.
    let v: [[UInt64]]
    static let scale = 31

    /// - Precondition-free: `dimensions` is clamped to 1 … `maximumDimensions`; callers check.
    public init(dimensions: Int, bits: Int = 31) {
        let d = max(1, min(dimensions, Self.maximumDimensions))
        let L = min(bits, Self.scale)
        var v: [[UInt64]] = []
        for i in 0..<d {
            var w = [UInt64](repeating: 0, count: L + 1)
            if i == 0 {
                for j in 1...L { w[j] = 1 << UInt64(Self.scale - j) }
            } else {
                let m = Self.directions[i - 1]
                let a = m[0]
                let s = m.count - 1
                if L <= s {
                    for j in 1...L { w[j] = m[j] << UInt64(Self.scale - j) }
                } else {
                    for j in 1...s { w[j] = m[j] << UInt64(Self.scale - j) }
                    for j in (s + 1)...L {
                        w[j] = w[j - s] ^ (w[j - s] >> UInt64(s))
                        for k in 1..<s where (a >> UInt64(s - 1 - k)) & 1 == 1 { w[j] ^= w[j - k] }
                    }
                }
            }
            v.append(w)
        }
        self.dimensions = d
        self.v = v
    }

    /// The first `count` points (count × dimensions, row-major), point 0 the origin.
    public func points(_ count: Int) -> [[Double]] {
        guard count > 0 else { return [] }
        var out = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: count)
        var x = [UInt64](repeating: 0, count: dimensions)
        let denominator = Double(1 << UInt64(Self.scale))
        for j in 1..<count {
            var value = j - 1, c = 1
            while value & 1 != 0 { value >>= 1; c += 1 }
            for i in 0..<dimensions {
                if c < v[i].count { x[i] ^= v[i][c] }
                out[j][i] = Double(x[i]) / denominator
            }
        }
        return out
    }
}
