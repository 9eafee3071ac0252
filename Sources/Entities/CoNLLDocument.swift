/// One document of a CoNLL-2003 file: sentences of tokens with their gold IOB tags.
public struct CoNLLDocument: Sendable, Equatable {
    public struct Token: Sendable, Equatable {
        public var text: String
        /// The NER tag as written: "O", "B-PER", "I-LOC", ...
        public var tag: String

        public init(text: String, tag: String) {
            self.text = text
            self.tag = tag
        }
    }

    /// An entity span in document-wide token indices (`tokens` end exclusive) with its label.
    public struct Span: Sendable, Hashable {
        public var tokens: Range<Int>
        public var label: String

        public init(tokens: Range<Int>, label: String) {
            self.tokens = tokens
            self.label = label
        }
    }

    public var sentences: [[Token]]

    public init(sentences: [[Token]]) {
        self.sentences = sentences
    }

    /// The gold entities. An `I-` tag that does not continue an entity of its label starts one,
    /// so IOB1 files read the same as IOB2.
    public var goldSpans: [Span] {
        var spans: [Span] = []
        var offset = 0
        for sentence in sentences {
            var open: (start: Int, label: String)?
            for (index, token) in sentence.enumerated() {
                let position = offset + index
                let (prefix, label) = CoNLLDocument.parse(tag: token.tag)
                if let current = open, prefix != "I" || label != current.label {
                    spans.append(Span(tokens: current.start..<position, label: current.label))
                    open = nil
                }
                if prefix != "O", open == nil { open = (position, label) }
            }
            if let current = open {
                spans.append(Span(tokens: current.start..<(offset + sentence.count), label: current.label))
            }
            offset += sentence.count
        }
        return spans
    }

    static func parse(tag: String) -> (prefix: String, label: String) {
        guard tag != "O", tag.count > 2 else { return ("O", "") }
        return (String(tag.prefix(1)), String(tag.dropFirst(2)))
    }
}
