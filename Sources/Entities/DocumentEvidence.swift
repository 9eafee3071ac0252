/// What the whole article says about its own words: which are written capitalised inside running
/// sentences (names) and which are written in lower case (common words). A capitalised sentence
/// start or headline word is judged by how the rest of the article writes it. Words are kept as
/// hashes of their bytes, so collecting costs no `String` per token.
struct DocumentEvidence {
    var capitalisedMidSentence: WordHashSet
    var lowercaseWords: WordHashSet

    /// Sized for an article of `tokens` tokens, so that the sets rarely grow while collecting.
    init(tokens: Int) {
        capitalisedMidSentence = WordHashSet(minimumCapacity: tokens / 4)
        lowercaseWords = WordHashSet(minimumCapacity: tokens / 2)
    }

    mutating func collect(from section: SectionText) {
        for (sentence, range) in section.segmented.sentences.enumerated()
        where !section.titleCase[sentence] && !section.allCaps[sentence] {
            for index in range where section.tokens[index].kind == .word {
                let shape = section.tokens[index].shape
                if shape.contains(.capitalised) {
                    if !section.isSentenceInitial(index) { capitalisedMidSentence.insert(section.hash(index)) }
                } else if shape.contains(.hasLowercase) {
                    lowercaseWords.insert(section.hash(index))
                }
            }
        }
    }

    /// Whether the article writes `word` capitalised inside a sentence.
    func writesCapitalised(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        capitalisedMidSentence.contains(ByteHash.of(word))
    }

    /// Whether the article writes `word` (given in lower case) in lower case.
    func writesLowercase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        lowercaseWords.contains(ByteHash.of(word))
    }
}
