import CSystem
import Foundation

/// A non-blocking TCP socket without encryption.
final class PlainTransport: ConnectionTransport {
    private(set) var fileDescriptor: Int32

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    var isHandshakeComplete: Bool { true }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> TransportResult {
        while true {
            let count = Foundation.read(fileDescriptor, buffer.baseAddress, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .needsReadable
            default: return .failed(errno: errno)
            }
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> TransportResult {
        while true {
            let count = csystem_send(fileDescriptor, bytes.baseAddress, bytes.count)
            if count >= 0 { return .bytes(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .needsWritable
            default: return .failed(errno: errno)
            }
        }
    }

    func shutdownOutput() { _ = csystem_shutdown_write(fileDescriptor) }

    func close() {
        guard fileDescriptor >= 0 else { return }
        _ = Foundation.close(fileDescriptor)
        fileDescriptor = -1
    }
}
