import BuiltinModules
import Foundation
import FuzzHarness
import Testing

/// Every seed and every saved crash input of the fuzz targets, replayed: each must return (a trap
/// ends the test run) without a finding. The scenario inputs check the property that a scenario
/// the loader accepts runs with 50 draws or fails with a located error.
@Suite(.serialized) struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ target: String) -> [URL] {
        ["corpus", "regressions"].flatMap { kind -> [URL] in
            let folder = root.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test func csvInputs() throws {
        let files = Self.inputs("csv")
        #expect(files.count >= 3)
        for f in files { try FuzzHarness.ioTable([UInt8](try Data(contentsOf: f))) }
    }

    @Test func scenarioInputs() throws {
        let files = Self.inputs("scenario")
        #expect(files.count >= 9)
        for f in files { try FuzzHarness.scenario([UInt8](try Data(contentsOf: f)), catalogue: .builtin) }
    }

    @Test func pluginJSONInputs() throws {
        let files = Self.inputs("plugin-json")
        #expect(files.count >= 6)
        for f in files { try FuzzHarness.pluginJSON([UInt8](try Data(contentsOf: f))) }
    }

    /// Bounded random mutations of the shipped scenarios (seeded): the property holds for each.
    @Test func mutatedScenariosRunOrFailLocated() throws {
        var state: UInt64 = 20261201
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let seeds = Self.inputs("scenario").map { [UInt8](try! Data(contentsOf: $0)) }
        let pieces: [[UInt8]] = [":", "-", "*a", "&a", "[", "]", "{", "}", "x0", "1e308", "-1", "\n  ", "'", "\"", "0", "99999"].map { Array($0.utf8) }
        for _ in 0..<60 {
            var bytes = seeds[Int(next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(next() % 3)) where !bytes.isEmpty {
                let at = Int(next() % UInt64(bytes.count))
                switch next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: pieces[Int(next() % UInt64(pieces.count))], at: at)
                default: bytes[at] = UInt8(truncatingIfNeeded: next() % 128)
                }
            }
            try FuzzHarness.scenario(bytes, catalogue: .builtin)
        }
    }
}
