/// Finds where the article ends on a scraped page, before the site's furniture: share
/// buttons, comment prompts, tag lists, related links, copyright lines.
///
/// The rule is general: walking up from the last line, a line is chrome when it does not read
/// as prose, that is when it is short and lacks sentence-final punctuation ("Leave A Reply",
/// "Exit mobile version", "Related Posts", a related headline), when it is made only of
/// sharing words ("Share.", "Facebook Twitter Email"), or when it carries a site label
/// ("Tags: ...", "© 2026 ...", "All rights reserved."). The first line that reads as prose
/// ends the walk. A heading such as "Related Posts" or "You may also like" also ends the
/// article when everything after it is headline-length, so a related headline that happens
/// to end in "?" does not survive.
enum PageChrome {
    /// Lines without final punctuation longer than this are taken as prose.
    static let longestUnpunctuatedChrome = 12
    /// Lines under a related-links heading longer than this are taken as prose.
    static let longestListedHeadline = 25

    /// The number of leading lines to keep: everything after is chrome or blank.
    static func articleEnd<Line: StringProtocol>(of lines: [Line]) -> Int {
        var end = lines.count
        while end > 0 {
            let line = lines[end - 1]
            if TextCleaner.isBlank(line) || isChrome(line) {
                end -= 1
            } else {
                break
            }
        }
        var heading = end
        while heading > 0, end - heading < 40 {
            heading -= 1
            if isListHeading(lines[heading])
                && lines[heading..<end].allSatisfy({ words(of: $0).count <= longestListedHeadline })
            {
                end = heading
            }
        }
        while end > 0, TextCleaner.isBlank(lines[end - 1]) { end -= 1 }
        return end
    }

    static func isChrome(_ line: some StringProtocol) -> Bool {
        let words = words(of: line)
        guard let last = words.last else { return true }
        let lower = line.lowercased()
        if lower.contains("©") || lower.contains("all rights reserved") || lower.hasPrefix("copyright") {
            return true
        }
        if labels.contains(where: { lower.hasPrefix($0) }) { return true }
        let bareWords = words.map { $0.lowercased().filter { $0.isLetter } }.filter { !$0.isEmpty }
        if !bareWords.isEmpty, bareWords.allSatisfy(sharingWords.contains) { return true }
        return words.count <= longestUnpunctuatedChrome && !endsSentence(last)
    }

    private static func isListHeading(_ line: some StringProtocol) -> Bool {
        let words = words(of: line)
        guard (1...6).contains(words.count), let last = words.last, !endsSentence(last) else { return false }
        let lower = words.joined(separator: " ").lowercased()
        return listHeadings.contains { lower.hasPrefix($0) }
    }

    private static func words(of line: some StringProtocol) -> [Substring] {
        Substring(line).split(whereSeparator: { $0.isWhitespace })
    }

    /// Whether a word ends a sentence, looking through closing quotes and brackets.
    static func endsSentence(_ word: some StringProtocol) -> Bool {
        let trimmed = word.reversed().drop { "\"'”’)]»".contains($0) }
        guard let final = trimmed.first else { return false }
        return ".!?…".contains(final)
    }

    private static let sharingWords: Set<String> = [
        "share", "shares", "shared", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "mail",
        "print", "pinterest", "reddit", "telegram", "tumblr", "copy", "link", "pocket", "flipboard", "messenger",
        "threads", "bluesky", "mastodon", "comment", "comments", "like", "save", "follow", "us", "on", "this",
        "article", "story", "post", "via", "the", "and", "or",
    ]

    private static let labels = [
        "tags:", "tagged:", "tagged with", "topics:", "filed under", "posted in", "categories:", "category:",
        "related:", "share this", "share on", "follow us", "read more", "read next", "see also", "sign up",
        "subscribe", "advertisement", "sponsored", "click here", "leave a reply", "leave a comment",
        "you must be logged in", "exit mobile version", "skip to content", "back to top",
    ]

    private static let listHeadings = [
        "related", "more from", "more stories", "more news", "you may also like", "you might also like",
        "recommended", "read more", "read next", "most read", "most popular", "trending", "latest news",
        "popular posts", "recent posts", "also read",
    ]
}
