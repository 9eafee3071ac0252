/// Per-thread scratch state for bulk analysis: the scanner's buffers and a cache of stems.
///
/// News vocabulary is Zipfian, so most words repeat; caching their stems makes stemming cost a
/// dictionary lookup instead of a Porter2 run. Keep one workspace per thread (it is a value; never
/// share one between threads).
public struct AnalysisWorkspace {
    /// Bounds the cache so a long run over a huge vocabulary cannot grow without limit.
    static let stemCacheLimit = 200_000

    private var scanner: TokenScanner? = TokenScanner()
    private var stems: [String: String] = [:]
    private var stemBuffer: [UInt8] = []
    private let stemmer = PorterStemmer()

    public init() {}

    /// Lends the scanner out so the caller can scan while also using this workspace's cache.
    mutating func takeScanner() -> TokenScanner {
        let taken = scanner ?? TokenScanner()
        scanner = nil
        return taken
    }

    mutating func returnScanner(_ returned: TokenScanner) {
        scanner = returned
    }

    mutating func stem(_ word: String) -> String {
        if let cached = stems[word] { return cached }
        stemBuffer.removeAll(keepingCapacity: true)
        stemBuffer.append(contentsOf: word.utf8)
        stemmer.stem(&stemBuffer)
        let stem = String(decoding: stemBuffer, as: UTF8.self)
        if stems.count >= Self.stemCacheLimit { stems.removeAll(keepingCapacity: true) }
        stems[word] = stem
        return stem
    }
}
