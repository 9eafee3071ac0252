import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real binary with HTTPS on: certificates from Tests/tls/make-test-certificates.sh, spoken to
/// with curl; every start-up error a certificate or key can cause, as the operator sees it.
@Suite(
    .serialized, .timeLimit(.minutes(3)),
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "the openssl command is not installed"))
struct HTTPSEndToEndTests {
    /// Fresh test certificates in a temporary folder, removed with the value.
    final class Certificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-e2e-tls-\(UUID())")

        init() throws {
            let script = ServerProcess.packageRoot.appendingPathComponent("Tests/tls/make-test-certificates.sh").path
            let result = try runBinary("/bin/bash", [script, folder.path])
            guard result.status == 0 else { throw ServerProcess.Failure.didNotStart(result.errors) }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        func environment(certificate: String = "server.pem", key: String = "server.key") -> [String: String] {
            [
                "NEWSDESK_TLS_CERTIFICATE": certificate.isEmpty ? "" : path(certificate),
                "NEWSDESK_TLS_PRIVATE_KEY": key.isEmpty ? "" : path(key), "NEWSDESK_TLS_PORT": "0",
            ]
        }
    }

    @Test func servesTheAPIOverHTTPSBesidePlainHTTP() throws {
        let certificates = try Certificates()
        let server = try ServerProcess(environment: certificates.environment())
        let tlsPort = try #require(server.tlsPort)
        let result = try curl([
            "--cacert", certificates.path("ca.pem"), "https://localhost:\(tlsPort)/v1/articles?limit=2",
        ])
        #expect(result.status == 0)
        let list = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any]
        #expect((list?["items"] as? [[String: Any]])?.count == 2)
        #expect((list?["total"] as? Int ?? 0) >= 30)
        #expect(try curl([server.url("/health")]).output == #"{"status":"ok"}"#, "plain HTTP beside it")
        #expect(server.stop() == 0)
    }

    @Test func redirectModeSendsPlainHTTPToHTTPS() throws {
        let certificates = try Certificates()
        var environment = certificates.environment()
        environment["NEWSDESK_TLS_PLAIN_HTTP"] = "redirect"
        let server = try ServerProcess(environment: environment, waitForReady: false)
        let tlsPort = try #require(server.tlsPort)
        let head = try curl(["-i", server.url("/v1/stats?x=1")]).output
        #expect(head.hasPrefix("HTTP/1.1 308"))
        #expect(head.contains("Location: https://127.0.0.1:\(tlsPort)/v1/stats?x=1\r\n"), "\(head)")
        let followed = try curl([
            "-L", "--cacert", certificates.path("ca.pem"), "http://localhost:\(server.port)/health",
        ])
        #expect(followed.output == #"{"status":"ok"}"#)
    }

    @Test func httpsOnlyWhenPlainHTTPIsOff() throws {
        let certificates = try Certificates()
        var environment = certificates.environment()
        environment["NEWSDESK_TLS_PLAIN_HTTP"] = "off"
        let server = try ServerProcess(environment: environment)
        #expect(server.scheme == "https", "no plain-HTTP listening line was printed")
        #expect(
            try curl(["--cacert", certificates.path("ca.pem"), "https://localhost:\(server.port)/health"]).output
                == #"{"status":"ok"}"#)
    }

    @Test func sighupReloadsTheCertificateAndARefusedOneKeepsTheOld() throws {
        let certificates = try Certificates()
        func install(_ name: String, as live: String) throws {
            try? FileManager.default.removeItem(atPath: certificates.path(live))
            try FileManager.default.copyItem(atPath: certificates.path(name), toPath: certificates.path(live))
        }
        func organization(_ port: Int) throws -> String {
            let result = try runBinary(
                "/usr/bin/openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"])
            return result.output.split(separator: "\n").first { $0.hasPrefix("subject=") }.map(String.init) ?? ""
        }
        func awaitReload(_ server: ServerProcess, _ outcome: String) -> String? {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if let line = server.standardError.split(separator: "\n").first(where: { $0.contains(outcome) }) {
                    return String(line)
                }
                usleep(50_000)
            }
            return nil
        }
        try install("server.pem", as: "live.pem")
        try install("server.key", as: "live.key")
        let server = try ServerProcess(environment: certificates.environment(certificate: "live.pem", key: "live.key"))
        let tlsPort = try #require(server.tlsPort)
        #expect(try organization(tlsPort).hasSuffix("O = server"))

        try install("renewed.pem", as: "live.pem")
        try install("renewed.key", as: "live.key")
        #expect(kill(server.process.processIdentifier, SIGHUP) == 0)
        let succeeded = try #require(awaitReload(server, "reload 1 (signal) succeeded"))
        #expect(succeeded.contains("certificate: reloaded"), "\(succeeded)")
        #expect(try organization(tlsPort).hasSuffix("O = renewed"))

        try install("other.key", as: "live.key")
        #expect(kill(server.process.processIdentifier, SIGHUP) == 0)
        let failed = try #require(awaitReload(server, "reload 2 (signal) failed"))
        #expect(failed.contains("live.key (tls.privateKey) does not match the certificate"), "\(failed)")
        #expect(try organization(tlsPort).hasSuffix("O = renewed"), "the last good certificate still serves")
        #expect(
            try curl(["--cacert", certificates.path("ca.pem"), "https://localhost:\(tlsPort)/health"]).output
                == #"{"status":"ok"}"#)
    }

    /// Each bad certificate or key: exit status 1, one clear line naming the file and the setting.
    @Test(arguments: [
        (
            "missing.pem", "server.key", "cannot read the TLS certificate ",
            "missing.pem (tls.certificate): No such file or directory"
        ),
        (
            "server.pem", "missing.key", "cannot read the TLS private key ",
            "missing.key (tls.privateKey): No such file or directory"
        ),
        (
            "server.key", "server.key", "the TLS certificate ",
            "server.key (tls.certificate) is not a usable PEM certificate"
        ),
        (
            "server.pem", "other.key", "the TLS private key ",
            "other.key (tls.privateKey) does not match the certificate"
        ),
        ("server.pem", "encrypted.key", "the TLS private key ", "encrypted.key (tls.privateKey) is password-protected"),
        ("server.pem", "", "TLS configuration: ", "tls.certificate is set but tls.privateKey is not"),
    ])
    func badCertificateOrKeyStopsStartUpWithAClearMessage(
        certificate: String, key: String, prefix: String, detail: String
    ) throws {
        let certificates = try Certificates()
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NEWSDESK_") }
        environment.merge(certificates.environment(certificate: certificate, key: key)) { $1 }
        let result = try runBinary(
            ServerProcess.binaryPath, ["serve", "--port", "0", "--no-access-log"], environment: environment)
        #expect(result.status == 1)
        #expect(result.errors.contains("newsdesk: \(prefix)"), "\(result.errors)")
        #expect(result.errors.contains(detail), "\(result.errors)")
        #expect(!result.output.contains("listening"))
    }
}

/// Runs a program to completion with stdin closed (so nothing can wait on a prompt) and a time
/// limit; returns its standard output, standard error and exit status.
func runBinary(
    _ path: String, _ arguments: [String], environment: [String: String]? = nil
) throws -> (
    output: String, errors: String, status: Int32
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    killer.cancel()
    return (
        String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self),
        process.terminationStatus
    )
}
