import Foundation
import ZIPFoundation

/// The entry names of a zip (ZIPFoundation reads it back).
enum ZipNames {
    static func list(_ data: Data) -> [String] {
        guard let archive = try? Archive(data: data, accessMode: .read) else { return [] }
        return archive.map(\.path)
    }
}
