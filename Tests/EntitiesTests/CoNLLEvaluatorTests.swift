import Foundation
import Testing

@testable import Entities

@Suite struct CoNLLEvaluatorTests {
    static let devSet = "/work/shared/corpus/ner/conll2003/valid.txt"

    @Test func devSetReachesThresholds() throws {
        guard FileManager.default.fileExists(atPath: Self.devSet) else { return }
        let report = try CoNLLEvaluator(extractor: try EntityExtractor.loadDefault()).evaluate(fileAtPath: Self.devSet)
        print(report.render())
        #expect(report.overall.f1 >= 0.70)
        for label in CoNLLReport.labels {
            #expect((report.byLabel[label]?.f1 ?? 0) >= 0.5, "\(label)")
        }
    }
}
