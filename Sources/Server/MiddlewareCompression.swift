import HTTP

/// gzip for clients that ask for it (RFC 9110 section 8.4): a response is compressed when the
/// request's `Accept-Encoding` prefers gzip to identity, its type is text-like, its body is at
/// least `minimumBytes` and compressing makes it smaller.
///
/// Every response whose type could be compressed says `Vary: Accept-Encoding`, compressed or not,
/// so a cache never hands gzip to a client that did not ask for it (nor the reverse). The gzip
/// representation is a different one, so its `ETag` gets `-gzip` inside the quotes; this runs
/// inside `ConditionalGETMiddleware`, which then compares `If-None-Match` with the tag of the
/// representation actually chosen. When the request already names the gzip tag the 304 is given
/// here, before any byte is compressed.
///
/// A request without `Accept-Encoding` (load generators, most scripts) costs a content-type check
/// and the `Vary` field. A response with a `compressedCopy` (a pre-rendered record, a static file)
/// is compressed once, on the first request that wants gzip, and served from the copy after. 1xx, 204, 304, 206 and responses with a `Content-Encoding` are left alone.
public struct CompressionMiddleware: Middleware {
    public let minimumBytes: Int
    public let level: Int32

    /// - Parameters:
    ///   - minimumBytes: smaller bodies go as they are: a gzip header and trailer are 18 bytes and a
    ///     small body barely shrinks, for the same CPU cost per call.
    ///   - level: zlib's level, 1 (fastest) to 9 (smallest). 1 by default: on a median 5.7 KB
    ///     record it is 7% larger than level 6 for about a third less time (Docs/ARCHITECTURE.md).
    public init(minimumBytes: Int = 1024, level: Int = 1) {
        self.minimumBytes = max(0, minimumBytes)
        self.level = Int32(min(9, max(1, level)))
    }

    public func handle(
        _ request: HTTPRequest, context: RequestContext, next: (HTTPRequest, RequestContext) -> HTTPResponse
    ) -> HTTPResponse {
        var response = next(request, context)
        let status = response.status
        guard status.allowsBody, status.code != 206, let type = response.headers["Content-Type"],
            Self.isCompressible(type), !response.headers.contains("Content-Encoding")
        else { return response }
        response.addVary("Accept-Encoding")
        guard response.body.count >= minimumBytes, request.headers.contains("Accept-Encoding"),
            AcceptEncoding(request.headers.values(for: "Accept-Encoding")).prefersGzip
        else { return response }
        let identityETag = response.headers["ETag"]
        if let identityETag {
            response.headers["ETag"] = Self.gzipETag(identityETag)
            if ConditionalGETMiddleware.isNotModified(request, response) {
                return ConditionalGETMiddleware.notModified(from: response)
            }
        }
        let level = level
        let compressed =
            response.compressedCopy.map { $0.gzip(of: response.body) { Gzip.compress($0, level: level) } }
            ?? Gzip.compress(response.body, level: level)
        guard let compressed, compressed.count < response.body.count else {
            response.headers["ETag"] = identityETag
            return response
        }
        response.body = compressed
        response.headers["Content-Encoding"] = "gzip"
        return response
    }

    /// `"v"` becomes `"v-gzip"` and `W/"v"` becomes `W/"v-gzip"`; a malformed tag is dropped rather
    /// than shared by two representations.
    static func gzipETag(_ etag: String) -> String? {
        guard etag.utf8.count >= 2, etag.hasSuffix("\"") else { return nil }
        return String(etag.dropLast()) + "-gzip\""
    }

    /// Text-like media types: `text/*`, JSON and XML (with their `+json`/`+xml` suffixes),
    /// JavaScript and SVG. Images, fonts and archives are compressed already.
    static func isCompressible(_ contentType: String) -> Bool {
        var media = contentType.utf8.prefix { $0 != UInt8(ascii: ";") }
        while let last = media.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { media.removeLast() }
        if hasPrefix(media, "text/") { return true }
        if hasPrefix(media, "application/") {
            return hasSuffix(media, "/json") || hasSuffix(media, "+json") || hasSuffix(media, "/xml")
                || hasSuffix(media, "+xml") || hasSuffix(media, "/javascript")
        }
        return ASCII.equalsIgnoringCase(media, "image/svg+xml")
    }

    private static func hasPrefix(_ bytes: Substring.UTF8View, _ lowercase: String) -> Bool {
        bytes.count >= lowercase.utf8.count && ASCII.equalsIgnoringCase(bytes.prefix(lowercase.utf8.count), lowercase)
    }

    private static func hasSuffix(_ bytes: Substring.UTF8View, _ lowercase: String) -> Bool {
        bytes.count >= lowercase.utf8.count && ASCII.equalsIgnoringCase(bytes.suffix(lowercase.utf8.count), lowercase)
    }
}
