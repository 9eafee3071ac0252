import COpenSSL
import Foundation

/// `TestClient` over TLS, built directly on OpenSSL's client API over a blocking socket, so a test
/// can hold a session open, look at what was negotiated and send bytes when it likes.
final class TestTLSClient: TestClient {
    private let context: OpaquePointer
    private let ssl: OpaquePointer

    /// Connects and completes the handshake, verifying the server against `caFile` as `localhost`.
    /// - Parameters:
    ///   - alpn: protocols offered, in order; empty offers none.
    ///   - session: a session from an earlier connection, to resume.
    ///   - beforeHandshake: runs with the connected socket before the first TLS byte is sent.
    init(
        port: Int, caFile: String, alpn: [String] = ["http/1.1"], maxVersion: Int32 = TLS1_3_VERSION,
        session: OpaquePointer? = nil, receiveTimeout: Double = 5, receiveBufferBytes: Int32? = nil,
        beforeHandshake: (Int32) throws -> Void = { _ in }
    ) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Self.failure("SSL_CTX_new") }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1,
            copenssl_ctx_set_max_proto_version(context, maxVersion) == 1,
            let ssl = SSL_new(context)
        else {
            SSL_CTX_free(context)
            throw Self.failure("client set-up")
        }
        self.context = context
        self.ssl = ssl
        try super.init(port: port, receiveTimeout: receiveTimeout, receiveBufferBytes: receiveBufferBytes)
        _ = SSL_set1_host(ssl, "localhost")
        if !alpn.isEmpty {
            let wire = alpn.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
            _ = SSL_set_alpn_protos(ssl, wire, UInt32(wire.count))
        }
        if let session { SSL_set_session(ssl, session) }
        SSL_set_fd(ssl, descriptor)
        try beforeHandshake(descriptor)
        ERR_clear_error()
        guard SSL_connect(ssl) == 1 else { throw Self.failure("handshake") }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    override func transmit(_ bytes: UnsafeRawBufferPointer) -> Int {
        let count = SSL_write(ssl, bytes.baseAddress, Int32(bytes.count))
        return count > 0 ? Int(count) : -1
    }

    override func receive(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))
        if count > 0 { return Int(count) }
        switch SSL_get_error(ssl, count) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            errno = EAGAIN  // the receive timeout passed
            return -1
        case SSL_ERROR_SYSCALL where errno != 0:
            return -1
        default:
            return 0
        }
    }

    /// The organisation of the server's certificate: make-test-certificates.sh names each pair there.
    var peerOrganization: String? {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
        defer { X509_free(certificate) }
        var buffer = [CChar](repeating: 0, count: 256)
        let length = X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_organizationName, &buffer, 256)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    var selectedProtocol: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// Asks for a TLS 1.3 key update, sent with the next write; the server must answer with its own.
    func requestKeyUpdate() -> Bool { SSL_key_update(ssl, SSL_KEY_UPDATE_REQUESTED) == 1 }

    var version: String { String(cString: SSL_get_version(ssl)) }
    var isResumed: Bool { SSL_session_reused(ssl) == 1 }

    /// The session to resume later (TLS 1.3 tickets arrive after the handshake: read a response first).
    /// The caller frees it with `SSL_SESSION_free`.
    func session() -> OpaquePointer? { SSL_get1_session(ssl) }

    private static func failure(_ step: String) -> TestClientError {
        let error = ERR_get_error()
        ERR_clear_error()
        let reason = ERR_reason_error_string(error).map { String(cString: $0) } ?? "errno \(errno)"
        return TestClientError(description: "TLS \(step) failed: \(reason)")
    }
}
