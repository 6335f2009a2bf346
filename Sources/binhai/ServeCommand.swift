import ArgumentParser
import Dispatch
import Foundation
import Logging
import WebApp

/// `binhai serve`: the local web page where planners run what-ifs (docs/WEB.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the what-if web page and its JSON API (loopback only unless --host).",
        discussion: """
            Open the printed address in a browser. Shipped scenarios and saved what-ifs are listed on \
            the start page; the editor runs the same runtime as `binhai run`. Off loopback a token is \
            required (--token or BINHAI_TOKEN); open the page once with ?token=TOKEN.
            """)

    @Option(help: "TCP port (0: any free port).")
    var port: Int = 8080

    @Option(help: "Address to listen on. Anything but 127.0.0.1/localhost/::1 serves the network: then a token is required.")
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("SQLite file of saved what-ifs (created if missing; WAL mode). Without it they last until the server stops.", valueName: "file"))
    var db: String?

    @Option(help: ArgumentHelp("Folder whose sub-folders uploaded scenarios may name as their dataset (besides builtin:).", valueName: "dir"))
    var datasets: String?

    @Option(help: "Bearer token required on every request (default: BINHAI_TOKEN).")
    var token: String?

    @Flag(help: "Serve a network address without a token (not recommended).")
    var insecureNoToken = false

    @Option(help: "Largest number of draws per case a request may ask for.")
    var maxDraws: Int = 100_000

    @Option(help: "Seconds after which a run is cancelled.")
    var runSeconds: Double = 60

    @Option(help: "Runs computed at once (default: one per core); more wait in a queue of 32.")
    var concurrentRuns: Int?

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
        guard maxDraws >= 1 else { throw ValidationError("--max-draws \(maxDraws): expected at least 1") }
        guard runSeconds > 0 else { throw ValidationError("--run-seconds \(runSeconds): expected more than 0") }
        if let c = concurrentRuns, c < 1 { throw ValidationError("--concurrent-runs \(c): expected at least 1") }
    }

    func run() throws {
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.databasePath = db
        settings.token = token ?? ProcessInfo.processInfo.environment["BINHAI_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        settings.limits.drawsPerCase = maxDraws
        settings.limits.runSeconds = runSeconds
        if let c = concurrentRuns { settings.limits.concurrentRuns = c }
        if let datasets {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: datasets, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("--datasets \(datasets): no such folder")
            }
            settings.datasetsFolder = URL(fileURLWithPath: datasets, isDirectory: true).standardizedFileURL
        }
        if !settings.isLoopback {
            FileHandle.standardError.write(Data("warning: serving \(host), not loopback: anyone who can reach this address can use the page\n".utf8))
            if settings.token == nil && !insecureNoToken {
                throw ValidationError("--host \(host) serves a network: give --token TOKEN (or BINHAI_TOKEN), or --insecure-no-token")
            }
        }
        let server = try WebServer(settings: settings, catalogue: try plugins.catalogue())
        server.warmUp()
        var logger = Logger(label: "binhai.serve")
        logger.logLevel = .info
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let app = server.application(logger: logger) { bound in
            FileHandle.standardError.write(Data("BinhaiSim web page: http://\(shownHost):\(bound)/  (Ctrl-C stops)\n".utf8))
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)? = nil
        Task {
            do { try await app.runService() } catch { failure = error }
            done.signal()
        }
        done.wait()
        if let failure { throw ServeFailure(message: "\(failure)") }
    }
}

struct ServeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { "the server stopped: \(message)" }
}
