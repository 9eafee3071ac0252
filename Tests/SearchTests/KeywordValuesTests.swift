import Testing

@testable import Search

@Suite struct KeywordValuesTests {
    /// The same values as strings and as table indices, with repeats inside a document, a value
    /// written at two places of the table, table entries no document uses and empty documents.
    static let strings: [[String]] = [
        ["person/ada", "Ada", "location/oslo"], [], ["location/oslo", "Oslo", "person/ada", "Ada", "person/ada"],
        ["Ada", "org/acme"], ["org/acme", "Acme", "location/oslo"],
    ]
    static let table = ["unused", "person/ada", "Ada", "location/oslo", "Oslo", "org/acme", "Acme", "Ada"]
    static let indices: [[Int32]] = [[1, 2, 3], [], [3, 4, 1, 7, 1], [7, 5], [5, 6, 3]]

    func same(_ a: KeywordColumn, _ b: KeywordColumn) -> Bool {
        a.values == b.values && a.valueStarts == b.valueStarts && a.documentValues == b.documentValues
            && a.values.indices.allSatisfy { a.documents(ofValue: $0) == b.documents(ofValue: $0) }
            && a.ids(matching: "ada") == b.ids(matching: "ada")
    }

    @Test func tableIndicesGiveTheColumnOfTheirStrings() {
        let fromStrings = KeywordColumn(KeywordValues(Self.strings))
        let fromTable = KeywordColumn(KeywordValues(table: Self.table, perDocument: Self.indices))
        #expect(same(fromStrings, fromTable))
        #expect(fromTable.values == ["person/ada", "Ada", "location/oslo", "Oslo", "org/acme", "Acme"])
        // "Ada" twice in document 2 (two table entries) counts once.
        #expect(
            fromTable.documentValues[Int(fromTable.valueStarts[2])..<Int(fromTable.valueStarts[3])] == [2, 3, 0, 1])
        #expect(fromTable.documents(ofValue: 1) == [0, 2, 3])
    }

    /// `build()` and `buildText()` completed with the same keywords are the same index.
    @Test func textBuiltFirstThenKeywordsEqualsOneBuild() throws {
        let articles = TestCorpus.generated(count: 700)
        var builder = IndexBuilder(schema: TestCorpus.schema)
        for (number, article) in articles.enumerated() {
            try builder.add(
                SearchDocument(
                    text: [article.title, article.body],
                    keywords: [[article.source], [article.category], Self.strings[number % Self.strings.count]],
                    date: article.date))
        }
        let whole = builder.build(concurrency: 3)
        let keywords = [
            KeywordValues(articles.map { [$0.source] }), KeywordValues(articles.map { [$0.category] }),
            KeywordValues(
                table: Self.table, perDocument: articles.indices.map { Self.indices[$0 % Self.indices.count] }),
        ]
        let staged = SearchIndex(builder.buildText(concurrency: 3), keywords: keywords)
        #expect(staged.documentCount == whole.documentCount)
        for field in whole.keywordColumns.indices {
            #expect(same(staged.keywordColumns[field], whole.keywordColumns[field]))
        }
        #expect(staged.dictionary.terms == whole.dictionary.terms)
        var request = SearchRequest(query: "market OR election")
        request.facets = ["source", "category", "entity"]
        request.filters = ["entity": ["person/ada"]]
        #expect(try staged.search(request) == whole.search(request))
    }
}
