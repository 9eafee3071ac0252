import Foundation

/// Classifies and folds non-ASCII scalars: lowercase, and for Latin, Greek and Cyrillic letters the
/// diacritics dropped ("É" -> "e", "ß" -> "ss"), so "Café" and "cafe" index alike.
///
/// Scalars below `tableLimit` (every alphabet news text is likely to use) are classified once into
/// flat arrays, so the scanner pays an array load per character; rarer scalars are classified on
/// the fly with the same rules.
struct ScalarFolding: Sendable {
    static let shared = ScalarFolding()

    static let tableLimit: UInt32 = 0x3000

    private let kinds: [CharacterKind]
    /// `foldOffsets[s] ..< foldOffsets[s + 1]` is the folded UTF-8 of scalar `s` in `foldBytes`.
    private let foldOffsets: [UInt32]
    private let foldBytes: [UInt8]

    private init() {
        var kinds = [CharacterKind](repeating: .separator, count: Int(Self.tableLimit))
        var offsets = [UInt32](repeating: 0, count: Int(Self.tableLimit) + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 * 1024)
        for value in 0..<Self.tableLimit {
            offsets[Int(value)] = UInt32(bytes.count)
            guard let scalar = Unicode.Scalar(value) else { continue }
            let (kind, folded) = Self.classify(scalar)
            kinds[Int(value)] = kind
            bytes.append(contentsOf: folded)
        }
        offsets[Int(Self.tableLimit)] = UInt32(bytes.count)
        self.kinds = kinds
        self.foldOffsets = offsets
        self.foldBytes = bytes
    }

    @inline(__always)
    func kind(of value: UInt32) -> CharacterKind {
        if value < Self.tableLimit { return kinds[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return .separator }
        return Self.classify(scalar).kind
    }

    /// Appends the folded form of a letter, digit or mark.
    @inline(__always)
    func appendFolded(_ value: UInt32, to buffer: inout [UInt8]) {
        if value < Self.tableLimit {
            let range = Int(foldOffsets[Int(value)])..<Int(foldOffsets[Int(value) + 1])
            buffer.append(contentsOf: foldBytes[range])
        } else if let scalar = Unicode.Scalar(value) {
            buffer.append(contentsOf: Self.classify(scalar).folded)
        }
    }

    /// The rules behind the table, also used directly for scalars past it.
    static func classify(_ scalar: Unicode.Scalar) -> (kind: CharacterKind, folded: [UInt8]) {
        switch scalar.value {
        case 0x27, 0x2019, 0x02BC: return (.apostrophe, [])
        case 0x2D, 0x2010, 0x2011, 0x26: return (.hyphen, [])
        case 0x2E: return (.dot, [])
        case 0x2C: return (.comma, [])
        case 0xAD, 0x200C, 0x200D: return (.ignorable, [])
        default: break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return (.mark, isFoldedDiacritic(scalar.value) ? [] : Array(String(scalar).utf8))
        case .decimalNumber:
            if let digit = properties.numericValue, digit >= 0, digit <= 9 {
                return (.digit, [UInt8(ascii: "0") + UInt8(digit)])
            }
            return (.digit, Array(String(scalar).utf8))
        default:
            break
        }
        guard properties.isAlphabetic else { return (.separator, []) }
        if properties.isIdeographic { return (.ideograph, Array(String(scalar).utf8)) }
        return (.letter, foldLetter(scalar))
    }

    /// Combining diacritical marks (U+0300–U+036F): the accents NFD splits off Latin, Greek and
    /// Cyrillic letters. Marks of other scripts carry meaning (Indic vowel signs) and are kept.
    private static func isFoldedDiacritic(_ value: UInt32) -> Bool {
        (0x300...0x36F).contains(value)
    }

    /// Latin ligatures ("ﬁ") and fullwidth Latin letters and digits: typographic variants of
    /// plain letters that NFKC maps back to them.
    private static func isCompatibilityForm(_ value: UInt32) -> Bool {
        (0xFB00...0xFB06).contains(value) || (0xFF10...0xFF5A).contains(value)
    }

    private static func foldsDiacritics(_ value: UInt32) -> Bool {
        value < 0x530 || (0x1E00..<0x2000).contains(value)
    }

    private static func foldLetter(_ scalar: Unicode.Scalar) -> [UInt8] {
        var lower = scalar.properties.lowercaseMapping
        if isCompatibilityForm(scalar.value) {
            lower = lower.precomposedStringWithCompatibilityMapping
        }
        if foldsDiacritics(scalar.value) {
            lower = String(
                String.UnicodeScalarView(
                    lower.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                        !isFoldedDiacritic($0.value)
                    }))
            lower = lower.unicodeScalars.map { letterReplacements[$0.value] ?? String($0) }.joined()
        }
        return lower.isEmpty ? Array(String(scalar).utf8) : Array(lower.utf8)
    }

    /// Letters NFD leaves whole but a reader of English treats as plain Latin letters.
    private static let letterReplacements: [UInt32: String] = [
        0xDF: "ss", 0xE6: "ae", 0x153: "oe", 0xF8: "o", 0x111: "d", 0xF0: "d", 0x142: "l", 0xFE: "th",
        0x131: "i",
    ]
}
