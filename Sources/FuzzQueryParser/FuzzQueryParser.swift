import Search

/// libFuzzer target for the search query language: any UTF-8 (or broken UTF-8, decoded with
/// replacement characters) is parsed in both match modes. A query either parses or throws a
/// `QueryParseError` whose position lies inside the query; it never traps, recurses without bound
/// or hangs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parser = QueryParser(textFields: ["title", "body"], keywordFields: ["source", "category"])
    let length = query.count
    for mode in MatchMode.allCases {
        do {
            _ = try parser.parse(query, match: mode)
        } catch {
            precondition(
                error.position >= 0 && error.position <= length, "error position \(error.position) of \(length)")
        }
    }
    return 0
}
