import Testing

@testable import HTTP

@Suite struct ASCIITests {
    /// Letters match in either case; every other byte must be equal; a length mismatch either way
    /// is no match (the loop must not stop at the shorter side).
    @Test(arguments: [
        ("GZIP", "gzip", true), ("gZiP", "gzip", true), ("gzip", "gzip", true), ("", "", true),
        ("gzi", "gzip", false), ("gzips", "gzip", false), ("", "q", false), ("q", "", false),
        ("Image/SVG+XML", "image/svg+xml", true), ("image/svg-xml", "image/svg+xml", false),
        // 0x40 '@' | 0x20 is 0x60 '`': only A-Z fold, so these differ.
        ("@", "`", false), ("[", "{", false), ("É", "é", false),
    ])
    func equalsIgnoringCaseFoldsOnlyASCIILetters(bytes: String, lowercase: String, expected: Bool) {
        #expect(ASCII.equalsIgnoringCase(bytes.utf8, lowercase) == expected)
        #expect(ASCII.equalsIgnoringCase(Array(bytes.utf8)[...], lowercase) == expected)
        #expect(ASCII.equalsIgnoringCase(Substring(bytes).utf8, lowercase) == expected)
    }
}
