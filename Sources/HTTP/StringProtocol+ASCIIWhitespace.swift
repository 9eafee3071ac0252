extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's OWS), not Unicode whitespace.
    @inlinable
    package func trimmingASCIIWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
