import Foundation
import Testing
@testable import InputOutput
import LinearAlgebra

/// The test bundle's `Fixtures` folder.
func fixtures() throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
}

/// A fixture file or folder by name.
func fixture(_ name: String) throws -> URL {
    try fixtures().appendingPathComponent(name)
}

/// JSON object of a fixture file.
func fixtureJSON(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: fixture(name))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A temporary folder with the given files (name → content), removed by `remove()`.
struct TempFolder {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("binhai-io-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, content) in files { try write(name, content) }
    }

    func write(_ name: String, _ content: String) throws {
        try Data(content.utf8).write(to: url.appendingPathComponent(name))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Reads `files` as an IO folder and returns the read error (or records a failure).
func readError(_ files: [String: String]) throws -> IOReadError? {
    let folder = try TempFolder(files)
    defer { folder.remove() }
    return #expect(throws: IOReadError.self) { try IOFolderReader.read(folder.url) }
}

/// A valid 2-sector folder (Miller & Blair Table 2.3) as file texts, to corrupt in tests.
let validFiles: [String: String] = [
    "Z.csv": "code,S1,S2\nS1,150,500\nS2,200,100\n",
    "Y.csv": "code,f\nS1,350\nS2,1700\n",
    "x.csv": "code,x\nS1,1000\nS2,2000\n",
    "F.csv": "code,S1,S2\nVA,650,1400\n",
]
