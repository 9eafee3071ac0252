/// A span the detector believes to be a name, on its way to becoming an `EntityMention`.
struct Candidate {
    var inTitle: Bool
    /// Token indices in the section's segmentation.
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var sentence: Int
    var surface: String
    /// The words as they would be written in running text: "JAPAN" in an all-caps headline is "Japan".
    let words: [String]
    /// The words joined by single spaces: the name as the article's consensus and aliases see it.
    let key: String
    /// A person's title stood right before the name ("Defense Minister Gen Nakatani").
    var titleBefore: Bool
    /// The name is a dateline ("TOKYO, Japan -"): a place.
    var dateline = false
    var type: EntityType = .other
    /// How sure typing is: 0 a guess, 1 weak context, 2 context or a partial gazetteer match,
    /// 3 a title, an exact gazetteer match or the name's own structure.
    var strength = 0
    var name: String = ""

    init(
        inTitle: Bool, tokens: Range<Int>, start: Int, end: Int, sentence: Int, surface: String, words: [String],
        titleBefore: Bool
    ) {
        self.inTitle = inTitle
        self.tokens = tokens
        self.start = start
        self.end = end
        self.sentence = sentence
        self.surface = surface
        self.words = words
        self.key = words.count == 1 ? words[0] : words.joined(separator: " ")
        self.titleBefore = titleBefore
    }
}
