import Foundation
import Server

/// A private CA and certificates signed by it, made fresh in a temporary folder by
/// Tests/tls/make-test-certificates.sh (the script the CI sslyze check uses too).
final class TestCertificates {
    /// Tests that need certificates are skipped, with this as the reason, where `openssl` is missing.
    static let isAvailable = ["/usr/bin/openssl", "/usr/local/bin/openssl"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tls/make-test-certificates.sh").path

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-tls-\(UUID())")
        let (output, status) = try run("/bin/bash", [Self.script, folder.path])
        guard status == 0 else { throw TestClientError(description: "make-test-certificates.sh failed: \(output)") }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Copies `name` over `target` in this folder, the way a certificate renewal replaces files.
    func replace(_ target: String, with name: String) throws {
        try? FileManager.default.removeItem(atPath: path(target))
        try FileManager.default.copyItem(atPath: path(name), toPath: path(target))
    }

    /// A configuration serving HTTPS with `server.pem` on a free port.
    func configure(_ configuration: inout ServerConfiguration.TLS) {
        configuration.certificatePath = path("server.pem")
        configuration.privateKeyPath = path("server.key")
        configuration.port = 0
    }
}

/// Runs a program to completion with stdin closed; returns its output (stdout and stderr) and status.
func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 20) throws -> (String, Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}
