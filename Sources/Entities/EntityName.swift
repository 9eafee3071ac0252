import Foundation

/// Normal forms of names: a folded key that merges case and accent variants ("São Paulo",
/// "Sao Paulo", "SAO PAULO"), and the slug of an entity id.
enum EntityName {
    /// Lower case, accents dropped, periods and apostrophes dropped ("U.S." -> "us"), "&", "+"
    /// and "#" kept ("AT&T", "C++", "C#" are different names), any other run of non-letters kept
    /// as one space.
    static func folded(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return foldedASCII(name) }
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

    /// The name with its accents dropped and its case kept ("Gdańsk" -> "Gdansk"), for gazetteers
    /// whose sources spell names in ASCII.
    static func withoutAccents(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The key names merge under across a corpus: `folded`, less a company's legal form at the end,
    /// so "Corvid Semiconductor Inc." and "Corvid Semiconductor" are one company.
    static func mergeKey(_ name: String) -> String {
        let key = folded(name)
        guard let space = key.lastIndex(of: " "), legalForms.contains(String(key[key.index(after: space)...])) else {
            return key
        }
        return String(key[..<space])
    }

    /// Legal forms of companies, folded, as they end a company's name.
    static let legalForms: Set<String> = [
        "inc", "incorporated", "ltd", "limited", "llc", "plc", "corp", "corporation", "co", "ag", "sa", "nv", "gmbh",
    ]

    /// `folded` for ASCII text, byte by byte.
    static func foldedASCII(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            let isWordByte = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
            if byte == 0x2E || byte == 0x27 { continue }
            if isWordByte || byte == 0x26 || byte == 0x2B || byte == 0x23 {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(lower)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The readable part of an id, safe in a URL path: "Pete Hegseth" -> "pete-hegseth",
    /// "U.S." -> "us", "AT&T" -> "at-and-t", "C++" -> "c-plus-plus".
    static func slug(_ name: String) -> String {
        let folded = folded(name)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return slugASCII(folded) }
        let words = folded.replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "+", with: " plus ").replacingOccurrences(of: "#", with: " sharp ")
            .split(separator: " ")
        return words.isEmpty ? "entity" : words.joined(separator: "-")
    }

    /// `slug` of a folded ASCII name, byte by byte: the same words without Foundation's search.
    static func slugASCII(_ folded: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folded.utf8.count + 8)
        var inWord = false
        func append(_ byte: UInt8) {
            if !inWord, !bytes.isEmpty { bytes.append(0x2D) }
            inWord = true
            bytes.append(byte)
        }
        func appendWord(_ word: String) {
            inWord = false
            for byte in word.utf8 { append(byte) }
            inWord = false
        }
        for byte in folded.utf8 {
            switch byte {
            case 0x26: appendWord("and")
            case 0x2B: appendWord("plus")
            case 0x23: appendWord("sharp")
            case 0x20: inWord = false
            default: append(byte)
            }
        }
        return bytes.isEmpty ? "entity" : String(decoding: bytes, as: UTF8.self)
    }
}
