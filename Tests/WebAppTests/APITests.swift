import BuiltinModules
import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioRuntime
import Testing
import WebApp
import Yams

/// Every endpoint of the JSON API and its error classes; the OpenAPI file lists exactly them.
@Suite struct APITests {
    @Test func openAPIFileListsExactlyTheServersRoutes() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: Any])
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                documented.insert("\(method) \(path)")
            }
        }
        let served = Set(WebServer.apiRoutes.map { "\($0.method) \($0.path)" })
        #expect(documented == served)
        #expect(spec["openapi"] as? String == "3.0.3")
    }

    @Test func healthScenariosModules() async throws {
        try await withServer { server, client in
            let health = try await client.execute(uri: "/api/v1/health", method: .get)
            #expect(health.status == .ok)
            #expect((health.json as? [String: Any])?["status"] as? String == "ok")
            let one = try await client.execute(uri: "/api/v1/scenarios/what-if-weak-fdi", method: .get)
            let object = try #require(one.json as? [String: Any])
            #expect(object["id"] as? String == "what-if-weak-fdi")
            #expect((object["yaml"] as? String)?.contains("id: what-if-weak-fdi") == true)
            let missing = try await client.execute(uri: "/api/v1/scenarios/..%2F..%2Fetc%2Fpasswd", method: .get)
            #expect(missing.status == .notFound)
            let modules = try await client.execute(uri: "/api/v1/modules", method: .get)
            let list = try #require(modules.json as? [[String: Any]])
            #expect(Set(list.compactMap { $0["id"] as? String }) == Set(server.service.runtime.catalogue.entries.map(\.descriptor.id)))
        }
    }

    @Test func validateAndRun() async throws {
        try await withServer { _, client in
            let ok = try await client.execute(uri: "/api/v1/validate", method: .post, headers: jsonHeaders, body: jsonBody(["yaml": smallScenario()]))
            #expect((ok.json as? [String: Any])?["valid"] as? Bool == true)
            let bad = try await client.execute(
                uri: "/api/v1/validate", method: .post, headers: jsonHeaders, body: jsonBody(["yaml": smallScenario(extra: "colour: blue")]))
            let b = try #require(bad.json as? [String: Any])
            #expect(b["valid"] as? Bool == false)
            let problem = try #require((b["problems"] as? [[String: Any]])?.first)
            #expect(problem["line"] as? Int == 6 && problem["column"] as? Int == 1 && problem["keyPath"] as? String == "colour")

            let run = try await client.execute(
                uri: "/api/v1/run", method: .post, headers: jsonHeaders,
                body: jsonBody(["yaml": smallScenario(), "base": "doubling-2020-2025", "lang": "en"]))
            #expect(run.status == .ok)
            let r = try #require(run.json as? [String: Any])
            let headline = try #require(r["headline"] as? [String: Any])
            let runtime = ScenarioRuntime(catalogue: .builtin)
            let direct = try runtime.run(try runtime.load(text: smallScenario(), file: "x.yaml"))
            #expect(headline["probabilityTargetMet"] as? Double == direct.baseline.probabilityTargetMet)
            #expect((r["base"] as? [String: Any])?["id"] as? String == "doubling-2020-2025")
            #expect(r["briefing"] is [String: Any])

            let unknownBase = try await client.execute(
                uri: "/api/v1/run", method: .post, headers: jsonHeaders, body: jsonBody(["yaml": smallScenario(), "base": "nope"]))
            #expect(unknownBase.status == .unprocessableContent)
            let notJSON = try await client.execute(uri: "/api/v1/run", method: .post, headers: jsonHeaders, body: ByteBuffer(string: "{nope"))
            #expect(notJSON.status == .badRequest)
            let noYAML = try await client.execute(uri: "/api/v1/run", method: .post, headers: jsonHeaders, body: jsonBody(["text": "x"]))
            #expect(noYAML.status == .badRequest)
            let badText = try await client.execute(
                uri: "/api/v1/run", method: .post, headers: jsonHeaders, body: jsonBody(["yaml": "id: [unclosed"]))
            #expect(badText.status == .unprocessableContent)
            let e = try #require((badText.json as? [String: Any])?["error"] as? [String: Any])
            #expect(e["status"] as? Int == 422 && (e["problems"] as? [Any])?.count == 1)
        }
    }

    @Test func whatIfsSaveListGetDownloadCompare() async throws {
        try await withServer { _, client in
            var ids: [Int] = []
            let tag = UUID().uuidString.prefix(8)
            for (name, seed) in [("low \(tag)", 1), ("high \(tag)", 2)] {
                let r = try await client.execute(
                    uri: "/api/v1/whatifs", method: .post, headers: jsonHeaders,
                    body: jsonBody(["name": name, "author": "test", "yaml": smallScenario(seed: seed), "base": "doubling-2020-2025"]))
                #expect(r.status == .created)
                let o = try #require(r.json as? [String: Any])
                ids.append(try #require(o["id"] as? Int))
                #expect(o["baseScenario"] as? String == "doubling-2020-2025")
            }
            let list = try await client.execute(uri: "/api/v1/whatifs", method: .get)
            // Newest first (other tests may have saved theirs in the shared store).
            #expect((list.json as? [[String: Any]])?.compactMap { $0["name"] as? String }.filter { $0.hasSuffix(String(tag)) } == ["high \(tag)", "low \(tag)"])
            let one = try await client.execute(uri: "/api/v1/whatifs/\(ids[0])", method: .get)
            #expect((one.json as? [String: Any])?["yaml"] as? String == smallScenario(seed: 1))
            let yaml = try await client.execute(uri: "/api/v1/whatifs/\(ids[0])/yaml", method: .get)
            #expect(yaml.text == smallScenario(seed: 1))
            #expect(yaml.headers[.contentType] == "application/yaml; charset=utf-8")
            let zip = try await client.execute(uri: "/api/v1/whatifs/\(ids[1])/briefing.zip?lang=en", method: .get)
            #expect(ZipNames.list(Data(buffer: zip.body)).contains("what-if-\(ids[1])/briefing.docx"))
            let cmp = try await client.execute(uri: "/api/v1/compare?a=\(ids[0])&b=\(ids[1])", method: .get)
            let c = try #require(cmp.json as? [String: Any])
            let years = try #require(c["years"] as? [[String: Any]])
            #expect(years.map { $0["year"] as? Int } == [2021, 2022, 2023, 2024, 2025])
            for y in years {
                let a = try #require(y["aP50"] as? Double), b = try #require(y["bP50"] as? Double)
                #expect(abs((y["differenceP50"] as? Double ?? .nan) - (b - a)) < 1e-9)
            }
            let page = try await client.execute(uri: "/compare?a=\(ids[0])&b=\(ids[1])&lang=en", method: .get)
            #expect(page.status == .ok && page.text.contains("high \(tag) against low \(tag) year by year"))
            for uri in ["/api/v1/whatifs/999", "/api/v1/whatifs/abc", "/api/v1/whatifs/999/yaml", "/api/v1/compare?a=1&b=999"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .notFound, "\(uri)")
            }
            #expect(try await client.execute(uri: "/api/v1/compare?a=x", method: .get).status == .badRequest)
            let nameless = try await client.execute(
                uri: "/api/v1/whatifs", method: .post, headers: jsonHeaders, body: jsonBody(["name": "", "yaml": smallScenario()]))
            #expect(nameless.status == .unprocessableContent)
        }
    }
}
