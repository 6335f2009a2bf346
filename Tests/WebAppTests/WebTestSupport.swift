import BuiltinModules
import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioKit
import WebApp

/// The repository (for docs/openapi.yaml).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A small what-if: the default dataset, 2,000 draws, one variant-free case.
func smallScenario(seed: Int = 7, extra: String = "", draws: Int = 2000, dataset: String = "builtin:binhai-default") -> String {
    """
    id: web-test
    title: {zh: 网页测试, en: Web test}
    dataset: \(dataset)
    plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
    engine: {draws: \(draws), seed: \(seed)}
    \(extra)
    """
}

/// One server for the tests that need no settings of their own, so its caches (the shipped
/// scenarios' runs) are shared. Its run budget is long: the tests run side by side on a debug build.
let sharedServer: WebServer = {
    var settings = ServerSettings()
    settings.limits.runSeconds = 1200
    return try! WebServer(settings: settings, catalogue: .builtin)
}()

/// A server over the built-in modules (the shared one, or a new one with `configure` applied to
/// its settings), and its router tested without a network.
func withServer(
    _ configure: ((inout ServerSettings) -> Void)? = nil,
    _ test: @escaping @Sendable (WebServer, any TestClientProtocol) async throws -> Void
) async throws {
    let server: WebServer
    if let configure {
        var settings = ServerSettings()
        settings.limits.runSeconds = 1200
        configure(&settings)
        server = try WebServer(settings: settings, catalogue: .builtin)
    } else {
        server = sharedServer
    }
    let app = Application(router: server.router(logRequests: false))
    try await app.test(.router) { client in try await test(server, client) }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The JSON object or array of the body.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
}

/// `application/x-www-form-urlencoded` of `fields`.
func formBody(_ fields: [String: String]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { k, v in
        (k.addingPercentEncoding(withAllowedCharacters: allowed) ?? k) + "=" + (v.addingPercentEncoding(withAllowedCharacters: allowed) ?? v)
    }.joined(separator: "&")
    return ByteBuffer(string: text)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

func jsonBody(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
}

/// The value of `data-value` on the element with `id` in `html`.
func dataValue(_ id: String, in html: String) -> Double? {
    guard let r = html.range(of: "id=\"\(id)\" data-value=\"") else { return nil }
    let rest = html[r.upperBound...]
    return Double(rest.prefix { $0 != "\"" })
}

/// The editor's current scenario text (the hidden textarea), unescaped.
func currentYAML(in html: String) -> String? {
    guard let start = html.range(of: "<textarea name=\"yaml\" id=\"current-yaml\" hidden>"),
        let end = html.range(of: "</textarea>", range: start.upperBound..<html.endIndex)
    else { return nil }
    return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
}
