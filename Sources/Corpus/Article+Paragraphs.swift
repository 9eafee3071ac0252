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
            body = newValue.joined(separator: "\n\n")
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
