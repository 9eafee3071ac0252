@testable import Corpus

/// libFuzzer target for the corpus loaders: the same bytes are read as a `.json` document, as
/// `.jsonl` lines and as a scraped `.txt` page, the way `CorpusLoader` reads a file of each kind.
/// A loader reports a bad file or record as a skip with its reason; it must never trap, and every
/// article it keeps has an id and a title.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCorpusLoaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let outcomes = [
        JSONDocumentReader.read(bytes, path: "fuzz.json"),
        JSONLinesReader.read(bytes, path: "fuzz.jsonl").outcome,
        ScrapedPageReader.read(bytes, path: "fuzz.txt"),
    ]
    for outcome in outcomes {
        for article in outcome.articles {
            precondition(!article.id.isEmpty, "article without an id")
            precondition(!article.title.isEmpty, "article without a title")
        }
    }
    return 0
}
