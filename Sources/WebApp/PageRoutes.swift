import Briefings
import Foundation
import Hummingbird
import ScenarioFiles

/// The HTML pages: start page, what-if editor (GET opens and runs a scenario or saved what-if,
/// POST applies the levers or the YAML and runs, saves or downloads), comparison, assets.
struct PageRoutes: Sendable {
    let service: WhatIfService
    let store: WhatIfStore
    let pages: Pages

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await self.start(request) }
        router.get("/edit") { request, _ in try await self.open(request) }
        router.post("/edit") { request, _ in try await self.submit(request) }
        router.get("/compare") { request, _ in try await self.compare(request) }
        router.get("/static/app.css") { _, _ in HTTPReplies.asset(StaticAssets.styleSheet, type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in HTTPReplies.asset(StaticAssets.script, type: "text/javascript; charset=utf-8") }
    }

    func language(_ request: Request) -> PageLanguage { PageLanguage(request.uri.queryParameters.get("lang")) }

    // MARK: Start

    func start(_ request: Request) async throws -> Response {
        let l = language(request)
        var shipped: [(entry: ShippedScenarios.Entry, headline: Headline?)] = []
        for entry in service.shipped.entries {
            shipped.append((entry, try? await service.headline(ofShipped: entry.id)))
        }
        let saved = try await store.list()
        let pages = self.pages
        let rows = shipped
        return HTTPReplies.html(try await Offload.run { pages.start(l, shipped: rows, saved: saved) })
    }

    // MARK: Editor

    func open(_ request: Request) async throws -> Response {
        let l = language(request)
        let q = request.uri.queryParameters
        if let id = q.get("scenario") {
            guard let entry = service.shipped.entry(id) else {
                return notFound(l, l.t("没有这个方案：", "No such scenario: ") + id)
            }
            let state = EditorState(heading: l.name(entry.title), meta: l.t("方案 ", "scenario ") + entry.id, base: entry.id, yaml: entry.text)
            return await runAndShow(state, l, query: "scenario=\(id)")
        }
        if let raw = q.get("whatif") {
            guard let id = Int64(raw), let saved = try await store.find(id) else {
                return notFound(l, l.t("没有这个已保存的假设：", "No such saved what-if: ") + raw)
            }
            var state = EditorState(
                heading: saved.name, meta: l.t("已保存的假设，", "saved what-if, ") + "\(saved.author) · \(saved.createdAt)"
                    + (saved.baseScenario.map { l.t("，基于 ", ", based on ") + $0 } ?? ""),
                base: saved.baseScenario, yaml: saved.yaml, name: saved.name, author: saved.author, savedID: id)
            if q.get("saved") != nil { state.savedNotice = l.t("已保存。", "Saved.") }
            return await runAndShow(state, l, query: "whatif=\(id)")
        }
        return notFound(l, l.t("请从首页打开一个方案。", "Open a scenario from the start page."))
    }

    /// Fills the levers from `state.yaml`, runs it and renders the editor (errors as a page of
    /// their own status: 422 for the text, 429/503 for the server's limits).
    func runAndShow(_ state: EditorState, _ l: PageLanguage, query: String) async -> Response {
        var state = state
        do {
            let spec = try await service.check(state.yaml)
            state.groups = LeverForm.groups(for: spec)
            state.indicators = LeverForm.actualIndicators(for: spec)
            state.run = try await service.run(state.yaml, base: state.base)
            return await render(state, l, query: query)
        } catch {
            return await failure(error, state, l, query: query)
        }
    }

    /// The editor with the problems of `error` (422 for the text, 429/503 for the server's limits).
    func failure(_ error: any Error, _ state: EditorState, _ l: PageLanguage, query: String) async -> Response {
        var state = state
        let c = HTTPReplies.classify(error)
        state.problems = c.problems.isEmpty ? [WhatIfProblem(file: "server", message: c.message)] : c.problems
        var r = await render(state, l, query: query, status: c.status)
        r.headers.append(contentsOf: c.headers)
        return r
    }

    /// The editor page, rendered off the cooperative pool (charts and tables of a run).
    func render(_ state: EditorState, _ l: PageLanguage, query: String, status: HTTPResponse.Status = .ok) async -> Response {
        let pages = self.pages
        let html = (try? await Offload.run { pages.editor(l, state, toggleQuery: query) }) ?? ""
        return HTTPReplies.html(html, status: status)
    }

    func submit(_ request: Request) async throws -> Response {
        let body: String
        do {
            body = try await request.text(limit: service.settings.limits.bodyBytes)
        } catch let e as BodyTooLarge {
            return HTTPReplies.html(
                pages.error(PageLanguage(nil), heading: "413", message: "the form is larger than \(e.limit) bytes", path: "/"), status: .contentTooLarge)
        } catch {
            return HTTPReplies.html(pages.error(PageLanguage(nil), heading: "400", message: "the form is not UTF-8 text", path: "/"), status: .badRequest)
        }
        let form = FormBody.parse(body)
        let l = PageLanguage(form["lang"])
        let base = form["base"].flatMap { $0.isEmpty ? nil : $0 }.flatMap { service.shipped.entry($0)?.id }
        let action = form["action"] ?? "run"
        let previous = form["yaml"] ?? ""
        let mode = form["mode"] == "yaml" ? "yaml" : "form"
        var state = EditorState(
            heading: l.t("假设", "What-if") + (base.map { l.t("：", ": ") + $0 } ?? ""), meta: base.map { l.t("基于方案 ", "based on scenario ") + $0 } ?? "",
            base: base, yaml: previous, mode: mode, name: limited(form["name"]), author: limited(form["author"]))
        let query = base.map { "scenario=\($0)" } ?? ""
        // The text to run: the YAML tab's, or the previous text with the changed levers applied.
        var text = previous
        if mode == "yaml" {
            text = form["yamlEdit"] ?? previous
            state.yaml = text
            if let spec = try? await service.check(previous) {
                state.groups = LeverForm.groups(for: spec)
                state.indicators = LeverForm.actualIndicators(for: spec)
            }
        } else {
            do {
                let spec = try await service.check(previous)
                var groups = LeverForm.groups(for: spec)
                state.groups = groups
                state.indicators = LeverForm.actualIndicators(for: spec)
                let overrides = try LeverForm.overrides(form, groups: groups)
                let actual = (form["actual.value"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? nil : [
                    "year": form["actual.year"] ?? "", "indicator": form["actual.indicator"] ?? "",
                    "value": form["actual.value"] ?? "", "status": form["actual.status"] ?? "published",
                    "note": l.t("网页录入", "entered on the web page"),
                ]
                // Show what was typed if it fails.
                for g in groups.indices {
                    for f in groups[g].fields.indices {
                        if let v = form[groups[g].fields[f].name] { groups[g].fields[f].value = v }
                    }
                }
                state.groups = groups
                text = try LeverForm.apply(overrides, actual: actual, to: previous, file: "what-if.yaml")
            } catch {
                state.problems = HTTPReplies.classify(error).problems
                return await render(state, l, query: query, status: .unprocessableContent)
            }
        }
        do {
            let spec = try await service.check(text)
            switch action {
            case "yaml":
                return HTTPReplies.download(Data(text.utf8), type: "application/yaml; charset=utf-8", fileName: "\(spec.id).yaml")
            case "zip":
                let run = try await service.run(text, base: base)
                let briefing = ForecastBriefing(outcome: run.outcome, language: l.language)
                let id = spec.id
                let zip = try await Offload.run { try briefing.zipArchive(folder: id) }
                return HTTPReplies.download(zip, type: "application/zip", fileName: "\(spec.id)-briefing.zip")
            case "save":
                let name = state.name.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    state.yaml = text
                    state.groups = LeverForm.groups(for: spec)
                    state.indicators = LeverForm.actualIndicators(for: spec)
                    state.problems = [WhatIfProblem(file: "form", keyPath: "name", message: l.t("请给假设起个名字", "give the what-if a name"))]
                    return await render(state, l, query: query, status: .unprocessableContent)
                }
                let run = try await service.run(text, base: base)
                let saved = try await store.save(SavedWhatIf.make(name: name, author: state.author, base: base, yaml: text, headline: run.headline))
                return Response.redirect(to: "/edit?whatif=\(saved.id ?? 0)&lang=\(l.code)&saved=1", type: .normal)
            default:
                state.yaml = text
                state.mode = "form"
                return await runAndShow(state, l, query: query)
            }
        } catch {
            return await failure(error, state, l, query: query)
        }
    }

    func limited(_ s: String?) -> String { String((s ?? "").prefix(service.settings.limits.nameCharacters)) }

    // MARK: Compare

    func compare(_ request: Request) async throws -> Response {
        let l = language(request)
        let q = request.uri.queryParameters
        guard let a = q.get("a").flatMap(Int64.init), let b = q.get("b").flatMap(Int64.init),
            let wa = try await store.find(a), let wb = try await store.find(b)
        else {
            return notFound(l, l.t("请选择两个已保存的假设。", "Choose two saved what-ifs."))
        }
        do {
            let ra = try await service.run(wa.yaml, base: nil)
            let rb = try await service.run(wb.yaml, base: nil)
            let pages = self.pages
            return HTTPReplies.html(try await Offload.run { pages.compare(l, a: wa, ra: ra, b: wb, rb: rb, query: "a=\(a)&b=\(b)") })
        } catch {
            let c = HTTPReplies.classify(error)
            return HTTPReplies.html(pages.error(l, heading: l.t("无法比较", "Cannot compare"), message: c.message, path: "/"), status: c.status)
        }
    }

    func notFound(_ l: PageLanguage, _ message: String) -> Response {
        HTTPReplies.html(pages.error(l, heading: l.t("未找到", "Not found"), message: message, path: "/"), status: .notFound)
    }
}

extension SavedWhatIf {
    /// A new what-if stamped now (UTC).
    static func make(name: String, author: String, base: String?, yaml: String, headline: Headline) -> SavedWhatIf {
        let json = (try? JSONEncoder().encode(headline)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let stamp = ISO8601DateFormatter().string(from: Date())
        return SavedWhatIf(
            id: nil, name: name, author: author.isEmpty ? "—" : author, createdAt: stamp, baseScenario: base, yaml: yaml, headlineJSON: json)
    }
}
