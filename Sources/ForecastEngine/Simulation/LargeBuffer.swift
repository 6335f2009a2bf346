import LibC

/// Allocation of the large per-draw series (3 × 8 MB at 100k draws × 10 years). On Linux they are
/// 2 MiB-aligned and advised as transparent huge pages (`MADV_HUGEPAGE`, honoured when THP is in
/// `madvise` or `always` mode): the first touch then maps 2 MiB at a time instead of 4 KiB, which
/// took ~6,800 page faults and ~20 ms of system time per 100k-draw run. Elsewhere, or for small
/// buffers, `malloc`. Free with `LargeBuffer.release`.
enum LargeBuffer {
    static let hugePage = 2 << 20

    static func allocate(_ count: Int) -> UnsafeMutablePointer<Double> {
        let bytes = Swift.max(count, 1) * MemoryLayout<Double>.stride
        #if os(Linux)
        if bytes >= hugePage {
            var raw: UnsafeMutableRawPointer?
            let rounded = (bytes + hugePage - 1) / hugePage * hugePage
            if posix_memalign(&raw, hugePage, rounded) == 0, let raw {
                _ = madvise(raw, rounded, 14)  // MADV_HUGEPAGE; advice only, failure is harmless
                return raw.bindMemory(to: Double.self, capacity: Swift.max(count, 1))
            }
        }
        #endif
        return UnsafeMutableRawPointer(malloc(bytes)!).bindMemory(to: Double.self, capacity: Swift.max(count, 1))
    }

    static func release(_ pointer: UnsafeMutablePointer<Double>) {
        free(pointer)
    }
}
