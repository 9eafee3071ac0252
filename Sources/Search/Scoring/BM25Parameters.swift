import Foundation

/// BM25F's two knobs: `k1` saturates term frequency, `b` scales how much a long field is discounted.
public struct BM25Parameters: Sendable, Hashable {
    public var k1: Float
    public var b: Float

    public init(k1: Float = 1.2, b: Float = 0.75) {
        self.k1 = k1
        self.b = b
    }

    /// Lucene's idf, never negative: ln(1 + (N - df + 0.5) / (df + 0.5)).
    static func idf(documentCount: Int, documentFrequency: Int) -> Float {
        let n = Double(documentCount)
        let df = Double(documentFrequency)
        return Float(log1p((n - df + 0.5) / (df + 0.5)))
    }
}
