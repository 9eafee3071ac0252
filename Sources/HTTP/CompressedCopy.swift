/// A place where a responder keeps the gzip of a body it serves again and again (a pre-rendered
/// record, a static file), so compression runs once per body instead of once per request. The
/// compression middleware asks for it only when a client wants gzip; the first request fills it.
public protocol CompressedCopy: AnyObject, Sendable {
    /// The gzip of `body`: the kept copy, or `compress(body)` kept for next time.
    func gzip(of body: [UInt8], compress: ([UInt8]) -> [UInt8]?) -> [UInt8]?
}
