/// Snowball's English stemmer ("Porter2"), written from the published algorithm and checked word
/// for word against the Snowball reference (see `PorterStemmerTests`).
///
/// Works on ASCII bytes; a word with any other byte is returned unchanged, since the algorithm is
/// defined for English letters only. Input is expected in lowercase, as the analyzer provides it.
public struct PorterStemmer: Sendable {
    public init() {}

    public func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return word }
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems ASCII bytes in place; the result is never longer than the input.
    func stem(_ bytes: inout [UInt8]) {
        if let replacement = Self.exception(bytes) {
            bytes = replacement
            return
        }
        guard bytes.count >= 3 else { return }
        var word = StemmedWord(bytes)
        bytes = []
        word.run()
        bytes = word.letters
    }

    /// Whole words the algorithm treats as exceptions: irregular forms and words whose suffixes
    /// only look like endings.
    private static func exception(_ word: [UInt8]) -> [UInt8]? {
        guard (3...6).contains(word.count) else { return nil }
        switch String(decoding: word, as: UTF8.self) {
        case "skis": return Array("ski".utf8)
        case "skies": return Array("sky".utf8)
        case "idly": return Array("idl".utf8)
        case "gently": return Array("gentl".utf8)
        case "ugly": return Array("ugli".utf8)
        case "early": return Array("earli".utf8)
        case "only": return Array("onli".utf8)
        case "singly": return Array("singl".utf8)
        case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes": return word
        default: return nil
        }
    }
}
