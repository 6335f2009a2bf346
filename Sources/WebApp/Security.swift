import Foundation
import Hummingbird

/// Headers on every response: a Content-Security-Policy that allows scripts and styles from this
/// server only (no inline script, so text from data can never run; inline styles for the SVG
/// charts), no framing, no sniffing, no referrer, no caching of what a run computed.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// With a token (`--token`, `BINHAI_TOKEN`): every request carries `Authorization: Bearer T`, or
/// the cookie a browser gets by opening any page once with `?token=T` (HttpOnly, SameSite=Strict;
/// the token is then dropped from the address). Anything else is 401.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let auth = request.headers[.authorization], auth.hasPrefix("Bearer "), Self.same(String(auth.dropFirst(7)), token) {
            return try await next(request, context)
        }
        if let cookie = request.cookies["binhai_token"], Self.same(cookie.value, token) {
            return try await next(request, context)
        }
        if request.method == .get, let given = request.uri.queryParameters.get("token"), Self.same(given, token) {
            let rest = request.uri.queryParameters.filter { $0.key != "token" }
                .map { "\($0.key)=\(String($0.value).addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")" }
            var response = Response.redirect(to: request.uri.path + (rest.isEmpty ? "" : "?" + rest.joined(separator: "&")), type: .found)
            response.setCookie(Cookie(name: "binhai_token", value: token, path: "/", secure: false, httpOnly: true, sameSite: .strict))
            return response
        }
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = "Bearer realm=\"binhai\""
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(
            status: .unauthorized, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: "a token is required: send Authorization: Bearer TOKEN, or open the page once with ?token=TOKEN\n")))
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}

/// On loopback, a request whose Host is not a loopback name is refused (421): a web page on
/// another site cannot reach this server through DNS rebinding.
struct LoopbackHostMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let host = request.head.authority ?? request.headers[.init("Host")!] {
            guard Self.allows(host) else {
                return Response(
                    status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "this server answers on loopback only (Host \(host) refused); start it with --host to serve a network\n")))
            }
        }
        return try await next(request, context)
    }

    /// Whether `authority` (`host[:port]`) names this machine's loopback.
    static func allows(_ authority: String) -> Bool {
        let name = authority.hasPrefix("[")
            ? String(authority.prefix { $0 != "]" }) + "]" : String(authority.split(separator: ":", omittingEmptySubsequences: false).first ?? "")
        return ["127.0.0.1", "localhost", "[::1]"].contains(name.lowercased())
    }
}
