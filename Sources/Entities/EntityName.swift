import Foundation

/// Normal forms of names: a folded key that merges case and accent variants ("São Paulo",
/// "Sao Paulo", "SAO PAULO"), and the slug of an entity id.
enum EntityName {
    /// Lower case, accents dropped, periods and apostrophes dropped ("U.S." -> "us"), "&", "+"
    /// and "#" kept ("AT&T", "C++", "C#" are different names), any other run of non-letters kept
    /// as one space.
    static func folded(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || scalar == "." || scalar == "'" || scalar == "’" {
                continue
            }
            if properties.isAlphabetic || properties.numericType != nil || scalar == "&" || scalar == "+"
                || scalar == "#"
            {
                if pendingSpace && !result.isEmpty { result += " " }
                pendingSpace = false
                result += properties.lowercaseMapping
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// The readable part of an id, safe in a URL path: "Pete Hegseth" -> "pete-hegseth",
    /// "U.S." -> "us", "AT&T" -> "at-and-t", "C++" -> "c-plus-plus".
    static func slug(_ name: String) -> String {
        let words = folded(name).replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "+", with: " plus ").replacingOccurrences(of: "#", with: " sharp ")
            .split(separator: " ")
        return words.isEmpty ? "entity" : words.joined(separator: "-")
    }
}
