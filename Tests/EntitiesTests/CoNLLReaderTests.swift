import Testing

@testable import Entities

@Suite struct CoNLLReaderTests {
    static let sample = """
        -DOCSTART- -X- -X- O

        EU NNP B-NP B-ORG
        rejects VBZ B-VP O
        German JJ B-NP B-MISC
        call NN I-NP O
        . . O O

        Peter NNP B-NP B-PER
        Blackburn NNP I-NP I-PER

        -DOCSTART- -X- -X- O

        BRUSSELS NNP B-NP B-LOC
        1996-08-22 CD I-NP O
        """

    @Test func readsDocumentsSentencesAndSpans() throws {
        let documents = try CoNLLReader.documents(from: Self.sample)
        #expect(documents.count == 2)
        #expect(documents[0].sentences.map(\.count) == [5, 2])
        #expect(
            documents[0].goldSpans == [
                .init(tokens: 0..<1, label: "ORG"), .init(tokens: 2..<3, label: "MISC"),
                .init(tokens: 5..<7, label: "PER"),
            ])
        #expect(documents[1].goldSpans == [.init(tokens: 0..<1, label: "LOC")])
    }

    @Test func readsIOB1AsWellAsIOB2() throws {
        let documents = try CoNLLReader.documents(from: "Rome NNP I-NP I-LOC\nand CC O O\nParis NNP I-NP I-LOC\n")
        #expect(documents[0].goldSpans == [.init(tokens: 0..<1, label: "LOC"), .init(tokens: 2..<3, label: "LOC")])
    }

    @Test(arguments: [
        ("EU\n", 1, "expected a token and a tag"), ("EU NNP B-NP X-ORG\n", 1, "invalid NER tag 'X-ORG'"),
        ("a DT O O\n\nEU NNP B-NP B-\n", 3, "invalid NER tag 'B-'"),
    ])
    func rejectsMalformedLines(_ text: String, _ line: Int, _ reason: String) {
        #expect(throws: EntitiesError.malformedCoNLL(line: line, reason: reason)) {
            try CoNLLReader.documents(from: text)
        }
    }
}
