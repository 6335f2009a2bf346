import BuiltinModules
import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioFiles
import ScenarioRuntime
import Testing
import WebApp

/// The pages as a planner uses them: start page, editor, a lever changed, YAML errors, save,
/// download — and the numbers the page shows are those of `binhai run` on the downloaded file.
@Suite struct PageTests {
    @Test func startPageListsEveryShippedScenarioWithItsHeadline() async throws {
        try await withServer { server, client in
            let page = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            for entry in server.service.shipped.entries {
                #expect(page.text.contains("data-id=\"\(entry.id)\""), "\(entry.id) missing")
            }
            // The default scenario's P(target met) as the CLI reports it (82.8 %, README).
            let h = try #require(try await server.service.headline(ofShipped: "doubling-2020-2025"))
            #expect(page.text.contains(">\(String(format: "%.1f", h.probabilityTargetMet * 100))%<"))
            #expect(page.text.contains("<html lang=\"en\">"))
            let zh = try await client.execute(uri: "/", method: .get)
            #expect(zh.text.contains("<html lang=\"zh-CN\">") && zh.text.contains("随工具提供的方案"))
        }
    }

    @Test func leverChangeRunsThroughTheRuntimeAndTheDownloadReproducesIt() async throws {
        try await withServer { server, client in
            let text = smallScenario()
            let first = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "yaml", "yaml": text, "yamlEdit": text, "action": "run",
            ]))
            #expect(first.status == .ok)
            let p0 = try #require(dataValue("p-target-met", in: first.text))
            let current = try #require(currentYAML(in: first.text))
            #expect(current == text)
            // The foreign lead rate lowered from the form, as a planner would.
            let second = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "form", "yaml": current, "action": "run", "engine.sources.foreign.lead_rate": "0.3",
            ]))
            #expect(second.status == .ok)
            let p1 = try #require(dataValue("p-target-met", in: second.text))
            #expect(p1 < p0)
            let changed = try #require(currentYAML(in: second.text))
            #expect(changed.contains("lead_rate: 0.3"))
            // Download: the YAML the page ran.
            let download = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "form", "yaml": changed, "action": "yaml",
            ]))
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"web-test.yaml\"")
            #expect(download.text == changed)
            // `binhai run` on it: a fresh runtime (as the command line makes) gives the page's P exactly,
            // and so does the same change given as `--set`.
            let runtime = ScenarioRuntime(catalogue: .builtin)
            let fromFile = try runtime.run(try runtime.load(text: download.text, file: "web-test.yaml"))
            #expect(fromFile.baseline.probabilityTargetMet == p1)
            let set = try ParameterOverride.parse(commandLine: "engine.sources.foreign.lead_rate=0.3")
            let fromSet = try runtime.run(try runtime.load(text: text, file: "web-test.yaml", overrides: [set]))
            #expect(fromSet.baseline.probabilityTargetMet == p1)
            #expect(fromSet.baseline.yearly.map(\.investmentInPlace.p50) == fromFile.baseline.yearly.map(\.investmentInPlace.p50))
        }
    }

    @Test func shippedScenarioOpensWithBaselineAndComparison() async throws {
        try await withServer { _, client in
            let page = try await client.execute(uri: "/edit?scenario=what-if-weak-fdi&lang=en", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"fan-chart\""))
            #expect(page.text.contains("<svg"))
            #expect(dataValue("p-target-met", in: page.text) == dataValue("p-target-met-base", in: page.text))
            // Levers from the engine keys (effort by year, sources) and the comparison table.
            for name in ["plan.multiplier", "engine.effort.2023", "engine.sources.beijing.lead_rate", "engine.arrival_volatility"] {
                #expect(page.text.contains("name=\"\(name)\""), "\(name) missing")
            }
            #expect(page.text.contains("What-if against the baseline (what-if-weak-fdi) year by year"))
            let missing = try await client.execute(uri: "/edit?scenario=nope", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func moduleParametersBecomeFormFields() async throws {
        try await withServer { _, client in
            let page = try await client.execute(uri: "/edit?scenario=beijing-transfer-2025-2030&lang=zh", method: .get)
            #expect(page.status == .ok)
            // beijing-transfer's schema: work_teams (integer), feed_engine (boolean), with their help text.
            #expect(page.text.contains("name=\"modules.beijing-transfer.work_teams\" value=\"12\""))
            #expect(page.text.contains("name=\"present.modules.beijing-transfer.feed_engine\""))
            #expect(page.text.contains("id=\"module-tables\""))
        }
    }

    @Test func yamlErrorsAreShownInlineWithLineColumnAndKey() async throws {
        try await withServer { _, client in
            let bad = smallScenario().replacingOccurrences(of: "draws: 2000", with: "draws: lots")
            let page = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "yaml", "yaml": smallScenario(), "yamlEdit": bad, "action": "run",
            ]))
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("id=\"problems\""))
            #expect(page.text.contains("<code>what-if.yaml:5:17 engine.draws</code>"))
            // The text the user typed stays in the YAML tab, which stays open.
            #expect(page.text.contains("draws: lots"))
            #expect(page.text.contains("id=\"mode\" value=\"yaml\""))
            // A bad lever is shown at its field.
            let lever = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "form", "yaml": smallScenario(), "action": "run", "engine.arrival_volatility": "7",
            ]))
            #expect(lever.status == .unprocessableContent)
            #expect(lever.text.contains("engine.arrival_volatility"))
            #expect(lever.text.contains("expected a number from 0 to 1, got 7"))
        }
    }

    @Test func savedWhatIfNamedAsScriptShowsAsText() async throws {
        try await withServer { _, client in
            let name = "<script>alert(1)</script>"
            let saved = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "yaml", "yaml": smallScenario(), "yamlEdit": smallScenario(), "action": "save",
                "name": name, "author": "\"planner\" & co",
            ]))
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(location.hasPrefix("/edit?whatif=") && location.hasSuffix("&lang=en&saved=1"))
            for uri in ["/?lang=en", location] {
                let page = try await client.execute(uri: uri, method: .get)
                #expect(page.status == .ok)
                #expect(!page.text.contains(name), "unescaped name on \(uri)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
            let start = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(start.text.contains("&quot;planner&quot; &amp; co"))
            let nameless = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "yaml", "yaml": smallScenario(), "yamlEdit": smallScenario(), "action": "save", "name": "  ",
            ]))
            #expect(nameless.status == .unprocessableContent)
        }
    }

    @Test func actualsFormAddsARowThatMovesTheForecast() async throws {
        try await withServer { _, client in
            let text = smallScenario()
            let base = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "yaml", "yaml": text, "yamlEdit": text, "action": "run",
            ]))
            let p0 = try #require(dataValue("p-target-met", in: base.text))
            // A weak first quarter of 2023 (published figure entered on the page).
            let page = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "en", "mode": "form", "yaml": text, "action": "run",
                "actual.year": "2023", "actual.indicator": "total_in_place_q1", "actual.value": "350", "actual.status": "published",
            ]))
            #expect(page.status == .ok)
            let yaml = try #require(currentYAML(in: page.text))
            #expect(yaml.contains("actuals:") && yaml.contains("total_in_place_q1"))
            let p1 = try #require(dataValue("p-target-met", in: page.text))
            #expect(p1 < p0)
        }
    }

    @Test func zipHoldsTheWholeBriefingSet() async throws {
        try await withServer { _, client in
            let r = try await client.execute(uri: "/edit", method: .post, headers: formHeaders, body: formBody([
                "lang": "zh", "mode": "yaml", "yaml": smallScenario(), "yamlEdit": smallScenario(), "action": "zip",
            ]))
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/zip")
            let bytes = Data(buffer: r.body)
            #expect(bytes.prefix(2) == Data("PK".utf8))
            let names = ZipNames.list(bytes)
            for file in ["report.md", "report.txt", "forecast.csv", "forecast.json", "forecast.svg", "report.html", "briefing.xlsx", "briefing.docx"] {
                #expect(names.contains("web-test/\(file)"), "\(file) missing from \(names)")
            }
        }
    }

    @Test func staticAssetsAndLanguageToggle() async throws {
        try await withServer { _, client in
            let css = try await client.execute(uri: "/static/app.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            let js = try await client.execute(uri: "/static/app.js", method: .get)
            #expect(js.status == .ok && js.text.contains("'use strict'"))
            let page = try await client.execute(uri: "/edit?scenario=doubling-2020-2025", method: .get)
            #expect(page.text.contains("href=\"/edit?scenario=doubling-2020-2025&amp;lang=en\""))
            // No inline script anywhere: the only script is /static/app.js.
            #expect(page.text.components(separatedBy: "<script").count == 2)
        }
    }
}
