/// What the whole article says about its own words: which are written capitalised inside running
/// sentences (names) and which are written in lower case (common words). A capitalised sentence
/// start or headline word is judged by how the rest of the article writes it.
struct DocumentEvidence {
    var capitalisedMidSentence: Set<String> = []
    var lowercaseWords: Set<String> = []

    mutating func collect(from section: SectionText) {
        for (sentence, range) in section.segmented.sentences.enumerated()
        where !section.titleCase[sentence] && !section.allCaps[sentence] {
            for index in range where section.tokens[index].kind == .word {
                let shape = section.tokens[index].shape
                if shape.contains(.capitalised) {
                    if !section.isSentenceInitial(index) { capitalisedMidSentence.insert(section.text(index)) }
                } else if shape.contains(.hasLowercase) {
                    lowercaseWords.insert(section.text(index))
                }
            }
        }
    }
}
