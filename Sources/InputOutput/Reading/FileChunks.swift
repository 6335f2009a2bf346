import LibC

/// Reads a file in large chunks and hands out runs of complete lines, so that a table of
/// hundreds of megabytes is never held in memory at once. The bytes of each run end with a
/// line feed (one is added after a last line that has none), which lets `strtod` stop there.
/// A UTF-8 byte-order mark at the start of the file is skipped.
struct FileChunks: ~Copyable {
    /// One non-blank line of a run: byte offsets `[start, end)` into the run without the line
    /// ending (`\n` or `\r\n`), and the 1-based physical line number in the file.
    struct Line {
        var start: Int
        var end: Int
        var number: Int
    }

    let path: String
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    /// Usable capacity; one extra byte is always allocated for a final line feed.
    private var capacity: Int
    private var filled = 0
    private var atEOF = false
    private var startedFile = false
    /// Physical line number of the first byte in the buffer.
    private var nextLineNumber = 1
    /// Bytes at the front of the buffer consumed by the previous run.
    private var consumed = 0

    /// Opens `path`. - Throws: `missingFile` if it does not exist, `unreadable` otherwise.
    init(path: String, chunkSize: Int = 8 << 20) throws(IOReadError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw .missingFile(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .unreadable(path: path, reason: "it is a folder, not a file")
        }
        self.fd = fd
        self.capacity = max(chunkSize, 64)
        self.buffer = .allocate(capacity: capacity + 1)
    }

    /// Offset of the last line feed in the buffer, if any.
    private func lastLineFeed() -> Int? {
        var i = filled - 1
        while i >= 0 {
            if buffer[i] == UInt8(ascii: "\n") { return i }
            i -= 1
        }
        return nil
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// The next run of complete lines, or `nil` at the end of the file. `body` receives the
    /// buffer and the non-blank lines in it; the pointer is valid only during the call.
    mutating func nextRun<R>(
        _ body: (UnsafeMutablePointer<UInt8>, [Line]) throws(IOReadError) -> R
    ) throws(IOReadError) -> R? {
        // Drop what the previous run used.
        if consumed > 0 {
            let rest = filled - consumed
            if rest > 0 { memmove(buffer, buffer + consumed, rest) }
            filled = rest
            consumed = 0
        }
        while true {
            if !atEOF && filled < capacity {
                let r = read(fd, buffer + filled, capacity - filled)
                if r < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw .unreadable(path: path, reason: String(cString: strerror(code)))
                }
                if r == 0 { atEOF = true } else { filled += r }
                if !startedFile && (filled >= 3 || atEOF) {
                    startedFile = true
                    if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                        memmove(buffer, buffer + 3, filled - 3)
                        filled -= 3
                    }
                }
                if !atEOF && filled < capacity { continue }
            }
            if filled == 0 { return nil }
            var limit: Int
            if atEOF {
                if buffer[filled - 1] != UInt8(ascii: "\n") {
                    buffer[filled] = UInt8(ascii: "\n")
                    filled += 1
                }
                limit = filled
            } else if let nl = lastLineFeed() {
                limit = nl + 1
            } else {
                // One line longer than the buffer: grow it.
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 1)
                bigger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
                continue
            }
            // Every run is checked for UTF-8 (a fast word-wise ASCII scan for numeric tables):
            // a GBK or UTF-16 file is refused, never read as garbled labels.
            if let (problem, offset) = TextEncoding.problem(
                in: UnsafeBufferPointer(start: buffer, count: limit), atStart: nextLineNumber == 1)
            {
                let line = TextEncoding.line(
                    of: offset, in: UnsafeBufferPointer(start: buffer, count: limit), firstLine: nextLineNumber)
                throw .notUTF8(path: path, line: line, problem: problem)
            }
            if nextLineNumber == 1, memchr(buffer, Int32(UInt8(ascii: "\n")), limit - 1) == nil,
                let cr = memchr(buffer, Int32(UInt8(ascii: "\r")), limit), buffer.distance(to: cr.assumingMemoryBound(to: UInt8.self)) < limit - 2
            {
                throw .carriageReturnLineEndings(path: path)
            }
            var lines: [Line] = []
            var p = 0
            while p < limit {
                let q: Int
                if let nl = memchr(buffer + p, Int32(UInt8(ascii: "\n")), limit - p) {
                    q = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                } else {
                    q = limit  // unreachable: the run ends with a line feed
                }
                var e = q
                if e > p && buffer[e - 1] == UInt8(ascii: "\r") { e -= 1 }
                if e > p { lines.append(Line(start: p, end: e, number: nextLineNumber)) }
                nextLineNumber += 1
                p = q + 1
            }
            consumed = limit
            return try body(buffer, lines)
        }
    }
}
