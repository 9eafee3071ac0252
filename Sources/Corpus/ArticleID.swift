/// Article ids travel in URLs (`/v1/articles/{id}`), so they are limited to the characters
/// RFC 3986 leaves unreserved: ASCII letters, digits, `-`, `_`, `.` and `~`; 1 to 128 of them,
/// and not `.` or `..` (which a path would resolve). An id that breaks the rule is rewritten
/// (each run of other characters becomes one `-`) and the loader reports the rewrite; a
/// record without one gets `a-` and 16 hex digits of a content hash.
enum ArticleID {
    static let maximumLength = 128

    static func isValid(_ id: String) -> Bool {
        (1...maximumLength).contains(id.utf8.count) && id != "." && id != ".." && id.utf8.allSatisfy(isAllowed)
    }

    /// The id rewritten to the allowed set, or nil when nothing usable is left.
    static func sanitized(_ raw: String) -> String? {
        if isValid(raw) { return raw }
        var output: [UInt8] = []
        var pendingDash = false
        for byte in raw.utf8 {
            if isAllowed(byte) {
                if pendingDash && !output.isEmpty { output.append(UInt8(ascii: "-")) }
                pendingDash = false
                output.append(byte)
            } else {
                pendingDash = true
            }
        }
        let id = String(decoding: output.prefix(maximumLength), as: UTF8.self)
        return isValid(id) ? id : nil
    }

    /// A stable id from a record's content, for records that carry none: equal title and body
    /// give equal ids, so a repeated record is caught by the duplicate rule.
    static func derived(title: String, body: String) -> String {
        var hash = FNV1a()
        hash.combine(title)
        hash.combine(body)
        return "a-" + hash.hex
    }

    /// The id of a scraped page: its file name without extension and without an `NNN_` index
    /// prefix (`000_39102d4de1750d59.txt` is `39102d4de1750d59`).
    static func fromFileName(_ name: String) -> String {
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        let base = stem.isEmpty ? name : stem
        if let underscore = base.firstIndex(of: "_"), underscore != base.startIndex,
            base[..<underscore].allSatisfy(\.isASCII), base[..<underscore].allSatisfy(\.isNumber),
            base.index(after: underscore) != base.endIndex
        {
            return String(base[base.index(after: underscore)...])
        }
        return base
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "~")
    }
}
