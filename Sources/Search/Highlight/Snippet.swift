/// A passage of the snippet field around matches, cut on word boundaries.
public struct Snippet: Sendable, Hashable {
    /// The passage as it appears in the document.
    public var text: String
    /// The matched words, as UTF-8 byte ranges into `text` (ascending, not overlapping).
    public var marks: [Range<Int>]
    /// Whether the passage starts after the beginning, or ends before the end, of the text.
    public var startsMidText: Bool
    public var endsMidText: Bool

    /// `text` with `&<>"'` escaped, each mark in `<mark>...</mark>`, and "…" where it was cut from
    /// longer text: safe to insert into HTML as is.
    public var html: String {
        var bytes: [UInt8] = []
        appendHTML(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `html`, so a caller writing many snippets can reuse one buffer.
    public func appendHTML(to out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.utf8.count + 16 + marks.count * 13)
        var text = text
        text.withUTF8 { text in
            if startsMidText { out.append(contentsOf: Self.ellipsisBytes) }
            var cursor = 0
            for mark in marks {
                Self.appendEscaped(text, cursor..<mark.lowerBound, to: &out)
                out.append(contentsOf: Self.markOpenBytes)
                Self.appendEscaped(text, mark, to: &out)
                out.append(contentsOf: Self.markCloseBytes)
                cursor = mark.upperBound
            }
            Self.appendEscaped(text, cursor..<text.count, to: &out)
            if endsMidText { out.append(contentsOf: Self.ellipsisBytes) }
        }
    }

    /// What `html` writes where a passage was cut and around each mark: public, with
    /// `htmlEntity(for:)`, so a caller writing the HTML straight into another format (a JSON
    /// string) writes what `html` holds.
    public static let ellipsis = "…"
    public static let markOpen = "<mark>"
    public static let markClose = "</mark>"

    /// The entity `html` writes in place of `byte`, for `&<>"'` (safe in HTML text and attributes);
    /// nil for a byte copied as is.
    @inline(__always)
    public static func htmlEntity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    private static let ellipsisBytes = Array(ellipsis.utf8)
    private static let markOpenBytes = Array(markOpen.utf8)
    private static let markCloseBytes = Array(markClose.utf8)

    /// Appends `text[range]` with `&<>"'` escaped for HTML text and attributes.
    private static func appendEscaped(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]
    ) {
        var runStart = range.lowerBound
        for index in range {
            guard let entity = htmlEntity(for: text[index]) else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<range.upperBound]))
    }
}
