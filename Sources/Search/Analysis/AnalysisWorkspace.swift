/// Per-thread scratch state for bulk analysis: the scanner's buffers and caches of finished terms.
///
/// News vocabulary is Zipfian, so most words repeat; caching their terms makes a repeated word cost
/// one hash of its bytes instead of a `String` and a Porter2 run. Keep one workspace per thread (it
/// is a value; never share one between threads).
public struct AnalysisWorkspace {
    private var scanner: TokenScanner? = TokenScanner()
    private var stemmedTerms = TermCache()
    private var plainTerms = TermCache()
    private var stemBuffer: [UInt8] = []
    private let stemmer = PorterStemmer()

    public init() {}

    /// A workspace whose term caches start over after `termLimit` entries (tests reach it).
    init(termLimit: Int) {
        stemmedTerms = TermCache(limit: termLimit)
        plainTerms = TermCache(limit: termLimit)
    }

    /// Lends the scanner out so the caller can scan while also using this workspace's caches.
    mutating func takeScanner() -> TokenScanner {
        let taken = scanner ?? TokenScanner()
        scanner = nil
        return taken
    }

    mutating func returnScanner(_ returned: TokenScanner) {
        scanner = returned
    }

    /// The term for folded word bytes: stemmed when `stemming` and the word is plain lowercase
    /// ASCII (numbers and other scripts pass unchanged).
    mutating func term(for word: UnsafeBufferPointer<UInt8>, stemming: Bool) -> String {
        // Two statements: in one, `self` would be read for `term(number:)` before the call that
        // adds the entry had run.
        let number = termNumber(for: word, stemming: stemming)
        return term(number: number, stemming: stemming)
    }

    func term(number: Int, stemming: Bool) -> String {
        stemming ? stemmedTerms.term(at: number) : plainTerms.term(at: number)
    }

    /// A number that stands for the word's term within this workspace, for one analyzer setting,
    /// until `generation(stemming:)` changes: the index builder keys arrays by it, so a repeated
    /// word costs no `String` hashing.
    mutating func termNumber(for word: UnsafeBufferPointer<UInt8>, stemming: Bool) -> Int {
        guard stemming else { return plainTerms.entry(for: word) { String(decoding: $0, as: UTF8.self) } }
        return stemmedTerms.entry(for: word) { word in
            guard Self.isStemmable(word) else { return String(decoding: word, as: UTF8.self) }
            stemBuffer.removeAll(keepingCapacity: true)
            stemBuffer.append(contentsOf: word)
            stemmer.stem(&stemBuffer)
            return String(decoding: stemBuffer, as: UTF8.self)
        }
    }

    func generation(stemming: Bool) -> Int {
        stemming ? stemmedTerms.generation : plainTerms.generation
    }

    private static func isStemmable(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count >= 3 && word.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }
}
