/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator for reproducible test data,
/// independent of the generators in the package's own modules (ForecastEngine's streams are not
/// used, so a change there cannot hide a test failure).
///
/// The sequence for a seed is fixed: the state advances by the golden-ratio increment
/// 0x9E3779B97F4A7C15 and each output is the state through the SplitMix64 finaliser. Seeding is
/// the raw state (`SplitMix64(seed: s)` starts with `state == s`), as in the copies this replaces,
/// so every test draws exactly the numbers it drew before.
///
/// Conforms to `RandomNumberGenerator`, so `Double.random(in:using:)`, `shuffled(using:)` and the
/// like can use it in place of the unseeded `SystemRandomNumberGenerator`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current state; the next output is computed from `state &+ 0x9E3779B97F4A7C15`.
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) with 53 random bits: the top 53 bits of `next()` times 2⁻⁵³ (exact).
    public mutating func uniform() -> Double {
        let bits: UInt64 = next()
        return Double(bits >> 11) * 0x1.0p-53
    }
}
