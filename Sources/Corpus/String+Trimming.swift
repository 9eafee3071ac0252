import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's bridging when
    /// neither end can be trimmed: a field value that starts and ends with a visible ASCII character
    /// (almost every id, URL and date) comes back as it is.
    func trimmingWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last, Self.keepsEnd(first), Self.keepsEnd(last) else {
            return trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return self
    }

    /// An ASCII byte outside `CharacterSet.whitespacesAndNewlines` (tab to carriage return, space).
    private static func keepsEnd(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
