/// "Did you mean …?" for misspelt keys and values.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (case-insensitive), when close enough to be
    /// a typo: at most max(2, length/3) edits, or at most length/2 when they share a stem of five
    /// or more characters (`industry` → `industries`).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let w = word.lowercased()
        let scored = candidates.map { ($0, editDistance(w, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let stem = zip(w, best.0.lowercased()).prefix { $0 == $1 }.count
        guard best.1 <= max(2, word.count / 3) || (stem >= 5 && best.1 <= word.count / 2) else { return nil }
        return best.0
    }

    /// Levenshtein distance over Unicode characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// ` (did you mean "x"?)` or empty.
    public static func hint(_ word: String, _ candidates: [String]) -> String {
        closest(to: word, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
