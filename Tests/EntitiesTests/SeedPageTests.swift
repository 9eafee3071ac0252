import Foundation
import Testing

@testable import Entities

@Suite struct SeedPageTests {
    static let path = "/work/shared/corpus/seed/000_39102d4de1750d59.txt"

    @Test func printsSeed() throws {
        guard FileManager.default.fileExists(atPath: Self.path) else { return }
        let report = try ExtractionReport.forFile(atPath: Self.path, using: try EntityExtractor.loadDefault())
        print(report.render())
    }
}
