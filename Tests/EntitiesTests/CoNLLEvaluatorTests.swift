import Foundation
import Testing

@testable import Entities

@Suite struct CoNLLEvaluatorTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: conllDevSetPath)))
    func devSetReachesThresholds() throws {
        let report = try CoNLLEvaluator(extractor: try EntityExtractor.loadDefault()).evaluate(
            fileAtPath: conllDevSetPath)
        print(report.render())
        #expect(report.overall.f1 >= 0.70)
        for label in CoNLLReport.labels {
            #expect((report.byLabel[label]?.f1 ?? 0) >= 0.5, "\(label)")
        }
    }
}
