import API
import ArgumentParser
import Foundation
import Server

/// Wires a resolved configuration into a running server: listen first (so `/health` answers while
/// the corpus loads), load in the background, stop gracefully on SIGTERM or SIGINT.
struct Application {
    let configuration: NewsdeskConfiguration

    func run() throws {
        let service = NewsdeskService(configuration: configuration)
        let accessLog = configuration.accessLog ? AccessLog(format: accessLogFormat) : nil
        let server = HTTPServer(
            configuration: configuration.server, responder: service.makeResponder(), accessLog: accessLog)
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
        let watcher = try SignalWatcher { signal in
            log("info", "server.stopping", "signal \(signal): finishing requests in flight")
            server.shutdown()
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
