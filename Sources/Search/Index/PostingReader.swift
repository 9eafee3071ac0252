/// Decodes one term's `Postings.documents` stream a posting at a time, for the one-word collection
/// loop. A posting is a doc id delta and a frequency per text field, each a `VarInt`; in a long
/// list nearly all of them take one byte each. The reader loads eight bytes at once and, when none
/// of the posting's bytes has its continuation bit set, picks the values out of that word: one
/// branch per posting instead of one per value. Other postings (and any posting too close to the
/// end of the stream for an eight-byte load) go through `VarInt.read`.
struct PostingReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    private let fieldCount: Int
    /// The last offset an eight-byte load may start at, or -1 when a posting may not fit in one.
    private let wordLimit: Int
    /// The continuation bits of a one-byte-per-value posting's bytes.
    private let continuationBits: UInt64
    /// The low seven bits of the selected fields' frequency bytes.
    private let selectedBits: UInt64
    /// Bit `field` set for a selected field.
    private let selectedFields: UInt64

    /// - Precondition: `fieldCount < 64`; `selected` lists fields below it.
    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int, fieldCount: Int, selected: [Int]) {
        self.bytes = bytes
        self.offset = offset
        self.fieldCount = fieldCount
        let stride = fieldCount + 1
        wordLimit = stride <= 8 ? bytes.count - 8 : -1
        var continuation: UInt64 = 0
        for byte in 0..<min(stride, 8) { continuation |= 0x80 << UInt64(8 * byte) }
        continuationBits = continuation
        var bits: UInt64 = 0
        var fields: UInt64 = 0
        for field in selected {
            fields |= 1 << UInt64(field)
            if field + 1 < 8 { bits |= 0x7f << UInt64(8 * (field + 1)) }
        }
        selectedBits = bits
        selectedFields = fields
    }

    /// Steps over postings to `offset`, the start of a later posting (a block's end, `BlockBounds.ends`).
    @inline(__always)
    mutating func skip(to offset: Int) { self.offset = offset }

    @inline(__always)
    private func word(at offset: Int) -> UInt64 {
        UInt64(
            littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self))
    }

    /// The next posting's doc id delta, skipping its frequencies; `weighs` tells whether a selected
    /// field's frequency is not zero.
    @inline(__always)
    mutating func nextDocument() -> (delta: UInt32, weighs: Bool) {
        if offset <= wordLimit {
            let word = word(at: offset)
            if word & continuationBits == 0 {
                offset &+= fieldCount &+ 1
                return (UInt32(truncatingIfNeeded: word & 0x7f), word & selectedBits != 0)
            }
        }
        let delta = VarInt.read(bytes, &offset)
        var weighs = false
        for field in 0..<fieldCount where VarInt.read(bytes, &offset) != 0 {
            weighs = weighs || selectedFields & (1 << UInt64(field)) != 0
        }
        return (delta, weighs)
    }

    /// The next posting's doc id delta, with its frequencies written to `frequencies[0..<fieldCount]`.
    @inline(__always)
    mutating func next(frequencies: UnsafeMutablePointer<UInt32>) -> UInt32 {
        if offset <= wordLimit {
            let word = word(at: offset)
            if word & continuationBits == 0 {
                offset &+= fieldCount &+ 1
                for field in 0..<fieldCount {
                    frequencies[field] = UInt32(truncatingIfNeeded: word >> UInt64(8 &* (field &+ 1))) & 0x7f
                }
                return UInt32(truncatingIfNeeded: word & 0x7f)
            }
        }
        let delta = VarInt.read(bytes, &offset)
        for field in 0..<fieldCount { frequencies[field] = VarInt.read(bytes, &offset) }
        return delta
    }
}
