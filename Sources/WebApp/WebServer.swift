import Foundation
import Hummingbird
import Logging
import ScenarioKit
import ScenarioRuntime

/// `binhai serve`: the what-if page and its JSON API on Hummingbird, over one `ScenarioRuntime`
/// (the command line's), with the what-ifs in SQLite.
///
/// Safety: loopback unless `--host` (then a token is required unless explicitly waived), no
/// request names a server path (shipped scenarios by id, saved what-ifs by id, uploaded text
/// whose dataset is `builtin:` or under `--datasets`), limits on body, draws, variants, queued
/// and concurrent runs and run time, every user text escaped, a Content-Security-Policy.
public struct WebServer: Sendable {
    public let settings: ServerSettings
    public let service: WhatIfService
    public let store: WhatIfStore
    let pages: Pages

    /// A server over `catalogue` (built-ins plus any `--plugin` modules loaded at start).
    public init(settings: ServerSettings, catalogue: ModuleCatalogue) throws {
        self.settings = settings
        let runtime = ScenarioRuntime(catalogue: catalogue)
        self.service = try WhatIfService(runtime: runtime, settings: settings)
        self.store = try WhatIfStore(path: settings.databasePath)
        self.pages = try Pages()
    }

    /// Every JSON API route as (method, OpenAPI path), checked against docs/openapi.yaml.
    public static var apiRoutes: [(method: String, path: String)] { APIRoutes.routes }

    /// The router with every page and API route and the middlewares (request log, host check on
    /// loopback, token, security headers).
    public func router(logRequests: Bool = true) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware())
        if logRequests { router.add(middleware: LogRequestsMiddleware(.info)) }
        if settings.isLoopback { router.add(middleware: LoopbackHostMiddleware()) }
        if let token = settings.token { router.add(middleware: TokenMiddleware(token: token)) }
        PageRoutes(service: service, store: store, pages: pages).register(on: router)
        APIRoutes(service: service, store: store).register(on: router)
        return router
    }

    /// The Hummingbird application; `onRunning` gets the bound port (useful with port 0).
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "BinhaiSim"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// Computes the shipped scenarios' headlines in the background so the first start page is
    /// quick (each is computed once; later requests find it in the cache).
    public func warmUp() {
        let service = self.service
        Task.detached(priority: .utility) {
            for entry in service.shipped.entries { _ = try? await service.headline(ofShipped: entry.id) }
        }
    }
}
