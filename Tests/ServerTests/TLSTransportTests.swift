import COpenSSL
import Foundation
import HTTP
import Testing

@testable import Server

/// Runs `body` against a live server with HTTPS on (and plain HTTP as `configure` leaves it).
func withTLSServer(
    _ certificates: TestCertificates, threads: Int = 2, configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer) throws -> Void
) throws {
    try withServer(
        threads: threads,
        configure: {
            certificates.configure(&$0.tls)
            configure(&$0)
        }
    ) { server, _ in try body(server) }
}

/// HTTPS through the event loops, spoken to by real clients: our OpenSSL test client, curl and
/// `openssl s_client`.
@Suite(.enabled(if: TestCertificates.isAvailable, "the openssl command is not installed"), .timeLimit(.minutes(2)))
struct TLSTransportTests {
    @Test func curlGetsTheResponseOverHTTPSVerifiedByTheTestCA() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            let tlsPort = try #require(server.tlsPort)
            let (output, status) = try run(
                "/usr/bin/curl", ["-sS", "--cacert", certificates.path("ca.pem"), "https://localhost:\(tlsPort)/hello"])
            #expect(status == 0)
            #expect(output == "GET /hello ")
            #expect(try serverStillAnswers(try #require(server.port)), "plain HTTP still served beside it")
        }
    }

    @Test func requestsOverTLSKnowTheyAreTLSAndKeepAliveWorks() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            let client = try TestTLSClient(port: try #require(server.tlsPort), caFile: certificates.path("ca.pem"))
            #expect(client.selectedProtocol == "http/1.1")
            for index in 0..<3 {
                try client.send("POST /echo/\(index) HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi")
                #expect(try client.readResponse().text == "POST /echo/\(index) hi")
            }
            try client.send("GET /context HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text.hasSuffix(" true"), "RequestContext.isTLS")
            let plain = try TestClient(port: try #require(server.port))
            try plain.send("GET /context HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try plain.readResponse().text.hasSuffix(" false"))
        }
    }

    @Test(arguments: ["tls1_2", "tls1_3"])
    func opensslClientConnectsWithVersionAndGetsHTTP11(version: String) throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            let (output, status) = try run(
                "/usr/bin/openssl",
                [
                    "s_client", "-connect", "127.0.0.1:\(try #require(server.tlsPort))", "-\(version)",
                    "-CAfile", certificates.path("ca.pem"), "-verify_return_error", "-alpn", "h2,http/1.1",
                    "-servername", "any-name.example",
                ])
            #expect(status == 0, "\(output)")
            let expected = version == "tls1_2" ? "TLSv1.2" : "TLSv1.3"
            #expect(output.contains("Protocol  : \(expected)") || output.contains("New, \(expected)"), "\(output)")
            #expect(output.contains("ALPN protocol: http/1.1"), "\(output)")
            #expect(output.contains("Verify return code: 0 (ok)"))
        }
    }

    @Test(arguments: ["tls1", "tls1_1"])
    func olderProtocolVersionsAreRefused(version: String) throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            let (output, status) = try run(
                "/usr/bin/openssl",
                [
                    "s_client", "-connect", "127.0.0.1:\(try #require(server.tlsPort))", "-\(version)",
                    // The client's own floor would otherwise refuse before the server is asked.
                    "-cipher", "DEFAULT:@SECLEVEL=0",
                ])
            #expect(status != 0)
            #expect(output.contains("alert protocol version"), "the server refused it: \(output)")
            #expect(try serverStillAnswers(try #require(server.port)))
        }
    }

    @Test func clientOfferingOnlyAnotherProtocolIsRefused() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            #expect(throws: TestClientError.self) {
                _ = try TestTLSClient(
                    port: try #require(server.tlsPort), caFile: certificates.path("ca.pem"), alpn: ["h2"])
            }
            let (output, _) = try run(
                "/usr/bin/openssl",
                ["s_client", "-connect", "127.0.0.1:\(try #require(server.tlsPort))", "-alpn", "h2"])
            #expect(output.contains("no application protocol"), "\(output)")
        }
    }

    @Test(arguments: [TLS1_2_VERSION, TLS1_3_VERSION])
    func sessionsResume(maxVersion: Int32) throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            let port = try #require(server.tlsPort)
            let first = try TestTLSClient(port: port, caFile: certificates.path("ca.pem"), maxVersion: maxVersion)
            try first.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try first.readResponse()
            #expect(!first.isResumed)
            let session = try #require(first.session())
            defer { SSL_SESSION_free(session) }
            let second = try TestTLSClient(
                port: port, caFile: certificates.path("ca.pem"), maxVersion: maxVersion, session: session)
            #expect(second.isResumed, "\(second.version) resumed the first session")
            try second.send("GET /two HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try second.readResponse().text == "GET /two ")
        }
    }

    @Test(arguments: [
        Array("GET / HTTP/1.1\r\nHost: t\r\n\r\n".utf8),
        // A TLS record header announcing a handshake, then nonsense.
        [0x16, 0x03, 0x01, 0x00, 0x40] + [UInt8](repeating: 0xAB, count: 64),
        [UInt8](repeating: 0, count: 4096),
    ])
    func garbageClosesOnlyThatConnection(garbage: [UInt8]) throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, threads: 1) { server in
            let port = try #require(server.tlsPort)
            let good = try TestTLSClient(port: port, caFile: certificates.path("ca.pem"))
            try good.send("GET /before HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try good.readResponse().text == "GET /before ")
            let bad = try TestClient(port: port)
            try bad.send(garbage)
            let answer = try bad.readUntilClosed()
            #expect(!String(decoding: answer, as: UTF8.self).contains("HTTP/1.1"), "no HTTP answer in clear text")
            try good.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try good.readResponse().text == "GET /after ", "the open session was not disturbed")
            let fresh = try TestTLSClient(port: port, caFile: certificates.path("ca.pem"))
            try fresh.send("GET /fresh HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try fresh.readResponse().text == "GET /fresh ")
        }
    }

    @Test func handshakeThatNeverFinishesIsCutAtTheTimeout() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, configure: { $0.tls.handshakeTimeoutSeconds = 0.5 }) { server in
            let port = try #require(server.tlsPort)
            let silent = try TestClient(port: port, receiveTimeout: 10)
            // Half a ClientHello: the server waits for the rest, until the timeout.
            let partial = try TestClient(port: port, receiveTimeout: 10)
            try partial.send([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03])
            let started = Date()
            _ = try silent.readUntilClosed()
            _ = try partial.readUntilClosed()
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed >= 0.3 && elapsed < 5, "closed after \(elapsed) s, timeout 0.5 s (idle is 60 s)")
            // The count drops just after the socket closes.
            for _ in 0..<100 where server.openConnectionCount > 0 { usleep(10_000) }
            #expect(server.openConnectionCount == 0)
            let client = try TestTLSClient(port: port, caFile: certificates.path("ca.pem"))
            try client.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "GET /ok ")
        }
    }

    @Test func pastTheConnectionCapATLSClientIsClosedAndTheCapHolds() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, configure: { $0.limits.maxConnections = 1 }) { server in
            let port = try #require(server.tlsPort)
            let first = try TestTLSClient(port: port, caFile: certificates.path("ca.pem"))
            #expect(throws: TestClientError.self, "no handshake (and no 503) past the cap") {
                _ = try TestTLSClient(port: port, caFile: certificates.path("ca.pem"))
            }
            try first.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try first.readResponse().text == "GET /held ")
            #expect(server.openConnectionCount == 1)
        }
    }

    @Test func finishedHandshakeIsNotCutByTheHandshakeTimeout() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, configure: { $0.tls.handshakeTimeoutSeconds = 0.3 }) { server in
            let client = try TestTLSClient(port: try #require(server.tlsPort), caFile: certificates.path("ca.pem"))
            Thread.sleep(forTimeInterval: 0.8)
            try client.send("GET /later HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "GET /later ")
        }
    }

    @Test func largeResponseToASlowReaderArrivesWhole() throws {
        // 6 MB asked for at once and read late: SSL_write finds the socket full again and again.
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            let client = try TestTLSClient(port: try #require(server.tlsPort), caFile: certificates.path("ca.pem"))
            try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\nGET /big HTTP/1.1\r\nHost: t\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.3)
            for _ in 0..<2 {
                let response = try client.readResponse()
                #expect(response.body.count == 3_000_000)
                #expect(response.body.allSatisfy { $0 == 0x61 })
            }
        }
    }

    @Test func handshakeThatFindsTheSocketFullWaitsForItToDrain() throws {
        // A ~60 KB certificate chain, a client with a small receive window and the server's end of
        // the socket given a small send buffer: the handshake flight cannot be written in one go, so
        // the server's read (which drives the handshake) has to wait for the socket to turn writable.
        let certificates = try TestCertificates()
        let leaf = try String(contentsOfFile: certificates.path("server.pem"), encoding: .utf8)
        let filler = try String(contentsOfFile: certificates.path("ca.pem"), encoding: .utf8)
        try (leaf + String(repeating: filler, count: 140)).write(
            toFile: certificates.path("long-chain.pem"), atomically: true, encoding: .utf8)
        try withTLSServer(certificates, configure: { $0.tls.certificatePath = certificates.path("long-chain.pem") }) {
            server in
            let port = try #require(server.tlsPort)
            let client = try TestTLSClient(
                port: port, caFile: certificates.path("ca.pem"), receiveBufferBytes: 4096,
                beforeHandshake: { descriptor in
                    let serverSide = try #require(acceptedDescriptor(peerOf: descriptor))
                    var size: Int32 = 4096
                    setsockopt(serverSide, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
                })
            try client.send("GET /chain HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "GET /chain ")
        }
    }

    @Test func keyUpdatesWhileALargeResponseIsInFlightAreAnswered() throws {
        // Each KeyUpdate arrives while the server is still writing the 3 MB before it, and is
        // answered (with the server's own KeyUpdate) as part of its later writes; both responses
        // must still decrypt on the client's side.
        let certificates = try TestCertificates()
        try withTLSServer(certificates) { server in
            let client = try TestTLSClient(port: try #require(server.tlsPort), caFile: certificates.path("ca.pem"))
            #expect(client.version == "TLSv1.3")
            for round in 0..<3 {
                try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                Thread.sleep(forTimeInterval: 0.1)
                #expect(client.requestKeyUpdate())
                try client.send("GET /after/\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse().body.count == 3_000_000)
                #expect(try client.readResponse().text == "GET /after/\(round) ")
            }
        }
    }

    @Test func pipelinedRequestsOverTLSAreAnsweredInOrder() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, configure: { $0.limits.maxPipelinedRequests = 3 }) { server in
            let client = try TestTLSClient(port: try #require(server.tlsPort), caFile: certificates.path("ca.pem"))
            try client.send((1...60).map { "GET /p/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
            for index in 1...60 {
                #expect(try client.readResponse().text == "GET /p/\(index) ")
            }
        }
    }

    @Test func redirectModeAnswers308ToTheSameTargetOverHTTPS() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, configure: { $0.tls.plainHTTP = .redirect }) { server in
            let tlsPort = try #require(server.tlsPort)
            let client = try TestClient(port: try #require(server.port))
            try client.send("POST /v1/x?q=a%20b HTTP/1.1\r\nHost: localhost:9\r\nContent-Length: 0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 308)
            #expect(response.header("Location") == "https://localhost:\(tlsPort)/v1/x?q=a%20b")
            let (output, status) = try run(
                "/usr/bin/curl",
                ["-sSL", "--cacert", certificates.path("ca.pem"), "http://localhost:\(try #require(server.port))/hop"])
            #expect(status == 0)
            #expect(output == "GET /hop ", "curl followed the redirect to HTTPS")
        }
    }

    @Test func plainHTTPCanBeTurnedOff() throws {
        let certificates = try TestCertificates()
        try withTLSServer(certificates, configure: { $0.tls.plainHTTP = .off }) { server in
            #expect(server.port == nil)
            let client = try TestTLSClient(port: try #require(server.tlsPort), caFile: certificates.path("ca.pem"))
            try client.send("GET /only HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "GET /only ")
        }
    }

    @Test func reloadSwapsTheCertificateForNewConnectionsOnly() throws {
        let certificates = try TestCertificates()
        try certificates.replace("live.pem", with: "server.pem")
        try certificates.replace("live.key", with: "server.key")
        try withTLSServer(
            certificates,
            configure: {
                $0.tls.certificatePath = certificates.path("live.pem")
                $0.tls.privateKeyPath = certificates.path("live.key")
            }
        ) { server in
            let port = try #require(server.tlsPort)
            let ca = certificates.path("ca.pem")
            let before = try TestTLSClient(port: port, caFile: ca)
            #expect(before.peerOrganization == "server")

            try certificates.replace("live.pem", with: "renewed.pem")
            try certificates.replace("live.key", with: "renewed.key")
            #expect(try server.reloadTLS())
            let after = try TestTLSClient(port: port, caFile: ca)
            #expect(after.peerOrganization == "renewed")
            try before.send("GET /old HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try before.readResponse().text == "GET /old ", "open connections keep their session")

            // A renewal half done (new key, old certificate) is refused and the last good pair stays.
            try certificates.replace("live.key", with: "other.key")
            #expect(
                throws: TLSError.keyMismatch(
                    certificatePath: certificates.path("live.pem"), privateKeyPath: certificates.path("live.key"))
            ) {
                try server.reloadTLS()
            }
            try certificates.replace("live.pem", with: "ca.key")
            #expect(throws: TLSError.self) { try server.reloadTLS() }
            let still = try TestTLSClient(port: port, caFile: ca)
            #expect(still.peerOrganization == "renewed")
            try still.send("GET /still HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try still.readResponse().text == "GET /still ")
        }
    }

    @Test func reloadWithoutHTTPSDoesNothing() throws {
        try withServer { server, _ in
            let reloaded = try server.reloadTLS()
            #expect(!reloaded)
        }
    }
}

/// The server's end (in this process) of the connection whose client end is `client`, once the
/// server has accepted it.
private func acceptedDescriptor(peerOf client: Int32) -> Int32? {
    func address(_ descriptor: Int32, peer: Bool) -> sockaddr_in? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                peer ? getpeername(descriptor, $0, &length) : getsockname(descriptor, $0, &length)
            }
        }
        return result == 0 && address.sin_family == sa_family_t(AF_INET) ? address : nil
    }
    guard let local = address(client, peer: false) else { return nil }
    for _ in 0..<200 {
        for descriptor in Int32(3)..<Int32(4096) where descriptor != client {
            if let peer = address(descriptor, peer: true), peer.sin_port == local.sin_port,
                peer.sin_addr.s_addr == local.sin_addr.s_addr
            {
                return descriptor
            }
        }
        usleep(10_000)
    }
    return nil
}
