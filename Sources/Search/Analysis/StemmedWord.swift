/// The working state of one Porter2 run: the letters and the regions R1 and R2, given as the
/// offsets where they start (`r1`, `r2`; equal to the length when a region is empty).
///
/// Each step looks for the longest suffix of its list that ends the word; if that suffix fails its
/// condition the step does nothing (a shorter suffix is not tried), exactly as Snowball's `among`.
struct StemmedWord {
    private(set) var letters: [UInt8]
    private var r1 = 0
    private var r2 = 0
    private var hasConsonantY = false

    init(_ letters: [UInt8]) {
        self.letters = letters
    }

    mutating func run() {
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        if hasConsonantY {
            for index in letters.indices where letters[index] == .upperY { letters[index] = .y }
        }
    }

    // MARK: Letters

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case .a, .e, .i, .o, .u, .y: true
        default: false
        }
    }

    private var count: Int { letters.count }

    private func ends(with suffix: [UInt8]) -> Bool {
        suffix.count <= count && letters[(count - suffix.count)...].elementsEqual(suffix)
    }

    private func equals(_ prefix: [UInt8], upTo end: Int) -> Bool {
        end == prefix.count && letters[..<end].elementsEqual(prefix)
    }

    private mutating func replaceEnding(_ length: Int, with replacement: [UInt8]) {
        letters.removeLast(length)
        letters.append(contentsOf: replacement)
    }

    /// A short syllable ending at `end`: consonant-vowel-consonant where the last consonant is not
    /// w, x or Y; or vowel-consonant at the very start; or the word "past" (Snowball 3 addition).
    private func endsInShortSyllable(at end: Int) -> Bool {
        if end >= 3, !Self.isVowel(letters[end - 1]), !Self.isWXY(letters[end - 1]), Self.isVowel(letters[end - 2]),
            !Self.isVowel(letters[end - 3])
        {
            return true
        }
        if end == 2, !Self.isVowel(letters[1]), Self.isVowel(letters[0]) { return true }
        return end >= 4 && letters[(end - 4)..<end].elementsEqual(Suffix.past)
    }

    private static func isWXY(_ byte: UInt8) -> Bool {
        byte == .w || byte == .x || byte == .upperY
    }

    // MARK: Prelude and regions

    /// Drops a leading apostrophe and marks consonant y's as Y (initial y, and y after a vowel), so
    /// the vowel tests below skip them.
    private mutating func prelude() {
        if letters.first == .apostrophe { letters.removeFirst() }
        if letters.first == .y {
            letters[0] = .upperY
            hasConsonantY = true
        }
        for index in stride(from: 1, to: count, by: 1) where letters[index] == .y && Self.isVowel(letters[index - 1]) {
            letters[index] = .upperY
            hasConsonantY = true
        }
    }

    private mutating func markRegions() {
        r1 = count
        r2 = count
        if let prefix = Suffix.regionPrefixes.first(where: { $0.count <= count && letters.starts(with: $0) }) {
            r1 = prefix.count
        } else if let end = endOfFirstVowelConsonant(from: 0) {
            r1 = end
        } else {
            return
        }
        r2 = endOfFirstVowelConsonant(from: r1) ?? count
    }

    /// The offset just after the first non-vowel that follows a vowel, searching from `start`.
    private func endOfFirstVowelConsonant(from start: Int) -> Int? {
        guard let vowel = letters[start...].firstIndex(where: Self.isVowel),
            let consonant = letters[(vowel + 1)...].firstIndex(where: { !Self.isVowel($0) })
        else { return nil }
        return consonant + 1
    }

    // MARK: Steps

    private mutating func step1a() {
        if ends(with: Suffix.apostropheSApostrophe) {
            letters.removeLast(3)
        } else if ends(with: Suffix.apostropheS) {
            letters.removeLast(2)
        } else if letters.last == .apostrophe {
            letters.removeLast()
        }
        if ends(with: Suffix.sses) {
            letters.removeLast(2)
        } else if ends(with: Suffix.ied) || ends(with: Suffix.ies) {
            letters.removeLast(count - 3 >= 2 ? 2 : 1)
        } else if ends(with: Suffix.us) || ends(with: Suffix.ss) {
            return
        } else if letters.last == .s, count >= 2, letters[..<(count - 2)].contains(where: Self.isVowel) {
            letters.removeLast()
        }
    }

    private mutating func step1b() {
        guard let (suffix, kind) = Suffix.step1b.first(where: { ends(with: $0.suffix) }) else { return }
        let stemEnd = count - suffix.count
        switch kind {
        case .eed:
            if Suffix.eedExceptions.contains(where: { equals($0, upTo: stemEnd) }) { return }
            if stemEnd >= r1 { replaceEnding(suffix.count, with: Suffix.ee) }
            return
        case .ing:
            if Suffix.ingExceptions.contains(where: { equals($0, upTo: stemEnd) }) { return }
            if stemEnd == 2, letters[1] == .y, !Self.isVowel(letters[0]) {
                replaceEnding(suffix.count + 1, with: Suffix.ie)
                return
            }
        case .ed:
            break
        }
        guard letters[..<stemEnd].contains(where: Self.isVowel) else { return }
        letters.removeLast(suffix.count)
        if ends(with: Suffix.at) || ends(with: Suffix.bl) || ends(with: Suffix.iz) {
            letters.append(.e)
        } else if count >= 2, letters[count - 1] == letters[count - 2], Suffix.doubles.contains(letters[count - 1]) {
            if count == 3, [.a, .e, .o].contains(letters[0]) { return }
            letters.removeLast()
        } else if count == r1, endsInShortSyllable(at: count) {
            letters.append(.e)
        }
    }

    private mutating func step1c() {
        guard count >= 3, letters[count - 1] == .y || letters[count - 1] == .upperY, !Self.isVowel(letters[count - 2])
        else { return }
        letters[count - 1] = .i
    }

    private mutating func step2() {
        applyRule(from: Suffix.step2, minimumStart: r1)
    }

    private mutating func step3() {
        applyRule(from: Suffix.step3, minimumStart: r1)
    }

    private mutating func step4() {
        applyRule(from: Suffix.step4, minimumStart: r2)
    }

    private mutating func step5() {
        guard let last = letters.last else { return }
        let start = count - 1
        if last == .e {
            if start >= r2 || (start >= r1 && !endsInShortSyllable(at: start)) { letters.removeLast() }
        } else if last == .l, start >= r2, start >= 1, letters[start - 1] == .l {
            letters.removeLast()
        }
    }

    /// Applies the first (longest) rule whose suffix ends the word, if the suffix starts at or after
    /// `minimumStart` and its own condition holds.
    private mutating func applyRule(from rules: [SuffixRule], minimumStart: Int) {
        guard let rule = rules.first(where: { ends(with: $0.suffix) }) else { return }
        let start = count - rule.suffix.count
        guard start >= minimumStart else { return }
        switch rule.condition {
        case .none: break
        case .precededByL: guard start >= 1, letters[start - 1] == .l else { return }
        case .precededByValidLI: guard start >= 1, Suffix.validLI.contains(letters[start - 1]) else { return }
        case .precededBySOrT: guard start >= 1, letters[start - 1] == .s || letters[start - 1] == .t else { return }
        case .inR2: guard start >= r2 else { return }
        }
        replaceEnding(rule.suffix.count, with: rule.replacement)
    }
}
