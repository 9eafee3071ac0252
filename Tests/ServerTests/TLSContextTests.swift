import Foundation
import Testing

@testable import Server

/// Every way a certificate or key can be unusable stops start-up with a message that names the
/// file, its setting and the reason, before any port is bound.
@Suite(.enabled(if: TestCertificates.isAvailable, "the openssl command is not installed"))
struct TLSContextTests {
    private func startError(_ configure: (inout ServerConfiguration.TLS, TestCertificates) -> Void) throws -> String {
        let certificates = try TestCertificates()
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 1
        certificates.configure(&configuration.tls)
        configure(&configuration.tls, certificates)
        let server = HTTPServer(configuration: configuration, responder: TestResponder())
        do {
            try server.start()
        } catch {
            #expect(server.port == nil && server.tlsPort == nil, "nothing is bound when TLS set-up fails")
            guard case .tls = error else { return "not a TLS error: \(error)" }
            return error.description
        }
        server.shutdown()
        server.waitUntilStopped()
        return "started"
    }

    @Test func loadsTheGeneratedCertificate() throws {
        let certificates = try TestCertificates()
        _ = try TLSContext(
            certificatePath: certificates.path("server.pem"), privateKeyPath: certificates.path("server.key"))
    }

    @Test func missingCertificateIsNamed() throws {
        let message = try startError { tls, _ in tls.certificatePath = "/nonexistent/cert.pem" }
        #expect(
            message
                == "cannot read the TLS certificate /nonexistent/cert.pem (tls.certificate): No such file or directory")
    }

    @Test func missingKeyIsNamed() throws {
        let message = try startError { tls, _ in tls.privateKeyPath = "/nonexistent/key.pem" }
        #expect(
            message
                == "cannot read the TLS private key /nonexistent/key.pem (tls.privateKey): No such file or directory")
    }

    @Test func unreadableCertificateSaysWhy() throws {
        // A directory cannot be read as a file, even by root (to whom file modes do not apply).
        let message = try startError { tls, certificates in tls.certificatePath = certificates.folder.path }
        #expect(message.hasPrefix("cannot read the TLS certificate "))
        #expect(message.hasSuffix("(tls.certificate): Is a directory"))
    }

    @Test func fileThatIsNotPEMIsRefused() throws {
        let message = try startError { tls, certificates in
            _ = FileManager.default.createFile(
                atPath: certificates.path("junk.pem"), contents: Data("not a certificate\n".utf8))
            tls.certificatePath = certificates.path("junk.pem")
        }
        #expect(
            message.contains("junk.pem (tls.certificate) is not a usable PEM certificate: no start line"), "\(message)")
    }

    @Test func keyGivenAsCertificateIsRefused() throws {
        let message = try startError { tls, certificates in tls.privateKeyPath = certificates.path("server.pem") }
        #expect(message.contains("server.pem (tls.privateKey) is not a usable PEM private key"), "\(message)")
    }

    @Test func keyThatDoesNotMatchIsNamedWithTheCertificate() throws {
        let message = try startError { tls, certificates in tls.privateKeyPath = certificates.path("other.key") }
        #expect(message.contains("other.key (tls.privateKey) does not match the certificate"), "\(message)")
        #expect(message.contains("server.pem (tls.certificate)"))
    }

    @Test(arguments: ["encrypted.key", "encrypted-legacy.key"])
    func passwordProtectedKeyIsRefusedWithoutPrompting(name: String) throws {
        // Standard input is the test runner's: a prompt would hang here until the time limit.
        let message = try startError { tls, certificates in tls.privateKeyPath = certificates.path(name) }
        #expect(message.contains("\(name) (tls.privateKey) is password-protected"), "\(message)")
    }

    @Test func onlyOneFileIsAnIncompleteConfiguration() throws {
        let message = try startError { tls, _ in tls.privateKeyPath = "" }
        #expect(message == "TLS configuration: tls.certificate is set but tls.privateKey is not; HTTPS needs both")
    }

    @Test func redirectWithoutHTTPSIsRefused() throws {
        let message = try startError { tls, _ in
            tls = ServerConfiguration.TLS()
            tls.plainHTTP = .redirect
        }
        #expect(message.contains(#"tls.plainHTTP is "redirect" but HTTPS is off"#), "\(message)")
    }
}
