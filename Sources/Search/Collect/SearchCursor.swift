/// A position in a sorted result list: the sort key and document of the last hit of a page. The
/// key orders ascending for every sort order (scores and descending dates are inverted), so "after
/// the cursor" is one comparison. Encoded as an opaque string: sort letter, 16 hex digits, 8 more.
struct SearchCursor: Hashable {
    var key: UInt64
    var doc: Int32

    static func key(score: Float, date: Int64, sort: SortOrder) -> UInt64 {
        switch sort {
        case .relevance: ~UInt64(score.bitPattern)
        case .date: date == SearchIndex.noDate ? .max : UInt64(bitPattern: date) ^ (1 << 63)
        case .dateDescending: date == SearchIndex.noDate ? .max : ~(UInt64(bitPattern: date) ^ (1 << 63))
        }
    }

    @inline(__always)
    static func precedes(_ a: (UInt64, Int32), _ b: (UInt64, Int32)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    func encoded(sort: SortOrder) -> String {
        let letter =
            switch sort {
            case .relevance: "r"
            case .date: "d"
            case .dateDescending: "D"
            }
        let hex = String(key, radix: 16)
        let docHex = String(UInt32(bitPattern: doc), radix: 16)
        return letter + String(repeating: "0", count: 16 - hex.count) + hex
            + String(repeating: "0", count: 8 - docHex.count) + docHex
    }

    init(key: UInt64, doc: Int32) {
        self.key = key
        self.doc = doc
    }

    init?(_ text: String, sort: SortOrder, documentCount: Int) {
        let chars = Array(text.utf8)
        let letter: UInt8 =
            switch sort {
            case .relevance: UInt8(ascii: "r")
            case .date: UInt8(ascii: "d")
            case .dateDescending: UInt8(ascii: "D")
            }
        guard chars.count == 25, chars[0] == letter,
            let key = UInt64(String(decoding: chars[1..<17], as: UTF8.self), radix: 16),
            let doc = UInt32(String(decoding: chars[17...], as: UTF8.self), radix: 16), doc < documentCount
        else { return nil }
        self.key = key
        self.doc = Int32(doc)
    }
}
