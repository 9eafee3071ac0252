/// Reads CoNLL-2003 text: one `TOKEN POS CHUNK NER` line per token (only the first and last
/// columns are used), blank lines between sentences, `-DOCSTART-` lines between documents.
public enum CoNLLReader {
    public static func documents(from text: String) throws -> [CoNLLDocument] {
        var documents: [CoNLLDocument] = []
        var sentences: [[CoNLLDocument.Token]] = []
        var sentence: [CoNLLDocument.Token] = []
        func endSentence() {
            if !sentence.isEmpty { sentences.append(sentence) }
            sentence = []
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(CoNLLDocument(sentences: sentences)) }
            sentences = []
        }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if columns.isEmpty {
                endSentence()
                continue
            }
            if columns[0] == "-DOCSTART-" {
                endDocument()
                continue
            }
            guard columns.count >= 2 else {
                throw EntitiesError.malformedCoNLL(line: lineNumber, reason: "expected a token and a tag")
            }
            let tag = String(columns[columns.count - 1])
            guard isValid(tag: tag) else {
                throw EntitiesError.malformedCoNLL(line: lineNumber, reason: "invalid NER tag '\(tag)'")
            }
            sentence.append(CoNLLDocument.Token(text: String(columns[0]), tag: tag))
        }
        endDocument()
        return documents
    }

    static func isValid(tag: String) -> Bool {
        if tag == "O" { return true }
        guard tag.count > 2, tag.hasPrefix("B-") || tag.hasPrefix("I-") else { return false }
        return tag.dropFirst(2).allSatisfy { $0.isLetter || $0 == "_" }
    }
}
