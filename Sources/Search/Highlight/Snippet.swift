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
            if startsMidText { out.append(contentsOf: Self.ellipsis) }
            var cursor = 0
            for mark in marks {
                Self.appendEscaped(text, cursor..<mark.lowerBound, to: &out)
                out.append(contentsOf: Self.markOpen)
                Self.appendEscaped(text, mark, to: &out)
                out.append(contentsOf: Self.markClose)
                cursor = mark.upperBound
            }
            Self.appendEscaped(text, cursor..<text.count, to: &out)
            if endsMidText { out.append(contentsOf: Self.ellipsis) }
        }
    }

    private static let ellipsis = Array("…".utf8)
    private static let markOpen = Array("<mark>".utf8)
    private static let markClose = Array("</mark>".utf8)

    /// Appends `text[range]` with `&<>"'` escaped for HTML text and attributes.
    private static func appendEscaped(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]
    ) {
        var runStart = range.lowerBound
        for index in range {
            let entity: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<range.upperBound]))
    }
}
