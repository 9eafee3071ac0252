import COpenSSL
import CSystem
import Foundation

/// A TLS session over a non-blocking socket, the handshake included: the first reads drive it.
///
/// OpenSSL works on the socket itself (`SSL_set_fd`) rather than on memory BIOs. The loop already
/// knows when the socket is readable or writable, and OpenSSL's WANT_READ / WANT_WRITE name exactly
/// that readiness of the same descriptor, so the mapping is one to one; memory BIOs would add a
/// copy of every byte and two more buffers per connection, and would only pay off if bytes had to
/// pass through something other than the socket first.
///
/// A read may need the socket writable (the handshake's flight did not fit the socket) and a write
/// may need it readable (OpenSSL must read a record first); `needsWritable` from `read` and
/// `needsReadable` from `write` tell the loop to wait for the other direction and retry the same
/// call. (A TLS 1.3 KeyUpdate the client asks for is answered with the next write, not inside the
/// read; renegotiation, the other source of crossed directions, is refused.)
final class TLSTransport: ConnectionTransport {
    /// The largest plaintext one TLS record carries. Reads stop while less than this fits, so no
    /// decrypted bytes are ever left inside OpenSSL where epoll cannot see them: whatever was not
    /// read is still in the kernel, and level-triggered epoll reports it again. (`read_ahead` stays
    /// off, so OpenSSL never pulls more than one record from the socket at a time.)
    private static let maxRecordPlaintext = 16384

    private(set) var fileDescriptor: Int32
    private let ssl: OpaquePointer
    private(set) var isHandshakeComplete = false

    /// Nil when OpenSSL cannot make a session (out of memory); the caller closes the socket.
    init?(fileDescriptor: Int32, context: TLSContext) {
        guard let ssl = SSL_new(context.pointer) else { return nil }
        guard SSL_set_fd(ssl, fileDescriptor) == 1 else {
            SSL_free(ssl)
            return nil
        }
        SSL_set_accept_state(ssl)
        self.ssl = ssl
        self.fileDescriptor = fileDescriptor
    }

    deinit { close() }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> TransportResult {
        if !isHandshakeComplete {
            ERR_clear_error()
            let result = SSL_do_handshake(ssl)
            guard result == 1 else { return outcome(of: result) }
            isHandshakeComplete = true
        }
        precondition(buffer.count >= Self.maxRecordPlaintext, "a TLS read needs room for a whole record")
        var filled = 0
        while buffer.count - filled >= Self.maxRecordPlaintext {
            ERR_clear_error()
            let count = SSL_read(ssl, buffer.baseAddress! + filled, Int32(clamping: buffer.count - filled))
            guard count > 0 else {
                // Bytes already read are delivered now; the condition that stopped us recurs on the next read.
                return filled > 0 ? .bytes(filled) : outcome(of: count)
            }
            filled += Int(count)
        }
        return .bytes(filled)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> TransportResult {
        guard !bytes.isEmpty else { return .bytes(0) }
        ERR_clear_error()
        let count = SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count))
        return count > 0 ? .bytes(Int(count)) : outcome(of: count)
    }

    /// Sends close_notify (best effort: a full socket just loses it) and half-closes the socket.
    func shutdownOutput() {
        if isHandshakeComplete {
            ERR_clear_error()
            _ = SSL_shutdown(ssl)
        }
        _ = csystem_shutdown_write(fileDescriptor)
    }

    func close() {
        guard fileDescriptor >= 0 else { return }
        SSL_free(ssl)
        _ = Foundation.close(fileDescriptor)
        fileDescriptor = -1
    }

    private func outcome(of result: Int32) -> TransportResult {
        let error = SSL_get_error(ssl, result)
        switch error {
        case SSL_ERROR_WANT_READ: return .needsReadable
        case SSL_ERROR_WANT_WRITE: return .needsWritable
        case SSL_ERROR_ZERO_RETURN: return .endOfStream
        case SSL_ERROR_SYSCALL:
            // The socket failed (a reset, most often); OpenSSL left errno as the call set it.
            let code = errno
            ERR_clear_error()
            return .failed(errno: code == 0 ? EIO : code)
        default:
            // A protocol failure: garbage, a refused version or cipher, a bad record. Only this
            // connection is affected; the queue is cleared so the next connection starts clean.
            ERR_clear_error()
            return .failed(errno: EPROTO)
        }
    }
}
