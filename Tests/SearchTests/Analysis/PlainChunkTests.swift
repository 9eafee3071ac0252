import Testing

@testable import Search

/// `TokenScanner.plainChunk` reads a chunk without the scanner; where it says `word` or `empty`,
/// the scanner must find exactly that word (its letters, lowercased) or nothing, on random chunks
/// of letters, digits, ASCII punctuation (the joiners `'-&.,` among it) and non-ASCII text.
@Suite struct PlainChunkTests {
    static let pieces = [
        "market", "Market", "MARKETS", "a", "I", "x", "U", ".", ",", "'", "’", "-", "&", "(", ")", "\"", "“", "”",
        ";", ":", "!", "?", "/", "#", "@", "$", "%", "*", "[", "]", "_", "~", "`", "0", "12", "5G", "é", "ü",
        "東", "\u{00AD}", "\u{0301}", "s", "S", "bn", "\u{7F}", "\u{01}",
    ]

    static func scannerWords(_ chunk: [UInt8]) -> [(term: [UInt8], start: Int, end: Int)] {
        var words: [(term: [UInt8], start: Int, end: Int)] = []
        var scanner = TokenScanner()
        chunk.withUnsafeBufferPointer { text in
            scanner.scan(text) { term, _, _, start, end in words.append((Array(term), start, end)) }
        }
        return words
    }

    @Test func plainChunksAnalyseAsTheScannerDoes() {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var plain = 0
        for _ in 0..<50_000 {
            var chunk: [UInt8] = []
            for _ in 0..<(1 + next(5)) { chunk += Self.pieces[next(Self.pieces.count)].utf8 }
            let result = chunk.withUnsafeBufferPointer { TokenScanner.plainChunk(in: $0, range: 0..<$0.count) }
            let words = Self.scannerWords(chunk)
            switch result {
            case .other:
                continue
            case .empty:
                #expect(words.isEmpty, "\(String(decoding: chunk, as: UTF8.self))")
            case .word(let start, let end, let hasUppercase):
                let letters = Array(chunk[start..<end])
                #expect(hasUppercase == letters.contains { $0 >= 0x41 && $0 <= 0x5A })
                #expect(words.count == 1, "\(String(decoding: chunk, as: UTF8.self))")
                #expect(words.first?.term == letters.map { $0 | 0x20 })
                #expect(words.first?.start == start && words.first?.end == end)
            }
            plain += 1
        }
        #expect(plain > 10_000)
    }

    /// Whitespace, digits and non-ASCII bytes are left to the scanner.
    @Test func chunksWithSpacesDigitsOrNonASCIIAreNotPlain() {
        for text in ["a b", "5G", "café", "(x)\n", "\u{01}x"] {
            let bytes = Array(text.utf8)
            let result = bytes.withUnsafeBufferPointer { TokenScanner.plainChunk(in: $0, range: 0..<$0.count) }
            guard case .other = result else {
                Issue.record("\(text) read as plain")
                continue
            }
        }
    }
}
