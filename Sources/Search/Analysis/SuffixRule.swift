/// One line of a Porter2 step: a suffix, what replaces it, and the extra test it must pass.
struct SuffixRule: Sendable {
    enum Condition: Sendable {
        case none
        case precededByL
        /// Preceded by one of c d e g h k m n r t: the letters before which "li" is an ending.
        case precededByValidLI
        case precededBySOrT
        case inR2
    }

    let suffix: [UInt8]
    let replacement: [UInt8]
    let condition: Condition

    init(_ suffix: String, _ replacement: String, _ condition: Condition = .none) {
        self.suffix = Array(suffix.utf8)
        self.replacement = Array(replacement.utf8)
        self.condition = condition
    }
}

/// The suffix lists of the Porter2 steps, each ordered longest first so the first match is the
/// longest, as the algorithm requires.
enum Suffix {
    enum Step1bKind: Sendable { case eed, ed, ing }

    static let regionPrefixes: [[UInt8]] = [
        "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
    ]
    .map { Array($0.utf8) }

    static let apostropheSApostrophe = Array("'s'".utf8)
    static let apostropheS = Array("'s".utf8)
    static let sses = Array("sses".utf8)
    static let ied = Array("ied".utf8)
    static let ies = Array("ies".utf8)
    static let us = Array("us".utf8)
    static let ss = Array("ss".utf8)
    static let ee = Array("ee".utf8)
    static let ie = Array("ie".utf8)
    static let at = Array("at".utf8)
    static let bl = Array("bl".utf8)
    static let iz = Array("iz".utf8)
    static let past = Array("past".utf8)

    static let step1b: [(suffix: [UInt8], kind: Step1bKind)] = [
        (Array("eedly".utf8), .eed), (Array("ingly".utf8), .ed), (Array("edly".utf8), .ed),
        (Array("eed".utf8), .eed), (Array("ing".utf8), .ing), (Array("ed".utf8), .ed),
    ]

    /// Stems before which "eed" is part of the root: succeed, proceed, exceed.
    static let eedExceptions: [[UInt8]] = ["succ", "proc", "exc"].map { Array($0.utf8) }
    /// Stems before which "ing" is part of the root: evening, canning, inning, earring, herring, outing.
    static let ingExceptions: [[UInt8]] = ["even", "cann", "inn", "earr", "herr", "out"].map { Array($0.utf8) }

    static let doubles: [UInt8] = Array("bdfgmnprt".utf8)
    static let validLI: [UInt8] = Array("cdeghkmnrt".utf8)

    static let step2: [SuffixRule] = [
        SuffixRule("ational", "ate"), SuffixRule("ization", "ize"), SuffixRule("iveness", "ive"),
        SuffixRule("fulness", "ful"), SuffixRule("ousness", "ous"),
        SuffixRule("tional", "tion"), SuffixRule("biliti", "ble"), SuffixRule("lessli", "less"),
        SuffixRule("entli", "ent"), SuffixRule("ousli", "ous"), SuffixRule("fulli", "ful"), SuffixRule("aliti", "al"),
        SuffixRule("iviti", "ive"), SuffixRule("alism", "al"), SuffixRule("ation", "ate"), SuffixRule("ogist", "og"),
        SuffixRule("anci", "ance"), SuffixRule("enci", "ence"), SuffixRule("abli", "able"), SuffixRule("alli", "al"),
        SuffixRule("izer", "ize"), SuffixRule("ator", "ate"),
        SuffixRule("bli", "ble"), SuffixRule("ogi", "og", .precededByL),
        SuffixRule("li", "", .precededByValidLI),
    ]

    static let step3: [SuffixRule] = [
        SuffixRule("ational", "ate"),
        SuffixRule("tional", "tion"),
        SuffixRule("alize", "al"), SuffixRule("icate", "ic"), SuffixRule("iciti", "ic"), SuffixRule("ative", "", .inR2),
        SuffixRule("ical", "ic"), SuffixRule("ness", ""),
        SuffixRule("ful", ""),
    ]

    static let step4: [SuffixRule] = [
        SuffixRule("ement", ""),
        SuffixRule("ment", ""), SuffixRule("ance", ""), SuffixRule("ence", ""), SuffixRule("able", ""),
        SuffixRule("ible", ""),
        SuffixRule("ate", ""), SuffixRule("ive", ""), SuffixRule("ize", ""), SuffixRule("iti", ""),
        SuffixRule("ism", ""),
        SuffixRule("ion", "", .precededBySOrT), SuffixRule("ous", ""), SuffixRule("ant", ""), SuffixRule("ent", ""),
        SuffixRule("ic", ""), SuffixRule("al", ""), SuffixRule("er", ""),
    ]
}
