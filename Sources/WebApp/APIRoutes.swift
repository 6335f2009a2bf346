import Briefings
import ForecastEngine
import Foundation
import Hummingbird
import ScenarioKit

/// The JSON API behind the page (`/api/v1/…`, described by `docs/openapi.yaml`; a test checks
/// that every route here is in the file and the file lists no other): health, shipped
/// scenarios, modules, validate, run, saved what-ifs (list, save, get, YAML, briefing zip),
/// compare.
struct APIRoutes: Sendable {
    let service: WhatIfService
    let store: WhatIfStore

    /// Every route as (method, OpenAPI path), for the spec check.
    static let routes: [(method: String, path: String)] = [
        ("get", "/api/v1/health"), ("get", "/api/v1/scenarios"), ("get", "/api/v1/scenarios/{id}"), ("get", "/api/v1/modules"),
        ("post", "/api/v1/validate"), ("post", "/api/v1/run"), ("get", "/api/v1/whatifs"), ("post", "/api/v1/whatifs"),
        ("get", "/api/v1/whatifs/{id}"), ("get", "/api/v1/whatifs/{id}/yaml"), ("get", "/api/v1/whatifs/{id}/briefing.zip"),
        ("get", "/api/v1/compare"),
    ]

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("health") { _, _ in
            let load = self.service.gate.load
            return HTTPReplies.json(["status": "ok", "running": load.running, "waiting": load.waiting])
        }
        api.get("scenarios") { _, _ in
            var list: [[String: Any]] = []
            for e in self.service.shipped.entries {
                var item: [String: Any] = ["id": e.id, "title": ["zh": e.title.zh, "en": e.title.en]]
                if let h = try? await self.service.headline(ofShipped: e.id) { item["headline"] = Self.object(h) }
                list.append(item)
            }
            return HTTPReplies.json(list)
        }
        api.get("scenarios/:id") { _, context in
            // A client may percent-encode the id (industry-chain-1%2B3%2B4).
            guard let raw = context.parameters.get("id"), let e = self.service.shipped.entry(raw.removingPercentEncoding ?? raw) else {
                return HTTPReplies.jsonError(.notFound, "no shipped scenario with this id")
            }
            return HTTPReplies.json(["id": e.id, "title": ["zh": e.title.zh, "en": e.title.en], "yaml": e.text])
        }
        api.get("modules") { _, _ in
            let descriptors = self.service.runtime.catalogue.entries.map(\.descriptor)
            let data = try JSONEncoder().encode(descriptors)
            return HTTPReplies.json(try JSONSerialization.jsonObject(with: data))
        }
        api.post("validate") { request, _ in
            try await self.withJSONBody(request) { body in
                guard let yaml = body["yaml"] as? String else { return HTTPReplies.jsonError(.badRequest, "expected {\"yaml\": \"…scenario text…\"}") }
                do {
                    let spec = try await self.service.check(yaml)
                    return HTTPReplies.json(["valid": true, "id": spec.id, "title": ["zh": spec.title.zh, "en": spec.title.en]])
                } catch {
                    return HTTPReplies.json(["valid": false, "problems": [HTTPReplies.problemObject(error)]])
                }
            }
        }
        api.post("run") { request, _ in
            try await self.withJSONBody(request) { body in
                guard let yaml = body["yaml"] as? String else { return HTTPReplies.jsonError(.badRequest, "expected {\"yaml\": \"…scenario text…\"}") }
                let base = body["base"] as? String
                if let base, self.service.shipped.entry(base) == nil { return HTTPReplies.jsonError(.unprocessableContent, "no shipped scenario \"\(base)\" (base)") }
                let language = PageLanguage(body["lang"] as? String).language
                do {
                    let run = try await self.service.run(yaml, base: base)
                    let data = try await Offload.run {
                        try JSONSerialization.data(withJSONObject: Self.runObject(run, language: language), options: [.sortedKeys, .withoutEscapingSlashes])
                    }
                    return HTTPReplies.json(data: data)
                } catch {
                    let c = HTTPReplies.classify(error)
                    return HTTPReplies.jsonError(c.status, c.message, problems: c.problems, headers: c.headers)
                }
            }
        }
        api.get("whatifs") { _, _ in
            HTTPReplies.json(try await self.store.list().map { Self.object($0, yaml: false) })
        }
        api.post("whatifs") { request, _ in
            try await self.withJSONBody(request) { body in
                guard let yaml = body["yaml"] as? String, let rawName = body["name"] as? String else {
                    return HTTPReplies.jsonError(.badRequest, "expected {\"name\": \"…\", \"yaml\": \"…\", \"author\": \"…\", \"base\": \"scenario id\"}")
                }
                let limit = self.service.settings.limits.nameCharacters
                let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
                let author = ((body["author"] as? String) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !name.isEmpty, name.count <= limit, author.count <= limit else {
                    return HTTPReplies.jsonError(.unprocessableContent, "name must have 1 to \(limit) characters and author at most \(limit)")
                }
                let base = body["base"] as? String
                if let base, self.service.shipped.entry(base) == nil { return HTTPReplies.jsonError(.unprocessableContent, "no shipped scenario \"\(base)\" (base)") }
                do {
                    let run = try await self.service.run(yaml, base: base)
                    let saved = try await self.store.save(SavedWhatIf.make(name: name, author: author, base: base, yaml: yaml, headline: run.headline))
                    return HTTPReplies.json(Self.object(saved, yaml: true), status: .created)
                } catch {
                    let c = HTTPReplies.classify(error)
                    return HTTPReplies.jsonError(c.status, c.message, problems: c.problems, headers: c.headers)
                }
            }
        }
        api.get("whatifs/:id") { _, context in
            guard let w = try await self.saved(context) else { return HTTPReplies.jsonError(.notFound, "no saved what-if with this id") }
            return HTTPReplies.json(Self.object(w, yaml: true))
        }
        api.get("whatifs/:id/yaml") { _, context in
            guard let w = try await self.saved(context) else { return HTTPReplies.jsonError(.notFound, "no saved what-if with this id") }
            return HTTPReplies.download(Data(w.yaml.utf8), type: "application/yaml; charset=utf-8", fileName: "what-if-\(w.id ?? 0).yaml")
        }
        api.get("whatifs/:id/briefing.zip") { request, context in
            guard let w = try await self.saved(context) else { return HTTPReplies.jsonError(.notFound, "no saved what-if with this id") }
            let language = PageLanguage(request.uri.queryParameters.get("lang")).language
            do {
                let run = try await self.service.run(w.yaml, base: w.baseScenario)
                let folder = "what-if-\(w.id ?? 0)"
                let zip = try await Offload.run { try ForecastBriefing(outcome: run.outcome, language: language).zipArchive(folder: folder) }
                return HTTPReplies.download(zip, type: "application/zip", fileName: "\(folder)-briefing.zip")
            } catch {
                let c = HTTPReplies.classify(error)
                return HTTPReplies.jsonError(c.status, c.message, problems: c.problems, headers: c.headers)
            }
        }
        api.get("compare") { request, _ in
            let q = request.uri.queryParameters
            guard let a = q.get("a").flatMap(Int64.init), let b = q.get("b").flatMap(Int64.init) else {
                return HTTPReplies.jsonError(.badRequest, "expected ?a=ID&b=ID (two saved what-ifs)")
            }
            guard let wa = try await self.store.find(a), let wb = try await self.store.find(b) else {
                return HTTPReplies.jsonError(.notFound, "no saved what-if with id \(a) or \(b)")
            }
            do {
                let ra = try await self.service.run(wa.yaml, base: nil)
                let rb = try await self.service.run(wb.yaml, base: nil)
                var out: [String: Any] = ["a": Self.object(wa, yaml: false), "b": Self.object(wb, yaml: false)]
                if let cmp = try? ForecastEngine.compare(name: wb.name, baseline: ra.outcome.baseline, alternative: rb.outcome.baseline) {
                    out["years"] = cmp.years.map { y -> [String: Any] in
                        ["year": y.year, "aP50": y.baselineP50, "bP50": y.alternativeP50, "differenceP50": y.differenceP50,
                         "aMean": y.baselineMean, "bMean": y.alternativeMean]
                    }
                } else {
                    out["years"] = [Any]()
                    out["note"] = "different plan years: no year-by-year comparison"
                }
                return HTTPReplies.json(out)
            } catch {
                let c = HTTPReplies.classify(error)
                return HTTPReplies.jsonError(c.status, c.message, problems: c.problems, headers: c.headers)
            }
        }
    }

    func saved(_ context: BasicRequestContext) async throws -> SavedWhatIf? {
        guard let raw = context.parameters.get("id"), let id = Int64(raw) else { return nil }
        return try await store.find(id)
    }

    /// `handle(body)` with the request's JSON object, or the error response for a body that is
    /// too large, not UTF-8 or not a JSON object.
    func withJSONBody(_ request: Request, _ handle: ([String: Any]) async throws -> Response) async throws -> Response {
        switch await jsonBody(request) {
        case let .success(body): return try await handle(body)
        case let .failure(rejected): return rejected.response
        }
    }

    struct Rejected: Error { let response: Response }

    /// The request's JSON object (at most the body limit).
    func jsonBody(_ request: Request) async -> Result<[String: Any], Rejected> {
        do {
            let text = try await request.text(limit: service.settings.limits.bodyBytes)
            guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                return .failure(Rejected(response: HTTPReplies.jsonError(.badRequest, "expected a JSON object")))
            }
            return .success(object)
        } catch let e as BodyTooLarge {
            return .failure(Rejected(response: HTTPReplies.jsonError(.contentTooLarge, "the request body is larger than \(e.limit) bytes")))
        } catch is BodyNotText {
            return .failure(Rejected(response: HTTPReplies.jsonError(.badRequest, "the request body is not UTF-8 text")))
        } catch {
            return .failure(Rejected(response: HTTPReplies.jsonError(.badRequest, "the request body is not JSON: \(error.localizedDescription)")))
        }
    }

    // MARK: Objects

    static func object(_ h: Headline) -> [String: Any] {
        func n(_ x: Double) -> Any { x.isFinite ? x : NSNull() }
        return [
            "targetYear": h.targetYear, "targetAmount": n(h.targetAmount), "probabilityTargetMet": n(h.probabilityTargetMet),
            "medianCAGR": n(h.medianCAGR), "requiredCAGR": n(h.requiredCAGR), "p10": n(h.p10), "p50": n(h.p50), "p90": n(h.p90),
        ]
    }

    static func object(_ w: SavedWhatIf, yaml: Bool) -> [String: Any] {
        var o: [String: Any] = [
            "id": w.id ?? 0, "name": w.name, "author": w.author, "createdAt": w.createdAt,
            "baseScenario": w.baseScenario.map { $0 as Any } ?? NSNull(),
        ]
        if let h = w.headline { o["headline"] = object(h) }
        if yaml { o["yaml"] = w.yaml }
        return o
    }

    /// A run: its headline, the baseline's when compared, and the briefing's JSON (forecast.json).
    static func runObject(_ run: WhatIfRun, language: Language) throws -> [String: Any] {
        let briefing = ForecastBriefing(outcome: run.outcome, language: language)
        var o: [String: Any] = [
            "id": run.outcome.id, "headline": object(run.headline),
            "briefing": try JSONSerialization.jsonObject(with: Data(try briefing.jsonBytes())),
        ]
        if let base = run.base {
            o["base"] = ["id": base.id, "headline": object(Headline(base.result))]
        }
        return o
    }
}

extension HTTPReplies {
    static func problemObject(_ error: any Error) -> [String: Any] {
        if let p = error as? WhatIfProblem { return problemObject(p) }
        return ["file": "what-if.yaml", "line": 1, "column": 1, "keyPath": "", "message": "\(error)"]
    }
}
