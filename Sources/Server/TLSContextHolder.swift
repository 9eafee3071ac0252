import Synchronization

/// The TLS context new connections start from, shared by the event loops and swapped whole on a
/// certificate reload. Connections already open hold their own reference through their `SSL` and
/// never see the swap.
final class TLSContextHolder: Sendable {
    let certificatePath: String
    let privateKeyPath: String
    private let context: Mutex<TLSContext>

    /// Loads the files now, so a bad certificate or key stops start-up before any port is bound.
    init(certificatePath: String, privateKeyPath: String) throws(TLSError) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        context = Mutex(try TLSContext(certificatePath: certificatePath, privateKeyPath: privateKeyPath))
    }

    /// The context for a connection being accepted now.
    var current: TLSContext { context.withLock { $0 } }

    /// Reads the files again; only a context that loaded and checked completely replaces the
    /// current one, so a failed reload leaves the server serving the old certificate.
    func reload() throws(TLSError) {
        let fresh = try TLSContext(certificatePath: certificatePath, privateKeyPath: privateKeyPath)
        context.withLock { $0 = fresh }
    }
}
