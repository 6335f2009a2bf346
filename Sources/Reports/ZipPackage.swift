import Foundation
import ZIPFoundation

/// A zip file made in memory: an Office Open XML package (`.xlsx`, `.docx`) or a briefing set
/// (the web page's download). Parts zipped with ZIPFoundation, deflated (pictures stored as
/// they are), every entry dated 2020-01-01 so the same content gives the same bytes.
public enum ZipPackage {
    /// The zip of `parts` (paths inside the archive, in order).
    public static func data(_ parts: [(path: String, bytes: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                compressionMethod: path.hasSuffix(".png") ? .none : .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<(Int(position) + size)) }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
