extension Article {
    /// The paragraphs of `body`, in order; setting them rewrites `body`.
    public var paragraphs: [String] {
        get {
            var body = body
            return body.withUTF8 { bytes in
                Self.paragraphRanges(inBody: bytes).map { range in
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                }
            }
        }
        set {
            body = Self.body(ofParagraphs: newValue)
        }
    }

    /// The paragraphs joined by blank lines, in a string of exactly their size. `joined(separator:)`
    /// grows its result by doubling and keeps the spare capacity: 40 % more than the text over a
    /// corpus (100,000 articles: 231 MB of bodies for 160 MB of text).
    public static func body(ofParagraphs paragraphs: [String]) -> String {
        let count = paragraphs.reduce(0) { $0 + $1.utf8.count } + max(0, paragraphs.count - 1) * 2
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 {
                    buffer[offset] = 0x0A
                    buffer[offset + 1] = 0x0A
                    offset += 2
                }
                var paragraph = paragraph
                paragraph.withUTF8 { bytes in
                    offset =
                        UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
                        + offset
                }
            }
            return offset
        }
    }

    /// The byte ranges of the paragraphs in a body's UTF-8: the text between blank lines ("\n\n"),
    /// so a record can write each paragraph straight from the body's bytes.
    public static func paragraphRanges(inBody bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
                ranges.append(start..<index)
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }
}
