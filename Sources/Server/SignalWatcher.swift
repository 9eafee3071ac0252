import CSystem
import Foundation

/// Turns SIGTERM and SIGINT (or the signals given) into a call on a thread of its own, so the
/// executable runs ordinary code such as `HTTPServer.shutdown()` instead of code inside a signal
/// handler. A self-pipe rather than a dispatch signal source: it sees the signal whichever thread
/// the kernel delivers it to, whatever the other threads' masks. One watcher per process.
public final class SignalWatcher: Sendable {
    private let signals: [Int32]
    private let writeFD: Int32

    /// Fails only when the process is out of descriptors.
    public init(
        signals: [Int32] = [SIGTERM, SIGINT], handler: @escaping @Sendable (Int32) -> Void
    ) throws(HTTPServerError) {
        var descriptors: [Int32] = [-1, -1]
        guard csystem_signal_pipe(&descriptors) == 0 else { throw .systemCallFailed(call: "pipe2", errno: errno) }
        let readFD = descriptors[0]
        self.signals = signals
        writeFD = descriptors[1]
        for number in signals {
            _ = csystem_signal_forward(number, writeFD)
            _ = csystem_signal_unblock(number)
        }
        let reader = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(readFD, &byte, 1)
                if count == 1 {
                    handler(Int32(byte))
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(readFD)
        }
        reader.name = "newsdesk-signals"
        reader.start()
    }

    /// Stops watching and gives the signals their default actions back.
    public func cancel() {
        for number in signals { csystem_signal_restore(number) }
        close(writeFD)
    }
}
