@testable import LinearAlgebra

/// The error thrown by `body`, or nil when it returns normally.
func thrownError<T>(_ body: () throws -> T) -> LinearAlgebraError? {
    do {
        _ = try body()
        return nil
    } catch let e as LinearAlgebraError {
        return e
    } catch {
        return nil
    }
}
