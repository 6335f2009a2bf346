import BuiltinModules
import Foundation
import ScenarioFiles
import ScenarioKit
import ScenarioKitTesting
import ScenarioRuntime
import Testing

/// One vocabulary: the dataset's CSVs are the only source of catalogue defaults.
@Suite struct CatalogueTests {
    @Test func testCataloguesMatchTheDataset() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let dataset = try runtime.resolveDataset(
            reference: "builtin:binhai-default", relativeTo: nil, at: SourceLocation(file: "t", line: 1, column: 1))
        #expect(TestCatalogues.industries == dataset.industries.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadShare) })
        #expect(TestCatalogues.carriers == dataset.carriers.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadShare) })
        // 开发区 0.857 (residual), not the 0.70 an earlier copy in the code said.
        #expect(dataset.carriers.first { $0.id == "development_zones" }?.leadShare == 0.857)
        let spec = try runtime.load(text: "id: t\ntitle: t\n", file: "t.yaml")
        #expect(TestCatalogues.sources.map(\.id) == spec.baseline.parameters.sources.map(\.id))
        #expect(TestCatalogues.sources.map(\.name) == spec.baseline.parameters.sources.map(\.name))
    }

    /// The one lookup: id, Chinese name, English name or id in any case, trimmed; the same in the
    /// engine block and in every module.
    @Test func oneLookupForIdsAndNames() {
        let lookup = CatalogueLookup(what: "industry", entries: TestCatalogues.industries)
        for text in ["new_energy", " new_energy ", "新能源", "New energy", "new ENERGY", "NEW_ENERGY"] {
            #expect(lookup.id(of: text) == "new_energy", "\(text)")
        }
        #expect(lookup.id(of: "新 能源") == nil)
        #expect(lookup.unknownMessage("new_enrgy").contains("did you mean \"new_energy\"?"))
        #expect(lookup.unknownMessage("x").contains("expected one of: intelligent_tech"))
    }

    /// "new energy" is accepted by the engine block and by each module that names industries.
    @Test func everyReaderAcceptsTheSameNames() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let text = """
            id: t
            title: t
            engine:
              draws: 100
              major_projects:
                - {name: a, industry: New Energy, carrier: 开发区, amount_yi: 10, probability: 1, year: 2023}
            modules:
              - use: project-batch
                with: {year: 2023, amounts: {New Energy: 5}, carrier: Development zones, source: 北京}
              - use: industry-chain
                with: {projects: {new energy: 100}}
            """
        let prepared = try runtime.prepare(try runtime.load(text: text, file: "t.yaml"))
        let majors = prepared.parameters.majorProjects
        #expect(majors.map(\.industry) == ["new_energy", "new_energy"])
        #expect(majors.map(\.carrier) == ["development_zones", "development_zones"])
        #expect(majors.last?.source == "beijing")
    }
}
