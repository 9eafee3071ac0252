/// Where each document has its stop words, for quoted phrases: "Bank of England" must have the
/// "of". The index leaves stop words out of its terms (they would be the longest postings lists),
/// so an exact phrase finds its candidates through its other words and checks the stop words
/// here, reading only the candidate documents.
///
/// Per document, per text field in schema order: the varint count of the field's stop words, then
/// one entry each in position order. An entry is one byte when the gap from the previous stop word
/// (from position -1 for the first) is 1 to 3, `gap << 6 | word` (`word` the number in
/// `StopWords.numbered`, under 64); otherwise the byte `word` then the varint gap. Stop words
/// mostly stand a few words apart, so most take one byte.
struct StopWordPositions: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Per document: where its entries start in `bytes`; one more at the end.
    private(set) var documentStarts: [UInt32] = [0]

    init() {}

    /// Appends the next document: `words[field]` lists its (position, word) pairs in position order.
    mutating func appendDocument(_ words: [[(position: UInt32, word: UInt8)]]) {
        for field in words {
            VarInt.append(UInt32(field.count), to: &bytes)
            var previous: Int64 = -1
            for (position, word) in field {
                let gap = Int64(position) - previous
                if gap >= 1 && gap <= 3 {
                    bytes.append(UInt8(gap) << 6 | word)
                } else {
                    bytes.append(word)
                    VarInt.append(UInt32(gap), to: &bytes)
                }
                previous = Int64(position)
            }
        }
        documentStarts.append(UInt32(bytes.count))
    }

    /// The segments' documents, in order.
    init(concatenating parts: [StopWordPositions]) {
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        documentStarts.reserveCapacity(parts.reduce(1) { $0 + $1.documentStarts.count - 1 })
        for part in parts {
            let base = UInt32(bytes.count)
            bytes += part.bytes
            documentStarts += part.documentStarts.dropFirst().lazy.map { $0 + base }
        }
    }

    /// The stop words of `doc`'s `field` into `positions` and `words` (replaced), in position order.
    func read(doc: Int, field: Int, positions: inout [UInt32], words: inout [UInt8]) {
        positions.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { bytes in
            var offset = Int(documentStarts[doc])
            for current in 0...field {
                let count = Int(VarInt.read(bytes, &offset))
                var position: Int64 = -1
                for _ in 0..<count {
                    let byte = bytes[offset]
                    offset += 1
                    let gap = byte >> 6
                    position += gap > 0 ? Int64(gap) : Int64(VarInt.read(bytes, &offset))
                    if current == field {
                        positions.append(UInt32(position))
                        words.append(byte & 0x3F)
                    }
                }
            }
        }
    }

    var byteCount: Int { bytes.count + documentStarts.count * 4 }
}
