import Corpus
import Dispatch

/// Where each article's summary excerpt ends in its body, 4 bytes an article: the summary is
/// written on request from the article and this end (`ArticleJSON.summaryFields`). Holding every
/// summary rendered took 42 MB at 100,000 articles (the title and the body's first words copied
/// again); finding the end is the only step of a summary that reads more than it writes.
struct ExcerptEnds: Sendable {
    /// `ExcerptEnd.packed` by article index.
    private let ends: [UInt32]

    /// Found in parallel, one slice of articles per task.
    init(_ articles: [Article]) {
        let sliceSize = 4_096
        let sliceCount = (articles.count + sliceSize - 1) / sliceSize
        ends = [UInt32](unsafeUninitializedCapacity: articles.count) { ends, initialized in
            // Each task writes only its own slice, so the parallel writes never overlap.
            nonisolated(unsafe) let ends = ends
            DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
                for index in (slice * sliceSize)..<min(articles.count, (slice + 1) * sliceSize) {
                    var body = articles[index].body
                    (ends.baseAddress! + index).initialize(to: body.withUTF8 { ExcerptEnd(body: $0) }.packed)
                }
            }
            initialized = articles.count
        }
    }

    subscript(index: Int) -> ExcerptEnd { ExcerptEnd(packed: ends[index]) }
}

/// The end of one summary excerpt: the first `ArticleJSON.excerptWords` words of the body, cut on a
/// word boundary and trimmed, or the whole body when it has no more words.
struct ExcerptEnd: Sendable {
    /// Where a cut excerpt's text ends in the body (bytes), or `UInt32.max` for the whole body.
    let packed: UInt32

    init(packed: UInt32) { self.packed = packed }

    /// The excerpt of `body`: up to the start of word `excerptWords + 1`, less the whitespace
    /// trimmed from its end (Foundation's `whitespacesAndNewlines`, as the excerpt was first
    /// written with `trimmingCharacters`).
    init(body: UnsafeBufferPointer<UInt8>) {
        guard let cut = Self.cut(body) else {
            packed = .max
            return
        }
        let start = Self.trimmedStart(body, end: cut)
        var end = cut
        while end > start, let (scalar, length) = Self.scalar(in: body, endingAt: end), Self.isTrimmed(scalar) {
            end -= length
        }
        precondition(end < Int(UInt32.max), "an excerpt ends within the first 4 GiB of its body")
        packed = UInt32(end)
    }

    /// Writes the excerpt of `body` (the body this end was found in) as a JSON string: paragraph
    /// breaks become spaces, and a cut excerpt is closed with an ellipsis.
    func write(from body: UnsafeBufferPointer<UInt8>, into json: inout JSONWriter) {
        guard packed != .max else {
            json.string(joiningParagraphs: body[...], ellipsis: false)
            return
        }
        let end = Int(packed)
        // The start is found again: the body's leading whitespace, almost always none. Trimming
        // up to the trimmed end stops where trimming up to the cut did (see `init(body:)`).
        json.string(joiningParagraphs: body[Self.trimmedStart(body, end: end)..<end], ellipsis: true)
    }

    /// The byte offset where word `excerptWords + 1` starts, or nil when the text has no more words.
    /// Whitespace is ASCII space and tab to carriage return, or any scalar Unicode calls whitespace.
    private static func cut(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var words = 0
        var inWord = false
        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            let isSpace: Bool
            let length: Int
            if byte < 0x80 {
                isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
                length = 1
            } else {
                let (decoded, decodedLength) = scalar(in: text, at: offset) ?? (Unicode.Scalar(0xFFFD)!, 1)
                isSpace = decoded.properties.isWhitespace
                length = decodedLength
            }
            if !isSpace && !inWord {
                words += 1
                if words > ArticleJSON.excerptWords { return offset }
            }
            inWord = !isSpace
            offset += length
        }
        return nil
    }

    /// The offset of the first scalar before `end` that is not trimmed, or `end`.
    private static func trimmedStart(_ text: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var start = 0
        while start < end, let (scalar, length) = scalar(in: text, at: start), isTrimmed(scalar) { start += length }
        return start
    }

    /// Foundation's `CharacterSet.whitespacesAndNewlines` (as CoreFoundation defines it on Linux),
    /// which the excerpt was trimmed of: tab to carriage return, next line, the space, line and
    /// paragraph separators, and the zero-width space.
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The scalar starting at `offset` of valid UTF-8 and its length.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < text.count else { return nil }
        let lead = text[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard offset + length <= text.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for next in text[(offset + 1)..<(offset + length)] { value = value << 6 | UInt32(next & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// The scalar ending at `end` of valid UTF-8 and its length.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (Unicode.Scalar, Int)? {
        var start = end - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: text, at: start)
    }
}
