/// A per-draw random stream: xoshiro256** seeded by SplitMix64 from a key that hashes
/// (seed, draw index, substream). Every Monte Carlo draw owns its streams, so a draw's outcome
/// depends only on (seed, draw, parameters) — never on the thread that ran it or on other draws.
///
/// Substreams separate independent parts of one draw (one per source, one for major projects),
/// so that changing one source's parameters leaves the other sources' random numbers untouched
/// (common random numbers across variants and effort trials).
@frozen
public struct RandomStream: Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64
    /// Second normal deviate kept from the last polar-method pair (NaN when empty).
    @usableFromInline var spareNormal: Double = .nan

    /// SplitMix64 output function (Steele, Lea & Flood 2014): a bijective 64-bit mixer.
    @inlinable
    static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The stream for `draw` (0-based) of a run with `seed`; `substream` picks an independent
    /// stream within the draw.
    ///
    /// key = mix(mix(mix(seed) ⊕ draw) ⊕ (substream + 1)·φ), φ = 0x9E3779B97F4A7C15; the four state words
    /// are the next four outputs of SplitMix64 started at key.
    @inlinable
    public init(seed: UInt64, draw: UInt64, substream: UInt64 = 0) {
        let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
        var x = Self.mix(Self.mix(Self.mix(seed) ^ draw) ^ ((substream &+ 1) &* golden))
        x = x &+ golden; s0 = Self.mix(x)
        x = x &+ golden; s1 = Self.mix(x)
        x = x &+ golden; s2 = Self.mix(x)
        x = x &+ golden; s3 = Self.mix(x)
        if (s0 | s1 | s2 | s3) == 0 { s0 = 1 }
    }

    /// Next 64 random bits (xoshiro256**, Blackman & Vigna 2018).
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inlinable @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// Uniform on the open interval (0, 1): (⌊x/2¹¹⌋ + ½)·2⁻⁵³, never 0 or 1 (safe for log).
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53 + 0x1.0p-54
    }
}
