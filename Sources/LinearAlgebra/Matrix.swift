import CLinearAlgebra

/// A dense matrix of `Double` in column-major order (element (i, j) at `elements[i + j·rows]`),
/// the layout BLAS and LAPACK use, so no copy is made when calling them.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements, column by column. `count == rows · columns`.
    public var elements: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage.
    /// - Throws: `dimensionMismatch` when `elements.count != rows · columns`.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) throws {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, elements.count == count else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix(rows:columns:columnMajor:)",
                expected: overflow ? "\(rows)·\(columns) elements (too many to address)"
                    : "\(rows)·\(columns) = \(count) elements",
                got: "\(elements.count)")
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from a list of rows (convenient for small literals and tests).
    /// - Throws: `dimensionMismatch` when the rows are ragged.
    public init(_ rowList: [[Double]]) throws {
        let r = rowList.count
        let c = rowList.first?.count ?? 0
        var storage = [Double](repeating: 0, count: r * c)
        for (i, row) in rowList.enumerated() {
            guard row.count == c else {
                throw LinearAlgebraError.dimensionMismatch(
                    operation: "Matrix(rows)", expected: "\(c) columns in row \(i + 1)",
                    got: "\(row.count)")
            }
            for j in 0..<c { storage[i + j * r] = row[j] }
        }
        self.rows = r
        self.columns = c
        self.elements = storage
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = 1 }
        return m
    }

    /// A column vector (`n × 1`).
    public init(column: [Double]) {
        self.rows = column.count
        self.columns = 1
        self.elements = column
    }

    /// Element (row, column), 0-based.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// True when the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { elements[i + $0 * rows] }
    }

    /// The rows as nested arrays (for serialisation).
    public var rowArrays: [[Double]] { (0..<rows).map { row($0) } }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] }
        }
        return t
    }

    /// Sums of each column (length `columns`): 1ᵀ·M.
    public var columnSums: [Double] {
        (0..<columns).map { j in
            var s = 0.0
            for i in 0..<rows { s += elements[i + j * rows] }
            return s
        }
    }

    /// Sums of each row (length `rows`): M·1.
    public var rowSums: [Double] {
        var s = [Double](repeating: 0, count: rows)
        for j in 0..<columns {
            let base = j * rows
            for i in 0..<rows { s[i] += elements[base + i] }
        }
        return s
    }

    /// True when no element is NaN or ±∞: Σ 0·vₖ is ±0 exactly when every vₖ is finite (0·∞ and
    /// 0·NaN are NaN). Eight lanes at a time instead of element by element, which took ≈ 0.07 s
    /// of the n = 7,987 IO run (perf samples, 64 M doubles).
    public var isAllFinite: Bool {
        elements.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var lanes = SIMD8<Double>(repeating: 0)
            var k = 0
            while k + 8 <= p.count {
                lanes += raw.loadUnaligned(fromByteOffset: k * 8, as: SIMD8<Double>.self) * 0
                k += 8
            }
            var rest = 0.0
            while k < p.count { rest += p[k] * 0; k += 1 }
            return lanes.sum() + rest == 0
        }
    }

    /// Throws `nonFinite` with the first NaN/±∞ position, if any.
    public func checkFinite() throws {
        if isAllFinite { return }
        for (k, v) in elements.enumerated() where !v.isFinite {
            throw LinearAlgebraError.nonFinite(row: k % Swift.max(rows, 1), column: k / Swift.max(rows, 1))
        }
    }
}
