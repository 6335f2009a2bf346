import Foundation
import ProcessTestSupport
import Testing

/// Every NBS table built in; structural change; the regional reading beside the national one.
@Suite struct IOTablesCLITests {
    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func listShowsTheSixTables() throws {
        let r = try CLI.run(["io", "list", "--format", "csv"])
        #expect(r.status == 0)
        for name in ["nbs-2017-42", "nbs-2018-42", "nbs-2020-42", "nbs-2017-149", "nbs-2018-153", "nbs-2020-153"] {
            #expect(r.stdout.contains("builtin:\(name)"), "\(name)")
        }
        #expect(r.stdout.contains("2018,153,competitive"))
    }

    /// `io compare` gives for each year the same numbers as `io analyze` of that year alone.
    @Test func compareEqualsAnalyzeForEachYear() throws {
        let names = ["builtin:nbs-2017-42", "builtin:nbs-2018-42", "builtin:nbs-2020-42"]
        let compared = try Self.json(["io", "compare"] + names + ["--format", "json"])
        let byTable = try #require(compared["by_table"] as? [[String: Any]])
        #expect(byTable.count == 3)
        for (k, name) in names.enumerated() {
            let alone = try Self.json(["io", "analyze", name, "--format", "json"])
            for key in ["output_multipliers", "backward_linkage", "forward_linkage"] {
                #expect((byTable[k][key] as? [Double]) == (alone[key] as? [Double]), "\(name) \(key)")
            }
            #expect((byTable[k]["key_sectors"] as? [String]) == (alone["key_sectors"] as? [String]))
        }
        // By chain: Σ weight × multiplier with each table's concordance, one value per table.
        let chains = try #require(compared["chains"] as? [String: [Double]])
        #expect(chains.count == 8 && chains["intelligent_tech"]?.count == 3)
        let mixed = try CLI.run(["io", "compare", "builtin:nbs-2020-42", "builtin:nbs-2020-153"])
        #expect(mixed.status != 0 && mixed.stderr.contains("same classification"))
    }

    /// The regional reading: multipliers never above the national ones, and the FLQ retained
    /// share of sector 18 (transport equipment) as the numpy reference computes it (1.2094, numpy).
    @Test func regionalReadingBesideTheNational() throws {
        let doc = try Self.json(["io", "analyze", "--regionalize", "flq", "--format", "json"])
        let regional = try #require(doc["regional"] as? [String: Any])
        let national = try #require(regional["national_output_multipliers"] as? [Double])
        let local = try #require(regional["regional_output_multipliers"] as? [Double])
        let retained = try #require(regional["retained_share"] as? [Double])
        for k in national.indices { #expect(local[k] <= national[k] + 1e-12 && local[k] >= 1) }
        #expect(abs(retained[17] - 1.209446 / national[17]) < 1e-5, "\(retained[17])")
        #expect(abs((regional["lambda_star"] as? Double ?? 0) - 0.242425) < 1e-6)
        let bad = try CLI.run(["io", "analyze", "--regionalize", "flq:7"])
        #expect(bad.status != 0 && bad.stderr.contains("--regionalize"))
        let wrongTable = try CLI.run(["io", "analyze", "builtin:nbs-2020-153", "--regionalize", "slq"])
        #expect(wrongTable.status != 0 && wrongTable.stderr.contains("no weight for sector"), "\(wrongTable.stderr)")
    }
}
