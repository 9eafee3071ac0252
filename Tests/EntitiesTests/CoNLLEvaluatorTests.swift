import Foundation
import Testing

@testable import Entities

@Suite struct CoNLLEvaluatorTests {
    static let extractor = try! EntityExtractor.loadDefault()

    @Test func detokenisesWithOffsets() {
        let document = CoNLLDocument(sentences: [
            ["Japan", "'s", "team", "(", "Asia", ")", "won", "."].map { .init(text: $0, tag: "O") },
            [.init(text: "Yes", tag: "O")],
        ])
        let (text, offsets) = CoNLLEvaluator.detokenise(document)
        #expect(text == "Japan's team (Asia) won.\n\nYes")
        let bytes = Array(text.utf8)
        #expect(
            offsets.map { String(decoding: bytes[$0], as: UTF8.self) } == document.sentences.flatMap { $0 }.map(\.text))
    }

    @Test func scoresExactSpansAndTypes() throws {
        let documents = try CoNLLReader.documents(
            from: """
                Angela NNP B-NP B-PER
                Merkel NNP I-NP I-PER
                visited VBD B-VP O
                Paris NNP B-NP B-LOC
                with IN B-PP O
                Lufthansa NNP B-NP B-ORG
                . . O O
                """)
        let report = CoNLLEvaluator(extractor: Self.extractor).evaluate(documents)
        #expect(report.byLabel["PER"]?.truePositives == 1)
        #expect(report.byLabel["LOC"]?.truePositives == 1)
        #expect(report.overall.truePositives + report.overall.falseNegatives == 3)
        #expect(report.render().contains("overall"))
    }

    @Test func scoreArithmetic() {
        let score = CoNLLScore(truePositives: 6, falsePositives: 2, falseNegatives: 4)
        #expect(score.precision == 0.75 && score.recall == 0.6)
        #expect(abs(score.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12)
        #expect(CoNLLScore().f1 == 0)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: conllDevSetPath)))
    func devSetReachesThresholds() throws {
        let report = try CoNLLEvaluator(extractor: Self.extractor).evaluate(fileAtPath: conllDevSetPath)
        print(report.render())
        #expect(report.overall.f1 >= 0.70)
        for label in CoNLLReport.labels {
            #expect((report.byLabel[label]?.f1 ?? 0) >= 0.5, "\(label)")
        }
    }

    @Test func unreadableFileIsATypedError() {
        #expect(throws: EntitiesError.unreadableFile(path: "/nonexistent/x.conll")) {
            try CoNLLEvaluator(extractor: Self.extractor).evaluate(fileAtPath: "/nonexistent/x.conll")
        }
    }
}
