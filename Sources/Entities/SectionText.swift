/// One string of an article (its title or its text) with its segmentation and per-sentence
/// headline shape. Only lives inside the `withUTF8` call that lends it its bytes.
struct SectionText {
    let bytes: UnsafeBufferPointer<UInt8>
    let segmented: SegmentedText
    let inTitle: Bool
    /// Per sentence: most words capitalised (a Title Case headline, a byline, a list line).
    var titleCase: [Bool] = []
    /// Per sentence: most words in capitals (an ALL CAPS headline).
    var allCaps: [Bool] = []
    /// Per token: the context word lists its `bareLowercased` form is in, looked up on first use.
    let wordClasses: WordClassMemo
    /// Per token range: the gazetteer flags of its `withKey` bytes, looked up on first use.
    let nameFlagsMemo: NameFlagsMemo

    /// Words that headline-shape tests ignore, as headlines leave them in lower case.
    static let minorWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "vs", "v",
        "de", "is", "are", "after", "over", "into",
    ]

    static let longestMinorWord = minorWords.map(\.utf8.count).max() ?? 0

    static let minorWordHashes: WordHashSet = {
        var hashes = WordHashSet()
        for word in minorWords { hashes.insert(ByteHash.of(word.utf8)) }
        return hashes
    }()

    init(bytes: UnsafeBufferPointer<UInt8>, segmented: SegmentedText, inTitle: Bool) {
        self.bytes = bytes
        self.segmented = segmented
        self.inTitle = inTitle
        wordClasses = WordClassMemo(count: segmented.tokens.count)
        nameFlagsMemo = NameFlagsMemo(tokens: segmented.tokens.count)
        for range in segmented.sentences {
            let shape = headlineShape(of: range)
            allCaps.append(shape.allCaps)
            titleCase.append(shape.titleCase)
        }
    }

    /// Whether most words of the sentence are in capitals (`allCaps`), or else all but minor words
    /// are capitalised and there are two or more (`titleCase`). Words count unless they are minor
    /// words in lower case; a lower-case word short enough to be a minor word is hashed only when
    /// the answer depends on it, as it seldom does: a sentence with a longer lower-case word and
    /// too few capitals is neither (most sentences of a text).
    func headlineShape(of range: Range<Int>) -> (allCaps: Bool, titleCase: Bool) {
        var capitalised = 0
        var capitals = 0
        var longLower = 0
        var shortLower = 0
        for index in range where segmented.tokens[index].kind == .word {
            let token = segmented.tokens[index]
            if token.shape.contains(.allCaps) {
                capitals += 1
                capitalised += 1
            } else if token.shape.contains(.capitalised) {
                capitalised += 1
            } else if token.end - token.start > SectionText.longestMinorWord {
                longLower += 1
            } else {
                shortLower += 1
            }
        }
        // At least these words count: `shouting` is false when they alone outnumber the capitals.
        let fewest = capitalised + longLower
        if shortLower == 0 || capitals >= 1 && capitals * 10 >= fewest * 6 {
            var words = fewest
            if shortLower > 0 {
                for index in range where isShortLowerWord(index) && !isMinorWord(index) { words += 1 }
            }
            let shouting = capitals >= 1 && capitals * 10 >= words * 6
            return (shouting, !shouting && words >= 2 && capitalised == words)
        }
        // Not shouting; title case needs every lower-case word to be a minor word.
        guard longLower == 0 else { return (false, false) }
        for index in range where isShortLowerWord(index) && !isMinorWord(index) { return (false, false) }
        return (false, capitalised >= 2)
    }

    private func isShortLowerWord(_ index: Int) -> Bool {
        let token = segmented.tokens[index]
        return token.kind == .word && !token.shape.contains(.allCaps) && !token.shape.contains(.capitalised)
            && token.end - token.start <= SectionText.longestMinorWord
    }

    private func isMinorWord(_ index: Int) -> Bool {
        SectionText.minorWordHashes.contains(hash(index, lowercasingASCII: true))
    }

    /// The context word lists of the token's `bareLowercased` form.
    func classes(_ index: Int) -> WordClasses {
        if let known = wordClasses[index] { return known }
        let classes = withBareLowercased(index, ()) { WordClasses(of: $1) }
        wordClasses[index] = classes
        return classes
    }

    /// What the gazetteers know of the tokens' `normalised` words joined as one name (`withKey`).
    func nameFlags(_ range: Range<Int>, _ gazetteer: Gazetteer) -> NameFlags {
        if let known = nameFlagsMemo[range] { return known }
        let flags = withKey(range, gazetteer) { $0.flags($1) }
        nameFlagsMemo[range] = flags
        return flags
    }

    /// The context word lists of the token's `lowercased` form (a final period kept).
    func classesKeepingPeriod(_ index: Int) -> WordClasses {
        let token = segmented.tokens[index]
        guard token.end - token.start > 1, bytes[token.end - 1] == 0x2E else { return classes(index) }
        return withLowercased(from: token.start, to: token.end, ()) { WordClasses(of: $1) }
    }

    var tokens: [TextToken] { segmented.tokens }

    func text(_ index: Int) -> String {
        let token = segmented.tokens[index]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
    }

    func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    func hash(_ index: Int, lowercasingASCII: Bool = false) -> UInt64 {
        let token = segmented.tokens[index]
        let slice = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
        return lowercasingASCII ? ByteHash.ofLowercasedASCII(slice) : ByteHash.of(slice)
    }

    func lowercased(_ index: Int) -> String {
        let token = segmented.tokens[index]
        return lowercased(from: token.start, to: token.end)
    }

    /// An apostrophe written straight after a plural ending in "s", with a space after it: the
    /// possessive of "Dockworkers' Union". Such a token belongs to the word before it.
    func isPluralPossessive(_ index: Int) -> Bool {
        let tokens = segmented.tokens
        guard index > 0, index + 1 < tokens.count, tokens[index].kind == .punctuation,
            tokens[index].start == tokens[index - 1].end, tokens[index + 1].start > tokens[index].end,
            tokens[index - 1].kind == .word, bytes[tokens[index - 1].end - 1] | 0x20 == 0x73
        else { return false }
        return isPunctuation(index, SectionText.apostrophes)
    }

    /// The lower-case word without a final period ("Gen." -> "gen").
    func bareLowercased(_ index: Int) -> String {
        let token = segmented.tokens[index]
        let dropsPeriod = token.end - token.start > 1 && bytes[token.end - 1] == 0x2E
        return lowercased(from: token.start, to: dropsPeriod ? token.end - 1 : token.end)
    }

    // The `with...` calls below hand `context` to `body` rather than letting `body` capture it:
    // a closure that captures a struct holding arrays copies it, a retain per array.

    /// Calls `body` with `context` and the UTF-8 bytes of `bareLowercased(index)`.
    @inline(__always)
    func withBareLowercased<Context, Result>(
        _ index: Int, _ context: Context, _ body: (Context, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let token = segmented.tokens[index]
        let dropsPeriod = token.end - token.start > 1 && bytes[token.end - 1] == 0x2E
        return withLowercased(from: token.start, to: dropsPeriod ? token.end - 1 : token.end, context, body)
    }

    /// Calls `body` with `context` and the UTF-8 bytes of `lowercased(from:to:)`.
    @inline(__always)
    func withLowercased<Context, Result>(
        from start: Int, to end: Int, _ context: Context, _ body: (Context, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        LowercasedBytes.with(UnsafeBufferPointer(rebasing: bytes[start..<end]), context, body)
    }

    /// Lower-cases ASCII bytes directly and leaves other text to the standard library.
    func lowercased(from start: Int, to end: Int) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard slice.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: slice, as: UTF8.self).lowercased()
        }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (offset, byte) in slice.enumerated() {
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return slice.count
        }
    }

    /// The word as running text would write it: words of all-caps lines become Title Case,
    /// except acronyms with periods ("U.S.").
    func normalised(_ index: Int) -> String {
        let word = text(index)
        return needsTitleCase(index) ? SectionText.titleCased(word) : word
    }

    /// Calls `body` with `context` and the UTF-8 bytes of `normalised(index)`.
    @inline(__always)
    func withNormalised<Context, Result>(
        _ index: Int, _ context: Context, _ body: (Context, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withKey(index..<(index + 1), context, body)
    }

    /// Calls `body` with `context` and the UTF-8 bytes of the tokens' `normalised` words joined
    /// by single spaces (`MentionDetector.key`): the text itself when it is written so, else
    /// written into a temporary buffer on the stack.
    func withKey<Context, Result>(
        _ range: Range<Int>, _ context: Context, _ body: (Context, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let tokens = segmented.tokens
        var length = range.count - 1
        var asWritten = true
        for index in range {
            let token = tokens[index]
            length += token.end - token.start
            if needsTitleCase(index) {
                asWritten = false
                if UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]).contains(where: { $0 >= 0x80 }) {
                    var key = range.map { normalised($0) }.joined(separator: " ")
                    return key.withUTF8 { body(context, $0) }
                }
            }
            if index > range.lowerBound, token.start != tokens[index - 1].end + 1 || bytes[token.start - 1] != 0x20 {
                asWritten = false
            }
        }
        if asWritten {
            let start = tokens[range.lowerBound].start
            return body(context, UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]))
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 0)) { buffer in
            let written = writeWords(range, attachingPossessives: false, into: buffer)
            return body(context, UnsafeBufferPointer(rebasing: buffer[..<written]))
        }
    }

    /// Writes the tokens of `range` as ASCII words joined by single spaces into `buffer` (which
    /// holds them), each in Title Case where `needsTitleCase` says so; a plural possessive goes
    /// on the word before it without a space when `attachingPossessives`. Returns the bytes written.
    private func writeWords(
        _ range: Range<Int>, attachingPossessives: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let tokens = segmented.tokens
        var written = 0
        for index in range {
            if index > range.lowerBound && !(attachingPossessives && isPluralPossessive(index)) {
                buffer[written] = 0x20
                written += 1
            }
            let token = tokens[index]
            let titleCase = needsTitleCase(index)
            var upperNext = true
            for position in token.start..<token.end {
                let byte = bytes[position]
                if titleCase {
                    let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                    buffer[written] = !isLetter ? byte : upperNext ? byte & ~0x20 : byte | 0x20
                    upperNext = !isLetter && byte != 0x27
                } else {
                    buffer[written] = byte
                }
                written += 1
            }
        }
        return written
    }

    /// The words of a name joined by single spaces, and how many there are: each token's
    /// `normalised` word, a plural possessive's apostrophe kept on the word before it
    /// ("Dockworkers' Union"). The text itself when it is written so, else written byte by byte;
    /// Title Case of non-ASCII words goes through `normalised`.
    func nameKey(_ range: Range<Int>) -> (key: String, words: Int) {
        let tokens = segmented.tokens
        var words = 0
        var length = 0
        var asWritten = true
        for index in range {
            let token = tokens[index]
            let attached = index > range.lowerBound && isPluralPossessive(index)
            if !attached {
                words += 1
                if index > range.lowerBound {
                    length += 1
                    if token.start != tokens[index - 1].end + 1 || bytes[token.start - 1] != 0x20 { asWritten = false }
                }
            }
            length += token.end - token.start
            if needsTitleCase(index) {
                asWritten = false
                if UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]).contains(where: { $0 >= 0x80 }) {
                    let all = nameWords(range)
                    return (all.joined(separator: " "), all.count)
                }
            }
        }
        let start = tokens[range.lowerBound].start
        if asWritten { return (text(from: start, to: start + length), words) }
        let key = String(unsafeUninitializedCapacity: length) { buffer in
            writeWords(range, attachingPossessives: true, into: buffer)
        }
        return (key, words)
    }

    /// The words of a name as `nameKey` joins them, each a `String`.
    func nameWords(_ range: Range<Int>) -> [String] {
        var words: [String] = []
        words.reserveCapacity(range.count)
        for index in range {
            if isPluralPossessive(index), let last = words.popLast() {
                words.append(last + text(index))
            } else {
                words.append(normalised(index))
            }
        }
        return words
    }

    /// Whether `normalised` writes the token in Title Case: a word of capitals on an all-caps line.
    func needsTitleCase(_ index: Int) -> Bool {
        let token = segmented.tokens[index]
        return allCaps[token.sentence] && token.shape.contains(.allCaps) && !token.shape.contains(.abbreviation)
    }

    static func titleCased(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            var upperNext = true
            let bytes = word.utf8.map { byte -> UInt8 in
                let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                defer { upperNext = !isLetter && byte != 0x27 }
                guard isLetter else { return byte }
                return upperNext ? byte & ~0x20 : byte | 0x20
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(word.utf8.count)
        var upperNext = true
        for character in word {
            result += upperNext ? character.uppercased() : character.lowercased()
            upperNext = !character.isLetter && character != "'" && character != "’"
        }
        return result
    }

    /// Whether the token is punctuation written as one of `marks`.
    func isPunctuation(_ index: Int, _ marks: ByteKeyTable) -> Bool {
        let token = segmented.tokens[index]
        return token.kind == .punctuation
            && marks.contains(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
    }

    /// Whether the token opens its sentence, or a quotation or clause that reads as one.
    func isSentenceInitial(_ index: Int) -> Bool {
        let sentence = segmented.sentences[segmented.tokens[index].sentence]
        var previous = index - 1
        while previous >= sentence.lowerBound {
            let token = segmented.tokens[previous]
            guard token.kind == .punctuation else { return false }
            if isPunctuation(previous, SectionText.openers) { return true }
            if isPunctuation(previous, SectionText.dashes), previous > 0, tokens[previous - 1].end < token.start {
                return true
            }
            previous -= 1
        }
        return true
    }

    static let openers = marks(["“", "\"", "‘", "(", "[", ":", "—", "–", "'", "•", "*", ";"])
    static let dashes = marks(["-", "--"])
    /// What follows a dateline's place ("TOKYO, Japan", "AL-AIN (Reuters) -").
    static let datelineEnds = marks([",", "(", "-", "—", "–"])
    static let hyphen = marks(["-"])
    static let apostrophes = marks(["'", "\u{2019}"])
    static let comma = marks([","])
    static let openingBracket = marks(["("])
    static let closingBracket = marks([")"])

    static func marks(_ list: [String]) -> ByteKeyTable {
        var table = ByteKeyTable()
        for mark in list { table.insert(mark, value: 1) }
        return table
    }
}
