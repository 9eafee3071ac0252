/// The role one character plays when text is cut into words. Most characters are letters, digits or
/// separators; a few punctuation marks only join words under conditions the scanner checks.
enum CharacterKind: UInt8, Sendable {
    case separator
    case letter
    case digit
    /// A combining mark: continues the word it follows and never starts one.
    case mark
    /// A Han ideograph: a word of its own, since Chinese and Japanese text has no spaces to split on.
    case ideograph
    case apostrophe
    /// Joins the parts of a compound: hyphens, and "&" in "AT&T" or "R&D".
    case hyphen
    case dot
    case comma
    /// Soft hyphen and zero-width joiners: invisible inside a word, so they neither split nor show up.
    case ignorable

    var isWordCharacter: Bool {
        switch self {
        case .letter, .digit, .mark: true
        default: false
        }
    }
}
