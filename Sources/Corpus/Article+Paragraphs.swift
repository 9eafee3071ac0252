extension Article {
    /// The paragraphs of `body`, in order; setting them rewrites `body`.
    public var paragraphs: [String] {
        get {
            var paragraphs: [String] = []
            var body = body
            body.withUTF8 { bytes in
                var start = 0
                var index = 0
                while index + 1 < bytes.count {
                    if bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
                        paragraphs.append(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        index += 2
                        start = index
                    } else {
                        index += 1
                    }
                }
                if start < bytes.count {
                    paragraphs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
                }
            }
            return paragraphs
        }
        set {
            body = newValue.joined(separator: "\n\n")
        }
    }
}
