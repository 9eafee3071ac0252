import Testing

@testable import Search

@Suite struct FacetRowsTests {
    /// A row holds each small single-valued column's value id (the value count for none); columns
    /// with 255 values or more, and multi-valued ones, stay out.
    @Test func rowsHoldTheSmallSingleValuedColumns() {
        let documents = 600
        let perDocument: [[[String]]] = (0..<documents).map { doc in
            [
                doc % 7 == 0 ? [] : ["s\(doc % 5)"],  // small, some documents without a value
                ["wide\(doc % 300)"],  // 300 values: too many for a byte
                doc % 2 == 0 ? ["a", "b"] : ["a"],  // multi-valued
                ["m\(doc % 12)"],
            ]
        }
        let columns = (0..<4).map { field in KeywordColumn(KeywordValues(perDocument.map { $0[field] })) }
        let rows = FacetRows(columns: columns)
        #expect(rows.fields == [0, 3])
        for doc in 0..<documents {
            for (k, field) in rows.fields.enumerated() {
                #expect(Int(rows.bytes[doc * 2 + k]) == Int(columns[field].singleValues![doc]))
            }
        }
        #expect(rows.bytes[0] == UInt8(columns[0].values.count))
    }

    /// Values ordered through the ranks, against the plain definition (count descending, then the
    /// value's string ascending), on random counts with many ties and any limit.
    @Test func orderedValuesSortByCountThenValue() {
        var random = SnippetEquivalenceTests.Generator(state: 23)
        let names = ["b", "a", "B", "ä", "aa", "z", "Zeta", "10", "9", "é", "e\u{301}x", "-", "mid"]
        let perDocument: [[[String]]] = (0..<200).map { doc in [[names[doc % names.count]]] }
        let columns = [KeywordColumn(KeywordValues(perDocument.map { $0[0] }))]
        let rows = FacetRows(columns: columns)
        let values = columns[0].values
        for _ in 0..<300 {
            let counts = values.indices.map { _ in random.next(3) == 0 ? 0 : random.next(4) }
            let limit = 1 + random.next(values.count + 2)
            let plain = Array(
                counts.indices.filter { counts[$0] > 0 }
                    .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : values[$0] < values[$1] }
                    .prefix(limit))
            #expect(rows.orderedValues(of: 0, counts: counts, limit: limit) == plain)
        }
        #expect(rows.orderedValues(of: 1, counts: [], limit: 3) == nil)
    }
}
