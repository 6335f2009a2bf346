import Foundation
import ZIPFoundation

/// A zip file made in memory: an Office Open XML package (`.xlsx`, `.docx`) or a briefing set
/// (the web page's download). Parts zipped with ZIPFoundation, deflated (pictures stored as
/// they are), every entry dated 2020-01-01 so the same content gives the same bytes.
public enum ZipPackage {
    /// A part whose bytes are made while it is compressed: `size` bytes, handed out in
    /// consecutive chunks by `chunk(position, count)` — so a large part (a worksheet of a
    /// million numbers) never exists whole in memory.
    public struct StreamedPart {
        public var path: String
        public var size: Int64
        public var chunk: (_ position: Int64, _ count: Int) throws -> Data

        public init(path: String, size: Int64, chunk: @escaping (_ position: Int64, _ count: Int) throws -> Data) {
            self.path = path
            self.size = size
            self.chunk = chunk
        }
    }

    /// The zip of `parts` (paths inside the archive, in order).
    public static func data(_ parts: [(path: String, bytes: Data)]) throws -> Data {
        try data(streamed: parts.map { part in
            StreamedPart(path: part.path, size: Int64(part.bytes.count)) { position, count in
                part.bytes.subdata(in: Int(position)..<(Int(position) + count))
            }
        })
    }

    /// The zip of `parts`, each compressed as its chunks arrive.
    public static func data(streamed parts: [StreamedPart]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        try add(parts, to: archive)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// The zip of `parts` written to the file at `url` (replaced), never whole in memory.
    public static func write(streamed parts: [StreamedPart], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        try add(parts, to: archive)
    }

    static func add(_ parts: [StreamedPart], to archive: Archive) throws {
        for part in parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: part.size,
                modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                compressionMethod: part.path.hasSuffix(".png") ? .none : .deflate,
                provider: part.chunk)
        }
    }
}
