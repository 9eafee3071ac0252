import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The built `newsdesk` binary running as a child process on a free port, for tests that talk to
/// it as a user would. It is stopped (SIGTERM, then SIGKILL) when the test lets go of it.
final class ServerProcess {
    enum Failure: Error, CustomStringConvertible {
        case binaryMissing(String)
        case didNotStart(String)

        var description: String {
            switch self {
            case .binaryMissing(let path): "the newsdesk binary is not at \(path); run `swift build` first"
            case .didNotStart(let output): "newsdesk did not start listening:\n\(output)"
            }
        }
    }

    let process = Process()
    /// The plain-HTTP port, or the HTTPS port when plain HTTP is off.
    let port: Int
    /// The HTTPS port when the configuration turned HTTPS on.
    let tlsPort: Int?
    /// "https" when the server listens for HTTPS only.
    let scheme: String
    private let output: Pipe
    private let errors = Pipe()
    private let errorLog = ErrorLog()

    /// The executable beside the test bundle: SwiftPM builds products and tests into one folder.
    static var binaryPath: String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/"
            && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("newsdesk").path)
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("newsdesk").path
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Starts `newsdesk serve --port 0` with `arguments` added, and waits until it prints the ports
    /// it listens on and, when `waitForReady`, until `/ready` answers 200. Both listening lines come
    /// in one write, so seeing one means the other (if any) was read too.
    init(_ arguments: [String] = [], environment: [String: String] = [:], waitForReady: Bool = true) throws {
        let binary = Self.binaryPath
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Failure.binaryMissing(binary) }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0", "--host", "127.0.0.1"] + arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NEWSDESK_") }
        env.merge(environment) { $1 }
        process.environment = env
        output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let log = errorLog
        errors.fileHandleForReading.readabilityHandler = { handle in log.append(handle.availableData) }
        try process.run()
        var line = ""
        let reader = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        func listeningPort(_ scheme: String) -> Int? {
            guard
                let range = line.range(of: "listening on \(scheme)://127\\.0\\.0\\.1:\\d+", options: .regularExpression)
            else { return nil }
            return Int(line[range].split(separator: ":").last ?? "")
        }
        while listeningPort("http") == nil, listeningPort("https") == nil, Date() < deadline, process.isRunning {
            let data = reader.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        tlsPort = listeningPort("https")
        guard let found = listeningPort("http") ?? tlsPort else {
            process.terminate()
            throw Failure.didNotStart(line + errorLog.text)
        }
        port = found
        scheme = listeningPort("http") == nil ? "https" : "http"
        if waitForReady {
            for _ in 0..<600 {
                if (try? curl(["-k", "-o", "/dev/null", "-w", "%{http_code}", url("/ready")]).output) == "200" {
                    break
                }
                usleep(50_000)
            }
        }
    }

    deinit {
        if process.isRunning, stop(timeout: 10) == nil {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    /// What the server wrote to standard error so far (start-up log, load report, access log).
    var standardError: String { errorLog.text }

    /// Sends SIGTERM and waits for the exit status.
    /// `waitUntilExit` on a helper thread: polling `isRunning` from a test's thread can miss the
    /// exit until Foundation's own child monitor runs.
    func stop(timeout: TimeInterval = 20) -> Int32? {
        process.terminate()
        let exited = DispatchSemaphore(value: 0)
        let process = process
        Thread {
            process.waitUntilExit()
            exited.signal()
        }.start()
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        return process.terminationStatus
    }
}

/// Standard error collected from the child as it arrives.
final class ErrorLog: @unchecked Sendable {
    // Appended from the pipe's handler thread and read from the test: the lock guards `data`.
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// Runs `curl` with `arguments` and returns its standard output and exit status.
func curl(_ arguments: [String]) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments = ["-s", "--max-time", "20"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}
