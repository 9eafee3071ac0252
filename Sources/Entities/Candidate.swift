/// A span the detector believes to be a name, on its way to becoming an `EntityMention`.
struct Candidate {
    var inTitle: Bool
    /// Token indices in the section's segmentation.
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var sentence: Int
    var surface: String
    /// The words as they would be written in running text ("JAPAN" in an all-caps headline is
    /// "Japan"), joined by single spaces: the name as the article's consensus and aliases see it.
    /// No word holds a space, so the words are the parts of `key` between spaces.
    let key: String
    /// How many words `key` has.
    let wordCount: Int
    /// A person's title stood right before the name ("Defense Minister Gen Nakatani").
    var titleBefore: Bool
    /// The name is a dateline ("TOKYO, Japan -"): a place.
    var dateline = false
    var type: EntityType = .other
    /// How sure typing is: 0 a guess, 1 weak context, 2 context or a partial gazetteer match,
    /// 3 a title, an exact gazetteer match or the name's own structure.
    var strength = 0
    var name: String = ""

    init(
        inTitle: Bool, tokens: Range<Int>, start: Int, end: Int, sentence: Int, surface: String, key: String,
        wordCount: Int, titleBefore: Bool
    ) {
        self.inTitle = inTitle
        self.tokens = tokens
        self.start = start
        self.end = end
        self.sentence = sentence
        self.surface = surface
        self.key = key
        self.wordCount = wordCount
        self.titleBefore = titleBefore
    }

    /// The words of `key`.
    var words: [String] {
        var key = key
        return key.withUTF8 { bytes in
            bytes.split(separator: 0x20).map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
    }

    /// The first word of `key`.
    var firstWord: String {
        guard wordCount > 1 else { return key }
        var key = key
        return key.withUTF8 { bytes in
            String(
                decoding: UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0x20) ?? bytes.count)]),
                as: UTF8.self)
        }
    }

    /// The last word of `key`.
    var lastWord: String {
        guard wordCount > 1 else { return key }
        var key = key
        return key.withUTF8 { bytes in
            let start = bytes.lastIndex(of: 0x20).map { $0 + 1 } ?? 0
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        }
    }
}
