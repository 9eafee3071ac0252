/// The moving parts of one `TextSegmenter` pass: position, tokens so far, where the open sentence
/// began and whether the last token asked for a sentence end.
struct SegmenterState {
    let reader: ScalarReader
    var bytes: UnsafeBufferPointer<UInt8> { reader.bytes }
    var tokens: [TextToken] = []
    var sentences: [Range<Int>] = []
    var sentenceStart = 0
    /// Set after ".", "!" or "?": the sentence ends before the next token that starts a sentence.
    var pendingEnd = false
    /// Set after an abbreviation that may end a sentence ("Inc.", "U.S."): it ends only before a
    /// word that usually starts one.
    var pendingAbbreviationEnd = false
    var newlines = 0
    var lineStart = 0
    var lastLineLength = Int.max
    var sawSpace = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        reader = ScalarReader(bytes: bytes)
        tokens.reserveCapacity(bytes.count / 5)
    }

    mutating func run() {
        var index = 0
        while index < bytes.count {
            let (cls, length) = reader.classify(index)
            switch cls {
            case .newline:
                newlines += 1
                lastLineLength = index - lineStart
                lineStart = index + length
                sawSpace = true
                index += length
            case .space:
                sawSpace = true
                index += length
            case .upper, .lower, .digit:
                index = scanWord(from: index)
            default:
                index = scanPunctuation(from: index, cls: cls, length: length)
            }
        }
        closeSentence()
    }

    mutating func closeSentence() {
        if tokens.count > sentenceStart {
            sentences.append(sentenceStart..<tokens.count)
            sentenceStart = tokens.count
        }
        pendingEnd = false
        pendingAbbreviationEnd = false
    }

    /// Decides, before a token is appended, whether the open sentence ends here.
    mutating func beforeToken(start: Int, cls: CharacterClass) {
        if newlines >= 2 || (newlines == 1 && lastLineLength < TextSegmenter.shortLine) {
            closeSentence()
        } else if pendingEnd {
            let opensSentence = cls == .upper || cls == .digit || (sawSpace && cls == .other)
            if opensSentence || cls == .apostrophe && sawSpace {
                closeSentence()
            } else if cls == .lower {
                pendingEnd = false
            }
        } else if pendingAbbreviationEnd {
            if cls == .upper, startsSentence(at: start) { closeSentence() }
            pendingAbbreviationEnd = false
        }
        newlines = 0
        sawSpace = false
    }

    mutating func append(start: Int, end: Int, kind: TextToken.Kind, shape: TextToken.Shape) {
        tokens.append(TextToken(start: start, end: end, kind: kind, shape: shape, sentence: sentences.count))
    }

    /// Whether the word at `start` is one that typically opens a sentence ("The", "He", "But").
    func startsSentence(at start: Int) -> Bool {
        var end = start
        while end < bytes.count, reader.classify(end).0.isLetter { end += 1 }
        return classes(from: start, to: end).contains(.functionWord)
    }

    mutating func scanPunctuation(from start: Int, cls: CharacterClass, length: Int) -> Int {
        var end = start + length
        if cls == .apostrophe {
            // Possessive "’s" / "'s" is one token, so that "Japan’s" leaves "Japan" alone.
            let (next, nextLength) = reader.classify(end)
            if next.isLetter, bytes[end] | 0x20 == 0x73, !reader.classify(end + nextLength).0.isAlphanumeric {
                end += nextLength
            }
        }
        if cls == .period || cls == .hyphen {
            while end < bytes.count, reader.classify(end).0 == cls { end += 1 }
        }
        beforeToken(start: start, cls: cls)
        append(start: start, end: end, kind: .punctuation, shape: [])
        let byte = bytes[start]
        if cls == .period || byte == 0x21 || byte == 0x3F || isEllipsis(start) {
            pendingEnd = true
        }
        return end
    }

    func isEllipsis(_ index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6
    }

    mutating func scanWord(from start: Int) -> Int {
        let (firstClass, _) = reader.classify(start)
        beforeToken(start: start, cls: firstClass)
        var index = start
        var uppers = 0
        var lowers = 0
        var segmentLetters = 0
        var segmentHasUpper = false
        var shape: TextToken.Shape = firstClass == .upper ? [.capitalised] : []
        var lastClass = firstClass
        scan: while index < bytes.count {
            let (cls, length) = reader.classify(index)
            switch cls {
            case .upper, .lower, .digit:
                if cls == .upper {
                    uppers += 1
                    segmentHasUpper = true
                } else if cls == .lower {
                    lowers += 1
                }
                if cls != .digit { segmentLetters += 1 }
                lastClass = cls
                index += length
                // The ASCII lower-case letters that follow, at once: what a pass of this loop
                // per letter would count (most of a text's bytes).
                var run = index
                while run < bytes.count, bytes[run] &- 0x61 < 26 { run += 1 }
                if run > index {
                    lowers += run - index
                    segmentLetters += run - index
                    lastClass = .lower
                    index = run
                }
            case .hyphen:
                let (next, _) = reader.classify(index + length)
                guard lastClass.isAlphanumeric, next.isAlphanumeric else { break scan }
                // "then-President": cut a lower-case prefix off a capitalised name.
                if next == .upper && !segmentHasUpper && lastClass == .lower { break scan }
                shape.insert(.hyphenated)
                segmentLetters = 0
                segmentHasUpper = false
                lastClass = cls
                index += length
            case .apostrophe:
                let (next, nextLength) = reader.classify(index + length)
                guard lastClass.isLetter, next.isLetter else { break scan }
                let afterNext = reader.classify(index + length + nextLength).0
                if bytes[index + length] | 0x20 == 0x73, !afterNext.isAlphanumeric { break scan }
                lastClass = cls
                index += length
            case .period:
                let (next, nextLength) = reader.classify(index + 1)
                if lastClass == .digit, next == .digit {
                    index += 1
                    lastClass = .period
                    continue
                }
                guard lastClass.isLetter else { break scan }
                if segmentLetters == 1 {
                    // "U.S.", "e.g.", "J." keep their periods.
                    index += 1
                    shape.insert(.abbreviation)
                    if next.isLetter, reader.classify(index + nextLength).0 == .period {
                        segmentLetters = 0
                        lastClass = .period
                        continue
                    }
                    break scan
                }
                if !classes(from: start, to: index).isDisjoint(with: [.titleAbbreviation, .otherAbbreviation]) {
                    index += 1
                    shape.insert(.abbreviation)
                }
                break scan
            case .other:
                // "AT&T" and "50,000" stay whole.
                let byte = bytes[index]
                let (next, _) = reader.classify(index + 1)
                if byte == 0x26, lastClass == .upper, next == .upper {
                    lastClass = .other
                    index += 1
                } else if byte == 0x2C, lastClass == .digit, next == .digit {
                    lastClass = .other
                    index += 1
                } else {
                    break scan
                }
            default:
                break scan
            }
        }
        if lowers > 0 { shape.insert(.hasLowercase) }
        if uppers >= 2 && lowers == 0 { shape.insert(.allCaps) }
        let kind: TextToken.Kind = firstClass == .digit ? .number : .word
        append(start: start, end: index, kind: kind, shape: shape)
        if shape.contains(.abbreviation) {
            if bytes[index - 1] == 0x2E, mayEndSentence(start: start, end: index, shape: shape) {
                pendingAbbreviationEnd = true
            }
        }
        return index
    }

    /// Titles ("Gen.", "Mr.") and initials ("J.") never end a sentence; other abbreviations may.
    func mayEndSentence(start: Int, end: Int, shape: TextToken.Shape) -> Bool {
        if end - start == 2 && shape.contains(.capitalised) { return false }
        return !classes(from: start, to: end - 1).contains(.titleAbbreviation)
    }

    /// The context word lists of the lower-cased bytes `start..<end`.
    func classes(from start: Int, to end: Int) -> WordClasses {
        LowercasedBytes.with(UnsafeBufferPointer(rebasing: bytes[start..<end]), ()) { WordClasses(of: $1) }
    }
}
