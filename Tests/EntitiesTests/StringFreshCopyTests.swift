import Testing

@testable import Entities

@Suite struct StringFreshCopyTests {
    /// The copy reads the same and, unless the text is short enough to be inline, lives in an
    /// allocation of its own (which is what lets the original's page be freed).
    @Test(arguments: ["", "short", "São Paulo é uma cidade do Brasil", String(repeating: "long text ", count: 300)])
    func copyIsEqualAndLongTextGetsItsOwnStorage(text: String) {
        let copy = text.freshCopy()
        #expect(copy == text)
        #expect(Array(copy.utf8) == Array(text.utf8))
        var (original, copied) = (text, copy)
        let addresses = (original.withUTF8 { $0.baseAddress }, copied.withUTF8 { $0.baseAddress })
        if text.utf8.count > 15 { #expect(addresses.0 != addresses.1) }
    }
}
