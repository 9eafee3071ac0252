import HTTP
import Synchronization

/// The gzip of one body that never changes (an article record, a browser asset), made on the first
/// request that wants gzip and kept for the life of the body. Lock-free: two loops that ask at once
/// may both compress, and the first copy stored is the one every later request gets.
final class LazyGzip: CompressedCopy {
    private final class Bytes: Sendable {
        let value: [UInt8]?
        init(_ value: [UInt8]?) { self.value = value }
    }

    private let stored = AtomicLazyReference<Bytes>()

    init() {}

    func gzip(of body: [UInt8], compress: ([UInt8]) -> [UInt8]?) -> [UInt8]? {
        if let bytes = stored.load() { return bytes.value }
        return stored.storeIfNil(Bytes(compress(body))).value
    }

    /// Whether a copy is kept (for tests and memory accounting).
    var isFilled: Bool { stored.load() != nil }
}
