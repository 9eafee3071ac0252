/// An incremental HTTP/1.1 request parser (RFC 9112) over bytes. Feed it whatever the socket
/// delivered with `append`, then call `next()` until it returns nil. It never guesses: input that
/// could frame two ways, or crosses a limit, throws an `HTTPRequestError` and the parser stays
/// failed, because nothing after a framing error can be trusted.
///
/// Line endings: CRLF, or a bare LF (RFC 9112 section 2.2 lets a recipient accept one); a bare CR
/// is always an error. Header lines are validated as byte ranges of the buffer; Strings are made
/// only for the finished `HTTPFields`.
public struct RequestParser: Sendable {
    public enum Event: Sendable {
        /// A complete request, body de-chunked.
        case request(HTTPRequest)
        /// The head asked for `Expect: 100-continue` and its body has not started arriving: the
        /// server should send `100 Continue` (the body size is already known to be acceptable).
        case continueExpected
    }

    private enum State: Sendable {
        case requestLine
        case headers
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case failed(HTTPRequestError)
    }

    private struct FieldRange: Sendable {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// Chunk-size lines carry a hex size and optional extensions; no legitimate client needs more.
    static let maxChunkLineBytes = 4096
    /// Empty lines tolerated before a request line (RFC 9112 section 2.2 says to ignore at least one).
    static let maxLeadingEmptyLines = 8

    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// First byte not yet consumed.
    private var position = 0
    /// Bytes before this index (and at or after `position`) are known to hold no LF.
    private var scanned = 0
    private var state = State.requestLine
    private var leadingEmptyLines = 0

    private var method = HTTPMethod.get
    private var target = ""
    private var version = HTTPVersion.http1_1
    private var fieldRanges: [FieldRange] = []
    private var sectionBytes = 0
    private var headers = HTTPFields()
    private var body: [UInt8] = []
    private var continuePending = false

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Bytes received and not yet consumed by a complete request.
    public var bufferedByteCount: Int { buffer.count - position }

    /// Whether part of a request (its head or body) has arrived but not all of it.
    public var isMidRequest: Bool {
        switch state {
        case .requestLine: position < buffer.count
        case .failed: false
        default: true
        }
    }

    /// Whether the head is complete and the body is still arriving.
    public var isReadingBody: Bool {
        switch state {
        case .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailers: true
        default: false
        }
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compactIfUseful()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        compactIfUseful()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, nil when more bytes are needed.
    public mutating func next() throws(HTTPRequestError) -> Event? {
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPRequestError) -> Event? {
        while true {
            switch state {
            case .failed(let error):
                throw error
            case .requestLine:
                guard let line = nextLine() else {
                    // One byte past the limit may be the CR of a CRLF whose LF is still in flight.
                    if buffer.count - position > limits.maxRequestLineBytes + 1 {
                        throw .requestLineTooLong(limit: limits.maxRequestLineBytes)
                    }
                    return nil
                }
                guard line.end - line.start <= limits.maxRequestLineBytes else {
                    throw .requestLineTooLong(limit: limits.maxRequestLineBytes)
                }
                position = line.next
                if line.start == line.end {
                    leadingEmptyLines += 1
                    guard leadingEmptyLines <= Self.maxLeadingEmptyLines else {
                        throw .malformedRequestLine("too many empty lines before the request line")
                    }
                    continue
                }
                try parseRequestLine(line.start..<line.end)
                leadingEmptyLines = 0
                sectionBytes = 0
                fieldRanges.removeAll(keepingCapacity: true)
                state = .headers
            case .headers:
                guard let line = nextLine() else {
                    if sectionBytes + buffer.count - position > limits.maxHeaderBytes {
                        throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
                    }
                    return nil
                }
                sectionBytes += line.next - line.start
                guard sectionBytes <= limits.maxHeaderBytes else {
                    throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
                }
                position = line.next
                if line.start == line.end {
                    if let event = try finishHead() { return event }
                    continue
                }
                guard fieldRanges.count < limits.maxHeaderCount else {
                    throw .tooManyHeaderFields(limit: limits.maxHeaderCount)
                }
                fieldRanges.append(try parseField(line.start..<line.end))
            case .fixedBody(let remaining):
                let taken = min(remaining, buffer.count - position)
                body.append(contentsOf: buffer[position..<position + taken])
                position += taken
                guard taken == remaining else {
                    state = .fixedBody(remaining: remaining - taken)
                    return nil
                }
                return .request(finishRequest())
            case .chunkSize:
                // The same bound whether the line arrived whole or is still arriving.
                guard let line = nextLine() else {
                    if buffer.count - position > Self.maxChunkLineBytes { throw .invalidChunkExtension }
                    return nil
                }
                guard line.next - line.start <= Self.maxChunkLineBytes else { throw .invalidChunkExtension }
                position = line.next
                let size = try parseChunkSize(line.start..<line.end)
                if size == 0 {
                    sectionBytes = 0
                    state = .trailers
                } else {
                    guard size <= limits.maxBodyBytes - body.count else {
                        throw .bodyTooLarge(limit: limits.maxBodyBytes)
                    }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let taken = min(remaining, buffer.count - position)
                body.append(contentsOf: buffer[position..<position + taken])
                position += taken
                guard taken == remaining else {
                    state = .chunkData(remaining: remaining - taken)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard let line = nextLine() else {
                    if buffer.count - position > 1 { throw .invalidChunkFraming }
                    return nil
                }
                guard line.start == line.end else { throw .invalidChunkFraming }
                position = line.next
                state = .chunkSize
            case .trailers:
                guard let line = nextLine() else {
                    if sectionBytes + buffer.count - position > limits.maxHeaderBytes {
                        throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
                    }
                    return nil
                }
                sectionBytes += line.next - line.start
                guard sectionBytes <= limits.maxHeaderBytes else {
                    throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
                }
                position = line.next
                if line.start == line.end { return .request(finishRequest()) }
                // Trailer fields are validated for framing safety, then dropped: nothing here uses them.
                _ = try parseField(line.start..<line.end)
            }
        }
    }

    // MARK: Lines

    /// The next line at `position`: its content (without CR LF) and the index after its LF.
    private mutating func nextLine() -> (start: Int, end: Int, next: Int)? {
        let count = buffer.count
        let from = max(scanned, position)
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            var index = from
            while index < count {
                if bytes[index] == ASCII.lf { return index }
                index += 1
            }
            return nil
        }
        guard let lf = found else {
            scanned = count
            return nil
        }
        scanned = lf + 1
        var end = lf
        if end > position, buffer[end - 1] == ASCII.cr { end -= 1 }
        return (position, end, lf + 1)
    }

    /// Drops consumed bytes when that is cheap and safe: never while header ranges point into them.
    private mutating func compactIfUseful() {
        guard position > 0 else { return }
        if case .headers = state { return }
        if position == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 65536)
        } else if position >= 16384 {
            buffer.removeSubrange(0..<position)
        } else {
            return
        }
        scanned = max(0, scanned - position)
        position = 0
    }

    // MARK: Head

    private mutating func parseRequestLine(_ line: Range<Int>) throws(HTTPRequestError) {
        let parts: (method: Range<Int>, target: Range<Int>, version: Range<Int>)? = buffer.withUnsafeBufferPointer {
            bytes in
            var firstSpace = -1
            var secondSpace = -1
            for index in line where bytes[index] == ASCII.space {
                if firstSpace < 0 {
                    firstSpace = index
                } else if secondSpace < 0 {
                    secondSpace = index
                } else {
                    return nil
                }
            }
            guard firstSpace > line.lowerBound, secondSpace > firstSpace + 1, secondSpace + 1 < line.upperBound
            else { return nil }
            return (line.lowerBound..<firstSpace, firstSpace + 1..<secondSpace, secondSpace + 1..<line.upperBound)
        }
        guard let parts else {
            if buffer[line].contains(ASCII.cr) { throw .bareCarriageReturn }
            throw .malformedRequestLine("expected method, target and version separated by single spaces")
        }
        guard buffer[parts.method].allSatisfy(ASCII.isTokenCharacter) else {
            throw .malformedRequestLine("method is not a token")
        }
        guard buffer[parts.target].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            if buffer[parts.target].contains(ASCII.cr) { throw .bareCarriageReturn }
            throw .malformedRequestLine("target contains a byte that is not visible ASCII")
        }
        version = try parseVersion(parts.version)
        method = HTTPMethod(String(decoding: buffer[parts.method], as: UTF8.self))
        target = String(decoding: buffer[parts.target], as: UTF8.self)
        try validateTargetForm()
    }

    private func parseVersion(_ range: Range<Int>) throws(HTTPRequestError) -> HTTPVersion {
        let bytes = buffer[range]
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.count == 8, bytes.starts(with: ASCII.httpSlash), bytes[range.lowerBound + 6] == ASCII.dot,
            let major = ASCII.digitValue(bytes[range.lowerBound + 5]),
            let minor = ASCII.digitValue(bytes[range.lowerBound + 7])
        else {
            if bytes.contains(ASCII.cr) { throw .bareCarriageReturn }
            throw .malformedRequestLine("'\(text)' is not an HTTP version")
        }
        guard major == 1 else { throw .unsupportedVersion(text) }
        // A later 1.x is read as the highest minor version known (RFC 9110 section 2.5).
        return HTTPVersion(major: 1, minor: min(minor, 1))
    }

    private func validateTargetForm() throws(HTTPRequestError) {
        let utf8 = target.utf8
        if utf8.first == ASCII.slash { return }
        if method == .options, target == "*" { return }
        if method == .connect {
            guard utf8.contains(ASCII.colon), !utf8.contains(ASCII.slash) else { throw .invalidTarget }
            return
        }
        let lowered = target.prefix(8).lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { throw .invalidTarget }
    }

    private func parseField(_ line: Range<Int>) throws(HTTPRequestError) -> FieldRange {
        try buffer.withUnsafeBufferPointer { bytes throws(HTTPRequestError) -> FieldRange in
            let first = bytes[line.lowerBound]
            if first == ASCII.space || first == ASCII.tab { throw .obsoleteLineFolding }
            var colon = line.lowerBound
            while colon < line.upperBound, bytes[colon] != ASCII.colon {
                let byte = bytes[colon]
                if byte == ASCII.space || byte == ASCII.tab { throw .whitespaceBeforeColon }
                if byte == ASCII.cr { throw .bareCarriageReturn }
                guard ASCII.isTokenCharacter(byte) else {
                    throw .malformedHeaderField("field name contains a byte that is not a token character")
                }
                colon += 1
            }
            guard colon < line.upperBound else { throw .malformedHeaderField("no colon after the field name") }
            guard colon > line.lowerBound else { throw .malformedHeaderField("empty field name") }
            var valueStart = colon + 1
            var valueEnd = line.upperBound
            while valueStart < valueEnd, bytes[valueStart] == ASCII.space || bytes[valueStart] == ASCII.tab {
                valueStart += 1
            }
            while valueEnd > valueStart, bytes[valueEnd - 1] == ASCII.space || bytes[valueEnd - 1] == ASCII.tab {
                valueEnd -= 1
            }
            for index in valueStart..<valueEnd {
                let byte = bytes[index]
                if byte < 0x20 && byte != ASCII.tab || byte == 0x7F {
                    throw byte == ASCII.cr ? .bareCarriageReturn : .controlCharacterInField
                }
            }
            return FieldRange(name: line.lowerBound..<colon, value: valueStart..<valueEnd)
        }
    }

    /// Decides the framing from the collected fields, then builds the `HTTPFields`.
    private mutating func finishHead() throws(HTTPRequestError) -> Event? {
        var contentLength: Int?
        var transferCodings: [String] = []
        var hostCount = 0
        var expectation: String?
        for field in fieldRanges {
            let name = buffer[field.name]
            if ASCII.equalsLowercased(name, ASCII.contentLength) {
                let length = try parseContentLength(field.value)
                if let contentLength, contentLength != length { throw .conflictingContentLengths }
                contentLength = length
            } else if ASCII.equalsLowercased(name, ASCII.transferEncoding) {
                for coding in buffer[field.value].split(separator: ASCII.comma) {
                    let trimmed = String(decoding: coding, as: UTF8.self).trimmingASCIIWhitespace()
                    if !trimmed.isEmpty { transferCodings.append(trimmed) }
                }
            } else if ASCII.equalsLowercased(name, ASCII.host) {
                hostCount += 1
                guard buffer[field.value].allSatisfy(ASCII.isAuthorityCharacter) else { throw .invalidHost }
            } else if ASCII.equalsLowercased(name, ASCII.expect) {
                expectation = String(decoding: buffer[field.value], as: UTF8.self)
            }
        }
        if version == .http1_1 {
            guard hostCount > 0 else { throw .missingHost }
        }
        guard hostCount <= 1 else { throw .multipleHosts }

        headers = HTTPFields()
        headers.reserveCapacity(fieldRanges.count)
        for field in fieldRanges {
            headers.append(
                name: String(decoding: buffer[field.name], as: UTF8.self),
                value: String(decoding: buffer[field.value], as: UTF8.self))
        }
        body = []

        var expectsContinue = false
        if let expectation, version == .http1_1 {
            guard expectation.lowercased() == "100-continue" else { throw .unsupportedExpectation(expectation) }
            expectsContinue = true
        }

        if !transferCodings.isEmpty {
            guard contentLength == nil else { throw .contentLengthWithTransferEncoding }
            guard version == .http1_1 else { throw .transferEncodingInHTTP10 }
            let codings = transferCodings.map { $0.lowercased() }
            // Without chunked last the body's end cannot be found: 400 (RFC 9112 section 6.1), as
            // for chunked applied twice; a coding this server does not know before it is a 501.
            guard codings.last == "chunked", !codings.dropLast().contains("chunked") else {
                throw .unsupportedTransferEncoding(transferCodings.joined(separator: ", "))
            }
            guard codings.count == 1 else {
                throw .unknownTransferCoding(transferCodings.dropLast().joined(separator: ", "))
            }
            state = .chunkSize
            continuePending = expectsContinue && position == buffer.count
        } else if let contentLength, contentLength > 0 {
            guard contentLength <= limits.maxBodyBytes else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
            body.reserveCapacity(min(contentLength, 65536))
            state = .fixedBody(remaining: contentLength)
            continuePending = expectsContinue && position == buffer.count
        } else {
            return .request(finishRequest())
        }
        if continuePending {
            continuePending = false
            return .continueExpected
        }
        return nil
    }

    /// One Content-Length field value; a list of equal values (`5, 5`) is accepted as RFC 9110
    /// section 8.6 allows, differing ones are not.
    private func parseContentLength(_ range: Range<Int>) throws(HTTPRequestError) -> Int {
        var result: Int?
        for element in buffer[range].split(separator: ASCII.comma, omittingEmptySubsequences: false) {
            var digits = element[...]
            while let first = digits.first, first == ASCII.space || first == ASCII.tab { digits.removeFirst() }
            while let last = digits.last, last == ASCII.space || last == ASCII.tab { digits.removeLast() }
            guard !digits.isEmpty, digits.count <= 18 else { throw .invalidContentLength }
            var value = 0
            for byte in digits {
                guard let digit = ASCII.digitValue(byte) else { throw .invalidContentLength }
                value = value * 10 + digit
            }
            if let result, result != value { throw .conflictingContentLengths }
            result = value
        }
        guard let result else { throw .invalidContentLength }
        return result
    }

    private func parseChunkSize(_ line: Range<Int>) throws(HTTPRequestError) -> Int {
        var index = line.lowerBound
        var size = 0
        while index < line.upperBound, let digit = ASCII.hexValue(buffer[index]) {
            guard index - line.lowerBound < 15 else { throw .invalidChunkSize }
            size = size << 4 | digit
            index += 1
        }
        guard index > line.lowerBound else { throw .invalidChunkSize }
        // chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] ); after the size only that may follow.
        while index < line.upperBound, buffer[index] == ASCII.space || buffer[index] == ASCII.tab { index += 1 }
        guard index < line.upperBound else { return size }
        guard buffer[index] == ASCII.semicolon else { throw .invalidChunkSize }
        for byte in buffer[index..<line.upperBound] where byte < 0x20 && byte != ASCII.tab || byte == 0x7F {
            throw byte == ASCII.cr ? .bareCarriageReturn : .invalidChunkExtension
        }
        return size
    }

    private mutating func finishRequest() -> HTTPRequest {
        let request = HTTPRequest(method: method, target: target, version: version, headers: headers, body: body)
        state = .requestLine
        headers = HTTPFields()
        body = []
        return request
    }
}
