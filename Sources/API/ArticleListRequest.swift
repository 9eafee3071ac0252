import Foundation
import HTTP

/// The parameters of `GET /v1/articles`, validated.
struct ArticleListRequest {
    enum Sort: String, CaseIterable {
        /// Oldest first.
        case date
        /// Newest first (the default).
        case newestFirst = "-date"
        case id
    }

    static let parameterNames: Set<String> = ["limit", "offset", "sort", "source", "category", "from", "to"]
    static let maxLimit = 100

    var limit: Int
    var offset: Int
    var sort: Sort
    var sources: [String]
    var categories: [String]
    var from: Date?
    var to: Date?

    init(_ request: HTTPRequest) throws(ProblemDetails) {
        let reader = try ParameterReader(request, allowed: Self.parameterNames)
        limit = try reader.integer("limit", default: 20, range: 1...Self.maxLimit)
        offset = try reader.integer("offset", default: 0, range: 0...Int(Int32.max))
        sort = try reader.choice("sort", default: .newestFirst)
        sources = reader.strings("source")
        categories = reader.strings("category")
        from = try reader.date("from", endOfDay: false)
        to = try reader.date("to", endOfDay: true)
        if let from, let to, from > to {
            throw .badParameter("from", "is after to; the range would be empty")
        }
    }

    /// The same query at another offset, as a relative link (the `next` of a page).
    func link(offset: Int) -> String {
        var items = ["limit=\(limit)", "offset=\(offset)"]
        if sort != .newestFirst { items.append("sort=\(Self.encode(sort.rawValue))") }
        items += sources.map { "source=\(Self.encode($0))" }
        items += categories.map { "category=\(Self.encode($0))" }
        if let from { items.append("from=\(Self.encode(DateBound.format(from)))") }
        if let to { items.append("to=\(Self.encode(DateBound.format(to)))") }
        return "/v1/articles?" + items.joined(separator: "&")
    }

    /// `value` percent-encoded for a query string. A value of ASCII letters, digits and `-._~` only
    /// (most queries, every cursor) is returned as is without Foundation's encoder, which leaves
    /// such a value unchanged too (it was 1.5 % of a search request's CPU).
    static func encode(_ value: String) -> String {
        if value.utf8.allSatisfy(isUnreserved) { return value }
        return value.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? value
    }

    /// RFC 3986 `unreserved` in ASCII: letters, digits and `-._~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let queryValueAllowed: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return allowed
    }()
}
