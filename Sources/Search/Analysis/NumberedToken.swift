/// A token as the index builder's bulk analysis reports it: by its term number in the analysis
/// workspace instead of its term, so a word seen before costs no `String` (see
/// `Analyzer.forEachNumberedToken(in:using:_:)`).
struct NumberedToken {
    /// Names one folded word, and so one term, among the numbers of `generation`.
    var number: Int
    var generation: Int
    /// The length in bytes of the folded word (the text's `start..<end` may be longer: "Japan's").
    var foldedLength: Int
    var position: Int
    /// UTF-8 offsets of the token in the text.
    var start: Int
    var end: Int
}
