/// SplitMix64 (Steele, Lea & Flood 2014): the seeded generator of the bootstrap and the Morris
/// trajectories, so the same seed gives the same intervals and designs on any machine.
struct SeededGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var x = state
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// A uniform index in 0..<n (n > 0).
    mutating func index(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
