import Foundation
import ScenarioKit
import Testing
@testable import IndustryChain

/// Bad parameters and dataset files give a `ModuleError` naming the parameter (key path),
/// the file and line where there is one.
@Suite struct ParameterErrorTests {
    func error(
        _ values: [String: ParameterValue] = [:], files: [String: String] = [:],
        industries: [CatalogueEntry] = TestSupport.millerBlairIndustries
    ) throws -> ModuleError? {
        let (dataset, io) = try TestSupport.millerBlair(extraFiles: files)
        do {
            _ = try IndustryChainModule(
                parameters: TestSupport.parameters(values),
                context: TestSupport.context(dataset: dataset, io: io, industries: industries))
            return nil
        } catch let e as ModuleError {
            return e
        }
    }

    @Test func unknownSectorInConcordance() throws {
        let e = try #require(try error(files: ["concordance.csv": "io_code,industry,share\n01,alpha,1\n99,beta,0.5\n"]))
        #expect(e.module == "industry-chain")
        #expect(e.message.contains("concordance.csv line 3"))
        #expect(e.message.contains("unknown sector '99'"))
    }

    @Test func unknownSectorInBridge() throws {
        let e = try #require(try error(["bridge": .text("b.csv")], files: ["b.csv": "code,alpha,beta,other\n01,1,0,0.5\n07,0,1,0.5\n"]))
        #expect(e.keyPath == "bridge")
        #expect(e.message.contains("b.csv line 3: unknown sector '07'"))
    }

    @Test func unknownIndustryInProjectsAndChains() throws {
        let p = try #require(try error(["projects": .numberMap(["gamma": 100])]))
        #expect(p.keyPath == "projects.gamma" && p.isAboutKey)
        #expect(p.message.contains("unknown industry \"gamma\""))
        let c = try #require(try error(["chains": .textList(["alpha", "gamma"])]))
        #expect(c.keyPath == "chains[1]")
        let unmapped = try #require(try error(["chains": .textList(["其他"])]))
        #expect(unmapped.keyPath == "chains[0]")
        #expect(unmapped.message.contains("no sectors in concordance.csv"))
        let concordance = try #require(try error(files: ["concordance.csv": "io_code,industry,share\n01,gamma,1\n"]))
        #expect(concordance.message.contains("unknown industry 'gamma'"))
    }

    @Test func negativeAmount() throws {
        let e = try #require(try error(["projects": .numberMap(["alpha": -5])]))
        #expect(e.keyPath == "projects.alpha")
        #expect(e.message.contains("≥ 0"))
        let rho = try #require(try error(["output_per_investment": .number(-1)]))
        #expect(rho.keyPath == "output_per_investment")
    }

    @Test func bridgeThatDoesNotSumToOne() throws {
        let e = try #require(try error(["bridge": .text("b.csv")], files: ["b.csv": "code,alpha,beta,other\n01,1,0,0.5\n02,0,0.9,0.5\n"]))
        #expect(e.keyPath == "bridge")
        #expect(e.message.contains("b.csv"))
        #expect(e.message.contains("column beta sums to 0.9"))
        let missing = try #require(try error(["bridge": .text("b.csv")], files: ["b.csv": "code,alpha,beta\n01,1,0\n02,0,1\n"]))
        #expect(missing.message.contains("no column for industry other"))
        let negative = try #require(try error(["bridge": .text("b.csv")], files: ["b.csv": "code,alpha,beta,other\n01,1.5,0,0.5\n02,-0.5,1,0.5\n"]))
        #expect(negative.message.contains("line 3, column alpha"))
        let absent = try #require(try error(["bridge": .text("nope.csv")]))
        #expect(absent.keyPath == "bridge" && absent.message.contains("nope.csv"))
    }

    @Test func badHouseholdsAndEmployment() throws {
        let syntax = try #require(try error(["households": .text("VA001")]))
        #expect(syntax.keyPath == "households")
        let row = try #require(try error(["households": .text("VA009:TC")]))
        #expect(row.keyPath == "households" && row.message.contains("VA009"))
        let column = try #require(try error(["households": .text("VA001:EX")]))
        #expect(column.keyPath == "households" && column.message.contains("EX"))
        let jobs = try #require(try error(["employment_row": .text("JOBS")]))
        #expect(jobs.keyPath == "employment_row")
    }

    @Test func missingIOTable() throws {
        let (dataset, _) = try TestSupport.millerBlair()
        #expect(throws: ModuleError.self) {
            try IndustryChainModule(
                parameters: TestSupport.parameters(),
                context: TestSupport.context(dataset: dataset, io: nil, industries: TestSupport.millerBlairIndustries))
        }
    }

    /// The descriptor passes the catalogue's schema checks, and a scenario's `with:` block is
    /// validated by it (bounds on every map value).
    @Test func descriptorPassesCatalogueAndSchemaChecks() throws {
        var catalogue = ModuleCatalogue()
        try catalogue.register(IndustryChainModule.self)
        #expect(catalogue.ids == ["industry-chain"])
        let values = try IndustryChainModule.descriptor.validate(["projects": ["intelligent_tech": 100, "new_energy": 100]])
        #expect(values.numberMap("projects") == ["intelligent_tech": 100, "new_energy": 100])
        #expect(values.text("bridge") == "fu201")
        #expect(throws: ParameterError.self) {
            try IndustryChainModule.descriptor.validate(["projects": ["new_energy": -100]])
        }
    }

    @Test func descriptorDescribesEveryParameter() {
        let d = IndustryChainModule.descriptor
        #expect(d.id == "industry-chain")
        #expect(d.parameters.map(\.name) == [
            "bridge", "households", "employment_row", "employment_unit", "top_n", "chains", "projects",
            "output_per_investment", "io_units_per_yi", "regionalize", "focus",
        ])
        for p in d.parameters {
            #expect(p.defaultValue != nil, "\(p.name) has a default")
            #expect(!p.help.zh.isEmpty && !p.help.en.isEmpty)
        }
    }
}
