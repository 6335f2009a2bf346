import LibC

/// The C numeric locale, so that `strtod` reads `.` as the decimal point whatever locale the
/// process runs in. `nil` if it cannot be created (then the process locale is used, which is
/// "C" unless someone called `setlocale`; a wrong locale makes cells fail, never misread).
nonisolated(unsafe) let cNumericLocale: locale_t? = newlocale(Int32(1 << LC_NUMERIC), "C", nil)

/// Runs `body` with the C numeric locale on the calling thread.
@inline(__always)
func withCNumericLocale<R>(_ body: () throws -> R) rethrows -> R {
    guard let loc = cNumericLocale else { return try body() }
    let old = uselocale(loc)
    defer { uselocale(old) }
    return try body()
}
