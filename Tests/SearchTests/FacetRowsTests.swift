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
}
