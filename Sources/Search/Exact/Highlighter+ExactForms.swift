extension Highlighter {
    /// The matches whose words have a form quoted phrases want (`forms[term]`, nil for any form):
    /// an exact phrase marks the words as typed, not their stem's other forms. A match's form is
    /// that of the first token its bytes analyse to, as the index builder saw it.
    static func keepingWantedForms(
        _ matches: [Match], forms: [Set<String>?], in text: UnsafeBufferPointer<UInt8>
    )
        -> [Match]
    {
        guard forms.contains(where: { $0 != nil }) else { return matches }
        var scanner = TokenScanner()
        return matches.filter { match in
            guard let wanted = forms[match.term] else { return true }
            var form: String?
            scanner.scan(UnsafeBufferPointer(rebasing: text[match.start..<match.end])) { folded, _, _, _, _ in
                if form == nil { form = String(decoding: folded, as: UTF8.self) }
            }
            return form.map(wanted.contains) ?? false
        }
    }
}
