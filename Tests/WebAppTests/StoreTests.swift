import Foundation
import Testing
import WebApp

/// The what-if store: SQLite in WAL mode, safe with several writers at once.
@Suite struct StoreTests {
    @Test func concurrentSavesAllLandInWALMode() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-store-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        }
        let store = try WhatIfStore(path: file.path)
        #expect(try store.journalMode() == "wal")
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for k in 0..<24 {
                group.addTask {
                    let w = SavedWhatIf(
                        id: nil, name: "tab \(k)", author: "t", createdAt: "2026-12-02T00:00:00Z", baseScenario: nil, yaml: "id: x\(k)",
                        headlineJSON: "{}")
                    return try await store.save(w).id!
                }
            }
            var out: [Int64] = []
            for try await id in group { out.append(id) }
            return out
        }
        #expect(Set(ids).count == 24)
        // A second connection to the same file (another server process) sees them all.
        let again = try WhatIfStore(path: file.path)
        let names = Set(try await again.list().map(\.name))
        #expect(names == Set((0..<24).map { "tab \($0)" }))
        #expect(try await again.find(ids[0])?.yaml.hasPrefix("id: x") == true)
    }
}
