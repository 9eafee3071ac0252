import API
import ArgumentParser
import Foundation
import Server

/// Wires a resolved configuration into a running server: listen first (so `/health` answers while
/// the corpus loads), load in the background, reload on SIGHUP (or `POST /v1/admin/reload`), stop
/// gracefully on SIGTERM or SIGINT.
struct Application {
    let configuration: NewsdeskConfiguration

    func run() throws {
        let service = NewsdeskService(configuration: configuration)
        let accessLog = configuration.accessLog ? AccessLog(format: accessLogFormat) : nil
        let reloader = Reloader { status in announce(status) }
        let server = HTTPServer(
            configuration: configuration.server, responder: service.makeResponder(reloader: reloader),
            accessLog: accessLog, metrics: service.metrics)
        // What a reload refreshes, in order; a step for anything else that can be reloaded is added
        // here, before the server starts taking requests.
        reloader.add(service.corpusReloadStep)
        if configuration.server.tls.isRequested {
            let files = "\(configuration.server.tls.certificatePath), \(configuration.server.tls.privateKeyPath)"
            reloader.add(
                ReloadStep(name: "certificate") {
                    try server.reloadTLS()
                    return "reloaded \(files); new connections use it"
                })
        }
        do {
            try server.start()
        } catch {
            log("error", "server.failed", error.description)
            throw ExitCode.failure
        }
        // The lines tests and scripts wait for; stdout, one write, so a pipe sees both at once.
        let host = configuration.server.host
        var listening = ""
        if let port = server.tlsPort { listening += "newsdesk: listening on https://\(host):\(port)\n" }
        if let port = server.port { listening += "newsdesk: listening on http://\(host):\(port)\n" }
        FileHandle.standardOutput.write(Data(listening.utf8))
        let watcher = try SignalWatcher(signals: [SIGTERM, SIGINT, SIGHUP]) { signal in
            guard signal == SIGHUP else {
                log("info", "server.stopping", "signal \(signal): finishing requests in flight")
                server.shutdown()
                return
            }
            if case .alreadyRunning(let status) = reloader.start(.signal) {
                log("warning", "reload.ignored", "SIGHUP ignored: reload \(status.id) is still running")
            }
        }
        if !configuration.extractEntities {
            log("info", "entities.off", "entity extraction is off (entities.extract): the entity endpoints answer 404")
        }
        let loader = Thread {
            let snapshot = service.loadCorpus()
            log("info", "corpus.loaded", snapshot.report.description)
        }
        loader.name = "newsdesk-load"
        loader.start()
        server.waitUntilStopped()
        watcher.cancel()
        log("info", "server.stopped", "stopped")
    }

    /// One line when a reload starts and one when it ends, saying what changed or why nothing did.
    private func announce(_ status: ReloadStatus) {
        let name = "reload \(status.id) (\(status.trigger?.rawValue ?? "?"))"
        let steps = status.steps.map { "\($0.name): \($0.detail)" }.joined(separator: "; ")
        let seconds = String(format: "%.2f", status.seconds ?? 0)
        switch status.state {
        case .idle, .running: log("info", "reload.started", "\(name) started")
        case .succeeded: log("info", "reload.succeeded", "\(name) succeeded in \(seconds) s: \(steps)")
        case .failed:
            log("error", "reload.failed", "\(name) failed after \(seconds) s; what failed stays as it was: \(steps)")
        }
    }

    private var accessLogFormat: AccessLog.Format {
        configuration.logFormat == .json ? .json : .text
    }

    /// A start-up or life-cycle line on standard error, in the configured format.
    private func log(_ level: String, _ event: String, _ message: String) {
        let line: String
        switch configuration.logFormat {
        case .text:
            line = "newsdesk: \(message)\n"
        case .json:
            let object: [String: String] = [
                "time": Date().formatted(.iso8601), "level": level, "event": event, "message": message,
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self) + "\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
