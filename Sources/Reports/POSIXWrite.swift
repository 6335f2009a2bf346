import Foundation
import LibC

/// Writing bytes with POSIX `write(2)`, so a full disk (`ENOSPC`, `EDQUOT`) or a closed pipe is
/// seen as such (Foundation's `FileHandle.write` reports it as an opaque Cocoa error).
enum POSIXWrite {
    /// Writes all of `bytes` to `fd`, retrying on `EINTR`.
    /// - Returns: the bytes written and 0, or the bytes written before the failure and its errno.
    static func all<Bytes: ContiguousBytes>(_ fd: Int32, _ bytes: Bytes) -> (written: Int, error: Int32) {
        var written = 0
        let code: Int32 = bytes.withUnsafeBytes { raw -> Int32 in
            while written < raw.count {
                let r = write(fd, raw.baseAddress! + written, raw.count - written)
                if r < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += r
            }
            return 0
        }
        return (written, code)
    }

    /// True for the errno values of a full disk or quota.
    static func isDiskFull(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT }
}
