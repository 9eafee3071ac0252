import TestSupport
import Testing

@testable import Search

/// The flat column (documents of every value in one array, lower-cased ids in one open-addressed
/// table) against the definition it replaced, written out plainly: a dictionary from each value's
/// lower-cased form to its ids and an array of documents per value.
@Suite struct KeywordColumnTests {
    /// Random documents over a small vocabulary with case variants ("Ada", "ADA", "ada"), repeats
    /// within a document and empty documents, so that several ids share a folded form.
    static func randomDocuments(count: Int, seed: UInt64) -> [[String]] {
        var generator = SeededGenerator(seed: seed)
        let stems = (0..<40).map { "value-\($0)" } + ["Ada", "ADA", "ada", "Öl", "öl", "Straße", "STRASSE"]
        return (0..<count).map { _ in
            (0..<Int(generator.next() % 6)).map { _ in
                let stem = stems[Int(generator.next() % UInt64(stems.count))]
                return generator.next() % 5 == 0 ? stem.uppercased() : stem
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4]) func flatColumnMatchesThePlainDefinition(seed: UInt64) {
        let documents = Self.randomDocuments(count: 300 * Int(seed), seed: seed)
        let column = KeywordColumn(KeywordValues(documents))

        var values: [String] = []
        var documentsOfValue: [String: [Int32]] = [:]
        for (doc, list) in documents.enumerated() {
            for value in list where documentsOfValue[value]?.last != Int32(doc) {
                if documentsOfValue[value] == nil { values.append(value) }
                documentsOfValue[value, default: []].append(Int32(doc))
            }
        }
        var idsByFolded: [String: [Int32]] = [:]
        for (id, value) in values.enumerated() { idsByFolded[value.lowercased(), default: []].append(Int32(id)) }

        #expect(column.values == values)
        for (id, value) in values.enumerated() {
            #expect(Array(column.documents(ofValue: id)) == documentsOfValue[value])
        }
        let queries = values + values.map { $0.uppercased() } + ["missing", "", "value-"]
        for query in queries {
            let expectedIDs = idsByFolded[query.lowercased()] ?? []
            #expect(column.ids(matching: query) == expectedIDs, "ids of \(query)")
            let expectedDocuments = Set(expectedIDs.flatMap { documentsOfValue[values[Int($0)]]! }).sorted()
            #expect(column.documents(matching: query) == expectedDocuments, "documents of \(query)")
        }
    }

    /// A column whose values all collide in one probe run still finds each of them.
    @Test func manyValuesOfOneFoldedFormAreAllFound() {
        let variants = ["ab", "aB", "Ab", "AB"]
        let column = KeywordColumn(KeywordValues(variants.map { [$0] } + [["other"]]))
        #expect(column.ids(matching: "ab") == [0, 1, 2, 3])
        #expect(column.documents(matching: "AB") == [0, 1, 2, 3])
        #expect(column.ids(matching: "OTHER") == [4])
        #expect(column.documents(matching: "abc").isEmpty)
    }
}
