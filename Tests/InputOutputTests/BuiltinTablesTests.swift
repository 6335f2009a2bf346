import Datasets
import Foundation
import NumericTestSupport
import Testing
@testable import InputOutput

/// Every built-in NBS table: the balance identities, total value added as NBS published it
/// (GDP: 2017 82.32, 2018 92.21, 2020 101.64 trillion CNY), and multipliers and backward
/// linkages against numpy (Fixtures/make_nbs_fixtures.py → nbs_fixtures.json).
@Suite struct BuiltinTablesTests {
    nonisolated(unsafe) static let fixtures: [String: [String: Any]] = {
        let url = Bundle.module.url(forResource: "Fixtures/nbs_fixtures", withExtension: "json")!
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return root["tables"] as! [String: [String: Any]]
    }()

    static let gdp: [Int: Double] = [2017: 82.32, 2018: 92.21, 2020: 101.64]

    @Test(arguments: EmbeddedDatasets.ioTableNames) func tableMatchesNBSAndNumpy(_ name: String) throws {
        let folder = try #require(try EmbeddedDatasets.builtin("builtin:\(name)", kind: .ioTable))
        let table = try IOFolderReader.read(folder)
        let fixture = try #require(Self.fixtures[name])
        #expect(table.sectorCount == fixture["sectors"] as? Int)
        // Rows: Z·1 + Y·1 = x; columns: Z column sums + F rows (VA and, for 42 sectors, imported
        // intermediates) = x.
        #expect(table.maxRelativeBalanceResidual < 2e-12, "\(table.maxRelativeBalanceResidual)")
        let va = try table.factorTotal(rows: table.valueAddedLabels)
        let totalVA = va.reduce(0, +)
        let year = Int(name.split(separator: "-")[1])!
        #expect(abs(totalVA / 1e8 - Self.gdp[year]!) < 0.005, "\(name): VA \(totalVA / 1e8) trillion")
        #expect(isClose(totalVA, try #require(fixture["total_value_added_1e4_cny"] as? Double), relative: 1e-12))
        let result = try IOAnalysis.analyze(table)
        let multipliers = try #require(fixture["output_multipliers"] as? [String: Double])
        let backward = try #require(fixture["backward_linkage"] as? [String: Double])
        for (code, m) in multipliers {
            let k = try #require(table.sectors.firstIndex { $0.code == code })
            #expect(isClose(result.outputMultipliers[k], m, relative: 1e-12), "\(name) \(code)")
            #expect(isClose(result.backwardLinkage[k], try #require(backward[code]), relative: 1e-12))
        }
    }
}
