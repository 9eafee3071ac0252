/// Which stop word stands at each position of each document's fields, for quoted phrases: "Bank of
/// England" must have the "of". The index leaves stop words out of its terms (they would be the
/// longest postings lists), so an exact phrase finds its candidates through its other words and
/// checks its stop words here in constant time per place.
///
/// Per document and text field, one byte per position up to the field's last stop word: 0 for a
/// word that is not a stop word, else 1 + the stop word's number in `StopWords.numbered`.
struct StopWordMap: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Per document and field (`doc * fieldCount + field`): where its bytes start; one more at the end.
    private(set) var starts: [UInt32] = [0]

    init() {}

    /// Appends the next document: `words[field]` lists its (position, word) pairs in position order.
    mutating func appendDocument(_ words: [[(position: UInt32, word: UInt8)]]) {
        for field in words {
            let base = bytes.count
            if let last = field.last { bytes.append(contentsOf: repeatElement(0, count: Int(last.position) + 1)) }
            for (position, word) in field { bytes[base + Int(position)] = word + 1 }
            starts.append(UInt32(bytes.count))
        }
    }

    /// The segments' documents, in order.
    init(concatenating parts: [StopWordMap]) {
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        starts.reserveCapacity(parts.reduce(1) { $0 + $1.starts.count - 1 })
        for part in parts {
            let base = UInt32(bytes.count)
            bytes += part.bytes
            starts += part.starts.dropFirst().lazy.map { $0 + base }
        }
    }

    /// The bytes of one document's field: `slot` is `doc * fieldCount + field`.
    @inline(__always)
    func range(slot: Int) -> Range<Int> { Int(starts[slot])..<Int(starts[slot + 1]) }

    var byteCount: Int { bytes.count + starts.count * 4 }
}
