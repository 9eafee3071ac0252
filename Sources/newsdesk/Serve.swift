import API
import ArgumentParser
import Foundation

/// `newsdesk serve`: resolves the configuration, starts listening, loads the corpus in the
/// background (so `/health` answers at once and `/ready` turns 200 when it is loaded), and stops
/// gracefully on SIGTERM or SIGINT.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the corpus over HTTP (the default subcommand).",
        discussion: """
            Settings come from flags, then NEWSDESK_* environment variables, then config.json, then \
            defaults; Docs/CONFIGURATION.md lists every key. Without --data or data.paths the sample \
            corpus bundled with the package is served.
            """)

    @Option(help: "Configuration file (default ./config.json when present; env NEWSDESK_CONFIG).")
    var config: String?

    @Option(help: "A corpus folder or file; repeat for several (config data.paths, env NEWSDESK_DATA).")
    var data: [String] = []

    @Option(help: "Address to listen on (config server.host, env NEWSDESK_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port (config server.port, env NEWSDESK_PORT; default 8080).")
    var port: String?

    @Option(help: "Event-loop threads, 0 for one per core (config server.threads, env NEWSDESK_THREADS).")
    var threads: String?

    @Option(help: "Log format: text or json (config log.format, env NEWSDESK_LOG_FORMAT).")
    var logFormat: String?

    @Flag(inversion: .prefixedNo, help: "One log line per request (config log.access, env NEWSDESK_ACCESS_LOG).")
    var accessLog: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: """
            Extract entities at load; --no-entities serves articles and search only, starts faster \
            and uses less memory (config entities.extract, env NEWSDESK_ENTITIES; default on).
            """)
    var entities: Bool?

    func run() throws {
        var flags: [(key: String, value: String)] = []
        if !data.isEmpty { flags.append(("data.paths", data.joined(separator: ","))) }
        if let host { flags.append(("server.host", host)) }
        if let port { flags.append(("server.port", port)) }
        if let threads { flags.append(("server.threads", threads)) }
        if let logFormat { flags.append(("log.format", logFormat)) }
        if let accessLog { flags.append(("log.access", String(accessLog))) }
        if let entities { flags.append(("entities.extract", String(entities))) }
        let settings: NewsdeskConfiguration
        do {
            settings = try NewsdeskConfiguration.resolve(
                configPath: config, environment: ProcessInfo.processInfo.environment, flags: flags)
        } catch {
            throw ValidationError(error.description)
        }
        try Application(configuration: settings).run()
    }
}
