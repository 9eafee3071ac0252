/// Decodes one term's `Postings.documents` stream a posting at a time, for the one-word collection
/// loop. A posting is a doc id delta (`VarInt`) and its frequencies, in a long list nearly always
/// a one-byte delta and one packed byte (`FrequencyCode`). The reader loads eight bytes at once
/// and, when the delta takes one byte and the frequencies are packed, picks the values out of that
/// word: one branch per posting instead of one per value. Other postings (and any posting too
/// close to the end of the stream for an eight-byte load) go through `VarInt.read`.
struct PostingReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    private let fieldCount: Int
    /// The last offset an eight-byte load may start at, or -1 when postings are never packed.
    private let wordLimit: Int
    /// The selected fields' bits of the packed byte, in the loaded word.
    private let selectedBits: UInt64
    /// Bit `field` set for a selected field.
    private let selectedFields: UInt64

    /// - Precondition: `fieldCount < 64`; `selected` lists fields below it.
    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int, fieldCount: Int, selected: [Int]) {
        self.bytes = bytes
        self.offset = offset
        self.fieldCount = fieldCount
        wordLimit = FrequencyCode.packs(fieldCount: fieldCount) ? bytes.count - 8 : -1
        var bits: UInt64 = 0
        var fields: UInt64 = 0
        for field in selected {
            fields |= 1 << UInt64(field)
            if FrequencyCode.packs(fieldCount: fieldCount) {
                bits |= UInt64(FrequencyCode.mask(field, fieldCount: fieldCount)) << UInt64(8 + 2 * field)
            }
        }
        selectedBits = bits
        selectedFields = fields
    }

    /// Whether the posting starting the loaded `word` is a one-byte delta and a packed byte.
    @inline(__always)
    private static func isPacked(_ word: UInt64) -> Bool { word & 0x8080 == 0 && word & 0x7f00 != 0 }

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
            if Self.isPacked(word) {
                offset &+= 2
                return (UInt32(truncatingIfNeeded: word & 0x7f), word & selectedBits != 0)
            }
        }
        var offset = self.offset
        let delta = VarInt.read(bytes, &offset)
        var weighs = false
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: fieldCount) { frequencies in
            FrequencyCode.read(bytes, &offset, fieldCount: fieldCount, into: frequencies.baseAddress!)
            for field in 0..<fieldCount where frequencies[field] != 0 && selectedFields & (1 << UInt64(field)) != 0 {
                weighs = true
            }
        }
        self.offset = offset
        return (delta, weighs)
    }

    /// The next posting's doc id delta, with its frequencies written to `frequencies[0..<fieldCount]`.
    @inline(__always)
    mutating func next(frequencies: UnsafeMutablePointer<UInt32>) -> UInt32 {
        if offset <= wordLimit {
            let word = word(at: offset)
            if Self.isPacked(word) {
                offset &+= 2
                let code = UInt32(truncatingIfNeeded: word >> 8)
                for field in 0..<fieldCount {
                    frequencies[field] = FrequencyCode.frequency(code, field: field, fieldCount: fieldCount)
                }
                return UInt32(truncatingIfNeeded: word & 0x7f)
            }
        }
        let delta = VarInt.read(bytes, &offset)
        FrequencyCode.read(bytes, &offset, fieldCount: fieldCount, into: frequencies)
        return delta
    }
}
