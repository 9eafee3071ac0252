/// Reads a scraped `.txt` page: a headline line when there is one, paragraphs separated by
/// blank lines (lines inside a paragraph are joined with a space), and the site's chrome at
/// the end cut off by `PageChrome`.
enum ScrapedPageReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> LoadOutcome {
        var outcome = LoadOutcome()
        let origin = Article.Origin(path: path)
        if let offset = UTF8Check.firstInvalidOffset(in: bytes) {
            outcome.skip(origin, .invalidUTF8(byteOffset: offset))
            return outcome
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let (title, paragraphs) = parse(text) else {
            outcome.skip(origin, .emptyPage)
            return outcome
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let rawID = ArticleID.fromFileName(fileName)
        let body = Article.body(ofParagraphs: paragraphs)
        let id: String
        if let clean = ArticleID.sanitized(rawID) {
            id = clean
            if clean != rawID { outcome.warn(origin, .idRewritten(from: rawID, to: clean)) }
        } else {
            id = ArticleID.derived(title: title, body: body)
            outcome.warn(origin, .idRewritten(from: rawID, to: id))
        }
        outcome.articles.append(
            Article(id: id, title: title, body: body, paragraphs: paragraphs, origin: origin))
        return outcome
    }

    /// The title and paragraphs of a page, or nil when nothing but chrome is left.
    static func parse(_ text: String) -> (title: String, paragraphs: [String])? {
        let stripped = TextCleaner.removingMarkup(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let lines = stripped.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = Array(lines[..<PageChrome.articleEnd(of: lines)])
        let blocks = TextCleaner.blocks(of: kept)
        var paragraphs = blocks.map { block in
            TextCleaner.collapsingWhitespace(block.joined(separator: " "))
        }.filter { !$0.isEmpty }
        guard let first = paragraphs.first else { return nil }
        if paragraphs.count > 1, blocks[0].count == 1, Headline.isHeadline(first) {
            paragraphs.removeFirst()
            return (first, paragraphs)
        }
        // A paragraph of punctuation alone ("..") gives no title; the first one that does is used,
        // and a page where none does has no text to serve.
        guard let title = paragraphs.lazy.map({ Headline.fromOpening(of: $0) }).first(where: { !$0.isEmpty }) else {
            return nil
        }
        return (title, paragraphs)
    }
}
