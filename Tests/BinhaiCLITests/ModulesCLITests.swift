import Foundation
import Testing

/// `binhai modules list/describe` and a scenario with modules run end to end.
@Suite struct ModulesCLITests {
    @Test func listShowsIdsVersionsAndTitlesInTheChosenLanguage() throws {
        let zh = try CLI.run(["modules", "list"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("target-tracker") && zh.stdout.contains("1.0.0") && zh.stdout.contains("目标跟踪"))
        let en = try CLI.run(["modules", "list", "--lang", "en"])
        #expect(en.stdout.contains("Target tracker") && en.stdout.contains("Project batch"))
        let json = try CLI.run(["modules", "list", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let ids = list.compactMap { $0["id"] as? String }
        #expect(ids.contains("target-tracker") && ids.contains("project-batch"))
    }

    @Test func describeShowsEveryParameter() throws {
        let r = try CLI.run(["modules", "describe", "project-batch", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        for text in ["year", "integer", "(required)", "from 1990 to 2100", "probability", "from 0 to 1", "亿元",
                     "other_domestic", "landing year (within the forecast years)"] {
            #expect(r.stdout.contains(text), "missing \(text)")
        }
        let zh = try CLI.run(["modules", "describe", "project-batch"])
        #expect(zh.stdout.contains("落地年份") && zh.stdout.contains("（必填）"))
        let json = try CLI.run(["modules", "describe", "target-tracker", "--format", "json"])
        let d = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(d["id"] as? String == "target-tracker" && d["version"] as? String == "1.0.0")
        let params = try #require(d["parameters"] as? [[String: Any]])
        let probability = try #require(params.first { $0["name"] as? String == "probability" })
        #expect(probability["default"] as? Double == 0.8 && probability["maximum"] as? Double == 0.99)
        #expect((probability["help"] as? [String: String])?["zh"]?.isEmpty == false)
        let unknown = try CLI.run(["modules", "describe", "target-traker"])
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean \"target-tracker\""))
    }

    static let scenario = """
        id: with-modules
        title: {zh: 模块, en: Modules}
        plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
        engine: {draws: 400, seed: 3}
        modules:
          - use: project-batch
            with: {year: 2023, amounts: {new_energy: 100}, probability: 0.7}
          - use: target-tracker
            with:
              industries: [new_energy]
        variants:
          surer: {modules.project-batch.probability: 1.0}
        """

    @Test func scenarioWithModulesRunsEndToEnd() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.yaml")
        try Data(Self.scenario.utf8).write(to: file)
        let r = try CLI.run(["run", file.path, "--format", "json", "--no-effort-search", "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let modules = try #require(obj["modules"] as? [[String: Any]])
        #expect(modules.compactMap { $0["id"] as? String } == ["project-batch", "target-tracker", "project-batch", "target-tracker"])
        #expect(modules.compactMap { $0["scenario"] as? String } == ["baseline", "baseline", "surer", "surer"])
        let tables = try #require(modules[1]["tables"] as? [[String: Any]])
        #expect(tables.compactMap { $0["id"] as? String } == ["target-tracker.milestones", "target-tracker.industries"])
        let rows = try #require(tables[0]["rows"] as? [[String: Any]])
        #expect(rows.count == 5)
        let forecast = try #require((rows[4]["cells"] as? [Any])?[1] as? [String: Double])
        #expect((forecast["p10"] ?? .nan) <= (forecast["p50"] ?? .nan) && (forecast["p50"] ?? .nan) <= (forecast["p90"] ?? .nan))
        // The project-batch project is in the forecast: new energy's mean includes 0.7 × its schedule.
        let industries = try #require(obj["by_industry"] as? [[String: Any]])
        #expect(industries.contains { $0["id"] as? String == "new_energy" })
        let csv = try String(contentsOf: dir.appendingPathComponent("out/modules.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("scenario,module,table,row,column,unit,statistic,value\n"))
        #expect(csv.contains("baseline,target-tracker,target-tracker.industries,新能源,"))
        let text = try CLI.run(["run", file.path, "--no-effort-search", "--lang", "en"])
        #expect(text.stdout.contains("Target tracker · Milestone tracker"))
        #expect(text.stdout.contains("Target tracker · Milestone tracker (variant surer)"))
    }

    @Test func moduleParameterErrorsNameFileLineColumnAndKey() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try Data(Self.scenario.replacingOccurrences(of: "industries: [new_energy]", with: "industry: [new_energy]").utf8).write(to: file)
        let r = try CLI.run(["validate", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.yaml:10:7: modules[1].with.industry: unknown parameter of module target-tracker (did you mean \"industries\"?)"), "\(r.stderr)")
    }

    @Test func industryChainScenarioRunsEndToEnd() throws {
        let scenario = ScenarioCLITests.repo.appendingPathComponent("scenarios/industry-chain-1+3+4.yaml").path
        let r = try CLI.run(["run", scenario, "--draws", "300", "--no-effort-search", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let modules = try #require(obj["modules"] as? [[String: Any]])
        let baseline = try #require(modules.first { $0["scenario"] as? String == "baseline" })
        #expect(baseline["id"] as? String == "industry-chain")
        let ids = (baseline["tables"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains("industry-chain.impact-by-year") && ids.contains("industry-chain.targets"))
        // The variant moving the project reports (at least) its project comparison.
        let variant = try #require(modules.first { $0["scenario"] as? String == "new-energy-instead" })
        #expect(!((variant["tables"] as? [Any]) ?? []).isEmpty)
    }

    /// The shipped beijing-transfer scenario: its tables in the JSON, the relocations fed to the
    /// engine (the variant without them has a lower forecast), and the 2027 target headline.
    @Test func beijingTransferScenarioRunsEndToEnd() throws {
        let scenario = ScenarioCLITests.repo.appendingPathComponent("scenarios/beijing-transfer-2025-2030.yaml").path
        let r = try CLI.run(["run", scenario, "--draws", "300", "--no-effort-search", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let modules = try #require(obj["modules"] as? [[String: Any]])
        let baseline = try #require(modules.first { $0["scenario"] as? String == "baseline" })
        #expect(baseline["id"] as? String == "beijing-transfer")
        let ids = (baseline["tables"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids == ["beijing-transfer.chain", "beijing-transfer.relocations", "beijing-transfer.progress"])
        let text = try CLI.run(["run", scenario, "--draws", "300", "--no-effort-search", "--lang", "en"])
        #expect(text.stdout.contains("Probability that the cumulative planned investment reaches 3500 亿元 by 2027"))
        #expect(text.stdout.contains("Variant programme-not-fed against the baseline"))
    }

    /// The shipped capital-mix scenario: ownership by year, the fund allocation reaching its
    /// target mix (0.7 private) and the variant's.
    @Test func capitalMixScenarioRunsEndToEnd() throws {
        let scenario = ScenarioCLITests.repo.appendingPathComponent("scenarios/capital-mix-2020-2025.yaml").path
        let r = try CLI.run(["run", scenario, "--draws", "300", "--no-effort-search", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let modules = try #require(obj["modules"] as? [[String: Any]])
        let baseline = try #require(modules.first { $0["scenario"] as? String == "baseline" })
        #expect(baseline["id"] as? String == "capital-mix")
        let ids = (baseline["tables"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("capital-mix.") })
        #expect(modules.contains { $0["scenario"] as? String == "more-private" })
        let list = try CLI.run(["modules", "list", "--format", "json"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(all.compactMap { $0["id"] as? String } == [
            "industry-chain", "beijing-transfer", "capital-mix", "target-tracker", "project-batch", "carrier-mechanisms",
            "investment-focus",
        ])
    }
}

/// `modules describe --lang zh` gives the bounds in Chinese.
@Test func describeGivesBoundsInChinese() throws {
    let zh = try CLI.run(["modules", "describe", "target-tracker", "--lang", "zh"])
    #expect(zh.status == 0)
    #expect(zh.stdout.contains("0.01 至 0.99") && !zh.stdout.contains("from 0.01 to 0.99"), "\(zh.stdout)")
    let en = try CLI.run(["modules", "describe", "target-tracker", "--lang", "en"])
    #expect(en.stdout.contains("from 0.01 to 0.99"))
}
