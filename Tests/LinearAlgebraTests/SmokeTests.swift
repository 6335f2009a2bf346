import Testing
@testable import LinearAlgebra

@Test func solvesTwoByTwo() throws {
    // 2x + y = 5, x + 3y = 10 → x = 1, y = 3 (by hand).
    let lu = try LUFactorization(try Matrix([[2, 1], [1, 3]]))
    let x = try lu.solve([5, 10])
    #expect(abs(x[0] - 1) < 1e-14 && abs(x[1] - 3) < 1e-14)
}
