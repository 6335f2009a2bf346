/// The assignment problem solved exactly: given an n × m score matrix (n ≤ m), choose one
/// distinct column for every row maximising the total score.
///
/// Kuhn–Munkres (the Hungarian method) with row/column potentials, O(n²·m): it minimises the
/// cost −score and keeps the dual feasible, so the result is optimal (not a heuristic). Ties are
/// broken towards lower column indices (deterministic).
enum Assignment {
    /// `scores[i][j]` finite; every row the same length m ≥ n. Returns the column of each row.
    static func maximise(_ scores: [[Double]]) -> [Int] {
        let n = scores.count
        guard n > 0 else { return [] }
        let m = scores[0].count
        precondition(m >= n && scores.allSatisfy { $0.count == m }, "Assignment needs n ≤ m and a rectangular matrix")
        // 1-based arrays as in the textbook formulation; column 0 is the virtual start.
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1), way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            owner[0] = i
            var j0 = 0
            var minimum = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = owner[j0]
                var delta = Double.infinity, j1 = 0
                for j in 1...m where !used[j] {
                    let reduced = -scores[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < minimum[j] {
                        minimum[j] = reduced
                        way[j] = j0
                    }
                    if minimum[j] < delta {
                        delta = minimum[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[owner[j]] += delta
                        v[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                j0 = j1
            } while owner[j0] != 0
            repeat {
                let j1 = way[j0]
                owner[j0] = owner[j1]
                j0 = j1
            } while j0 != 0
        }
        var column = [Int](repeating: 0, count: n)
        for j in 1...m where owner[j] != 0 { column[owner[j] - 1] = j - 1 }
        return column
    }
}
