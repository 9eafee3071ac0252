import COpenSSL
import Foundation

/// One configured OpenSSL server context: certificate, key and the protocol policy. Built once,
/// never changed after, shared by every event loop; a reload builds a new one and swaps it in
/// (`TLSContextHolder`). Each connection's `SSL` holds its own reference, so connections keep the
/// context they started with when a newer one replaces it.
///
/// `@unchecked Sendable` invariant: the `SSL_CTX` is fully configured in `init` and only read
/// afterwards (`SSL_new`, and OpenSSL's internally locked session cache), which OpenSSL allows
/// from any number of threads.
final class TLSContext: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Mozilla's "intermediate" profile (v5.7) for TLS 1.2: ECDHE key exchange with AES-GCM or
    /// ChaCha20-Poly1305 only, ECDSA before RSA. (The profile's DHE suites are left out: they need
    /// DH parameters and serve no client that lacks ECDHE.)
    static let tls12Ciphers = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")
    static let tls13Suites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"
    /// The profile's key-exchange groups; OpenSSL's default list would add X448, P-521 and FFDHE.
    static let groups = "X25519:P-256:P-384"
    /// Server-side sessions remembered for TLS 1.2 resumption by id (tickets need no memory).
    static let sessionCacheSize = 20_000

    /// Reads and checks the certificate chain and key, and configures the protocol policy.
    init(certificatePath: String, privateKeyPath: String) throws(TLSError) {
        let certificatePEM = try Self.read(.certificate, at: certificatePath)
        let keyPEM = try Self.read(.privateKey, at: privateKeyPath)
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw .setupFailed("SSL_CTX_new: \(Self.openSSLReason())")
        }
        pointer = context
        try configureProtocol()
        try useCertificateChain(certificatePEM, path: certificatePath)
        try usePrivateKey(keyPEM, path: privateKeyPath, certificatePath: certificatePath)
    }

    deinit { SSL_CTX_free(pointer) }

    private func configureProtocol() throws(TLSError) {
        // Never prompt on a terminal, whatever PEM OpenSSL is handed.
        copenssl_ctx_refuse_passwords(pointer)
        guard copenssl_ctx_set_min_proto_version(pointer, TLS1_2_VERSION) == 1,
            copenssl_ctx_set_max_proto_version(pointer, TLS1_3_VERSION) == 1
        else { throw .setupFailed("cannot limit the protocol to TLS 1.2 and 1.3: \(Self.openSSLReason())") }
        guard SSL_CTX_set_cipher_list(pointer, Self.tls12Ciphers) == 1,
            SSL_CTX_set_ciphersuites(pointer, Self.tls13Suites) == 1
        else { throw .setupFailed("the cipher list was refused: \(Self.openSSLReason())") }
        guard copenssl_ctx_set1_groups_list(pointer, Self.groups) == 1 else {
            throw .setupFailed("the key-exchange groups were refused: \(Self.openSSLReason())")
        }
        // Renegotiation is a DoS lever and the one way a TLS 1.2 read could need a write mid-stream;
        // clients closing without close_notify are normal for HTTP (requests are self-delimiting).
        // The client's cipher order wins, as the intermediate profile says: every suite offered is strong.
        _ = SSL_CTX_set_options(
            pointer, COPENSSL_OP_NO_RENEGOTIATION | COPENSSL_OP_IGNORE_UNEXPECTED_EOF | COPENSSL_OP_NO_COMPRESSION)
        _ = SSL_CTX_clear_options(pointer, COPENSSL_OP_CIPHER_SERVER_PREFERENCE)
        // Partial writes and a movable buffer match how the loop writes a growing output array;
        // releasing buffers of idle connections saves ~34 KB each across thousands of keep-alives.
        _ = copenssl_ctx_set_mode(
            pointer,
            COPENSSL_MODE_ENABLE_PARTIAL_WRITE | COPENSSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
                | COPENSSL_MODE_RELEASE_BUFFERS)
        // Resumption: a server-side cache for TLS 1.2 session ids, and tickets (OpenSSL's default,
        // two per TLS 1.3 handshake) sealed with this context's random key.
        _ = copenssl_ctx_set_session_cache_mode(pointer, COPENSSL_SESS_CACHE_SERVER)
        _ = copenssl_ctx_sess_set_cache_size(pointer, Self.sessionCacheSize)
        let sessionContext = Array("newsdesk".utf8)
        _ = SSL_CTX_set_session_id_context(pointer, sessionContext, UInt32(sessionContext.count))
        copenssl_ctx_select_http11(pointer)
    }

    private func useCertificateChain(_ pem: [UInt8], path: String) throws(TLSError) {
        ERR_clear_error()
        guard let bio = pem.withUnsafeBytes({ BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }) else {
            throw .setupFailed("BIO_new_mem_buf: \(Self.openSSLReason())")
        }
        defer { BIO_free(bio) }
        guard let leaf = PEM_read_bio_X509_AUX(bio, nil, copenssl_refuse_password, nil) else {
            throw .invalidCertificate(path: path, reason: Self.openSSLReason())
        }
        defer { X509_free(leaf) }
        guard SSL_CTX_use_certificate(pointer, leaf) == 1 else {
            throw .invalidCertificate(path: path, reason: Self.openSSLReason())
        }
        // Intermediate certificates follow the leaf in the same file.
        while let intermediate = PEM_read_bio_X509(bio, nil, copenssl_refuse_password, nil) {
            guard copenssl_ctx_add0_chain_cert(pointer, intermediate) == 1 else {
                X509_free(intermediate)
                throw .invalidCertificate(path: path, reason: Self.openSSLReason())
            }
        }
        // The loop ends on "no start line" at the end of the file; anything else is a broken block.
        let error = ERR_peek_last_error()
        if error != 0, ERR_GET_REASON(error) != PEM_R_NO_START_LINE {
            throw .invalidCertificate(path: path, reason: Self.openSSLReason())
        }
        ERR_clear_error()
    }

    private func usePrivateKey(_ pem: [UInt8], path: String, certificatePath: String) throws(TLSError) {
        ERR_clear_error()
        var askedForPassword: Int32 = 0
        let key = pem.withUnsafeBytes { copenssl_read_private_key($0.baseAddress, Int32($0.count), &askedForPassword) }
        guard let key else {
            if askedForPassword != 0 { throw .encryptedPrivateKey(path: path) }
            throw .invalidPrivateKey(path: path, reason: Self.openSSLReason())
        }
        defer { EVP_PKEY_free(key) }
        // Checked here: SSL_CTX_use_PrivateKey would quietly drop a certificate that does not match.
        guard let certificate = SSL_CTX_get0_certificate(pointer), X509_check_private_key(certificate, key) == 1 else {
            throw .keyMismatch(certificatePath: certificatePath, privateKeyPath: path)
        }
        guard SSL_CTX_use_PrivateKey(pointer, key) == 1, SSL_CTX_check_private_key(pointer) == 1 else {
            throw .invalidPrivateKey(path: path, reason: Self.openSSLReason())
        }
        ERR_clear_error()
    }

    /// The whole file, or why it cannot be read (missing, a directory, no permission, empty).
    private static func read(_ file: TLSError.TLSFile, at path: String) throws(TLSError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadableFile(file, path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(file, path: path, reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[0..<count])
            // Certificates and keys are a few kilobytes; a huge file is a wrong path.
            guard bytes.count <= 1_048_576 else { throw .unreadableFile(file, path: path, reason: "larger than 1 MB") }
        }
        guard !bytes.isEmpty else { throw .unreadableFile(file, path: path, reason: "the file is empty") }
        return bytes
    }

    /// OpenSSL's reason for the latest failure on this thread ("no start line", ...), and clears the queue.
    static func openSSLReason() -> String {
        let error = ERR_peek_last_error()
        defer { ERR_clear_error() }
        guard error != 0 else { return "unknown OpenSSL error" }
        guard let reason = ERR_reason_error_string(error) else { return "OpenSSL error \(String(error, radix: 16))" }
        return String(cString: reason)
    }
}
