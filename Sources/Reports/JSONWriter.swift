/// A streaming JSON writer: appends UTF-8 bytes to a buffer and hands full chunks to a sink,
/// so that large results (e.g. a 4000×4000 Leontief inverse) are written without building a
/// document tree in memory. Doubles use Swift's shortest round-trip representation; NaN and
/// ±∞ become `null` (JSON has no such numbers).
///
/// ```swift
/// var w = JSONWriter { bytes in FileHandle.standardOutput.write(Data(bytes)) }
/// try w.beginObject(); try w.member("x", numbers: [1, 2]); try w.endObject(); try w.flush()
/// ```
public struct JSONWriter {
    private struct Frame {
        var isObject: Bool
        var inline: Bool
        var count = 0
    }

    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void
    private let chunkSize: Int
    private let pretty: Bool
    private var frames: [Frame] = []
    private var pendingKey = false

    /// - Parameters:
    ///   - pretty: one member per line, indented by two spaces (arrays passed `inline: true`
    ///     stay on one line).
    ///   - sink: receives chunks of UTF-8 bytes in order.
    public init(pretty: Bool = true, chunkSize: Int = 1 << 20, sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
        self.chunkSize = chunkSize
        self.pretty = pretty
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Hand what is buffered to the sink.
    public mutating func flush() throws {
        if !buffer.isEmpty {
            try sink(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private mutating func newline() {
        guard pretty else { return }
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: frames.count * 2))
    }

    private mutating func valuePrefix() throws {
        if buffer.count >= chunkSize { try flush() }
        if pendingKey {
            pendingKey = false
            return
        }
        guard let top = frames.last else { return }
        if top.count > 0 { buffer.append(UInt8(ascii: ",")) }
        frames[frames.count - 1].count += 1
        if !top.inline { newline() }
    }

    /// Write a member name inside an object; the next value call writes its value.
    public mutating func key(_ name: String) throws {
        if buffer.count >= chunkSize { try flush() }
        if let top = frames.last, top.count > 0 { buffer.append(UInt8(ascii: ",")) }
        if !frames.isEmpty { frames[frames.count - 1].count += 1 }
        newline()
        appendString(name)
        buffer.append(UInt8(ascii: ":"))
        if pretty { buffer.append(UInt8(ascii: " ")) }
        pendingKey = true
    }

    public mutating func beginObject() throws {
        try valuePrefix()
        buffer.append(UInt8(ascii: "{"))
        frames.append(Frame(isObject: true, inline: false))
    }

    public mutating func endObject() throws {
        let frame = frames.removeLast()
        if frame.count > 0 { newline() }
        buffer.append(UInt8(ascii: "}"))
        if frames.isEmpty && pretty { buffer.append(UInt8(ascii: "\n")) }
    }

    /// Begin an array. `inline` keeps its elements on one line (for number lists).
    public mutating func beginArray(inline: Bool = true) throws {
        try valuePrefix()
        buffer.append(UInt8(ascii: "["))
        frames.append(Frame(isObject: false, inline: inline))
    }

    public mutating func endArray() throws {
        let frame = frames.removeLast()
        if !frame.inline && frame.count > 0 { newline() }
        buffer.append(UInt8(ascii: "]"))
        if frames.isEmpty && pretty { buffer.append(UInt8(ascii: "\n")) }
    }

    public mutating func value(_ s: String) throws {
        try valuePrefix()
        appendString(s)
    }

    public mutating func value(_ d: Double) throws {
        try valuePrefix()
        if d.isFinite {
            buffer.append(contentsOf: d.description.utf8)
        } else {
            buffer.append(contentsOf: "null".utf8)
        }
    }

    public mutating func value(_ i: Int) throws {
        try valuePrefix()
        buffer.append(contentsOf: String(i).utf8)
    }

    public mutating func value(_ b: Bool) throws {
        try valuePrefix()
        buffer.append(contentsOf: (b ? "true" : "false").utf8)
    }

    public mutating func null() throws {
        try valuePrefix()
        buffer.append(contentsOf: "null".utf8)
    }

    /// `"name": [numbers…]` on one line.
    public mutating func member(_ name: String, numbers: [Double]) throws {
        try key(name)
        try beginArray()
        for v in numbers { try value(v) }
        try endArray()
    }

    /// `"name": ["strings"…]` on one line.
    public mutating func member(_ name: String, strings: [String]) throws {
        try key(name)
        try beginArray()
        for v in strings { try value(v) }
        try endArray()
    }

    /// `"name": [[row…], [row…]]`, one row per line.
    public mutating func member(_ name: String, rows: Int, columns: Int, element: (Int, Int) -> Double) throws {
        try key(name)
        try beginArray(inline: false)
        for i in 0..<rows {
            try beginArray()
            for j in 0..<columns { try value(element(i, j)) }
            try endArray()
        }
        try endArray()
    }

    public mutating func member(_ name: String, _ s: String) throws { try key(name); try value(s) }
    public mutating func member(_ name: String, _ d: Double) throws { try key(name); try value(d) }
    public mutating func member(_ name: String, _ i: Int) throws { try key(name); try value(i) }
    public mutating func member(_ name: String, _ b: Bool) throws { try key(name); try value(b) }

    private mutating func appendString(_ s: String) {
        buffer.append(UInt8(ascii: "\""))
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [92, 92])
            case 0x0A: buffer.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(u >> 4)], hex[Int(u & 15)]])
            default: buffer.append(u)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
