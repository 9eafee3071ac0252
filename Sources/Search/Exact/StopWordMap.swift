/// Which stop word stands at each position of each document's fields, for quoted phrases: "Bank of
/// England" must have the "of". The index leaves stop words out of its terms (they would be the
/// longest postings lists), so an exact phrase finds its candidates through its other words and
/// checks its stop words here in constant time per place.
///
/// Per document and text field, one byte per position up to the field's last stop word: 0 for a
/// word that is not a stop word, else 1 + the stop word's number in `StopWords.index(of:)`.
struct StopWordMap: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Per document and field (`doc * fieldCount + field`): where its bytes start; one more at the end.
    private(set) var starts: [UInt32] = [0]

    init() {}

    /// Sets the stop word at `position` of the current field (the field after the last one
    /// ended).
    @inline(__always)
    mutating func set(_ word: UInt8, at position: Int) {
        let index = Int(starts[starts.count - 1]) + position
        if bytes.count <= index { bytes.append(contentsOf: repeatElement(0, count: index + 1 - bytes.count)) }
        bytes[index] = word + 1
    }

    /// Ends the current field: the next `set` writes the next field (of this document or the next).
    mutating func endField() { starts.append(UInt32(bytes.count)) }

    /// The fields ended so far, over all documents.
    var fieldCount: Int { starts.count - 1 }

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
