/// How a posting's frequencies follow its doc delta in `Postings.documents`: one byte packing them
/// all as bit fields when they fit, else the byte 0 (`escape`) and a `VarInt` per field.
///
/// The packed byte gives each field but the last 2 bits (a title's frequency up to 3) and the last
/// field the rest of 7 bits (a body's up to 31 with two fields), field 0 in the low bits: at
/// 100,000 news articles all but a few hundred of 13.7 million postings fit, where a `VarInt` per
/// field took one byte more per posting (13.7 MB). The byte stays below 0x80, so a posting with
/// a one-byte delta is two bytes with no continuation bit (`PostingReader`). Every frequency zero
/// would pack to 0, so such a posting (the builder writes none) is escaped; a schema of more than
/// four text fields always escapes.
enum FrequencyCode {
    static let escape: UInt8 = 0

    /// Whether postings of `fieldCount` fields can be packed at all.
    @inline(__always)
    static func packs(fieldCount: Int) -> Bool { fieldCount <= 4 }

    /// The largest frequency `field` packs.
    @inline(__always)
    static func mask(_ field: Int, fieldCount: Int) -> UInt32 {
        field == fieldCount &- 1 ? (1 &<< UInt32(7 &- 2 &* field)) &- 1 : 3
    }

    /// The packed byte of `frequencies[0..<fieldCount]`, or `escape` when one does not fit or
    /// all are zero.
    @inline(__always)
    static func code(_ frequencies: UnsafePointer<UInt32>, fieldCount: Int) -> UInt8 {
        guard packs(fieldCount: fieldCount) else { return escape }
        var code: UInt32 = 0
        for field in 0..<fieldCount {
            let frequency = frequencies[field]
            guard frequency <= mask(field, fieldCount: fieldCount) else { return escape }
            code |= frequency &<< UInt32(2 &* field)
        }
        return UInt8(code)
    }

    /// `field`'s frequency in a packed byte (not `escape`).
    @inline(__always)
    static func frequency(_ code: UInt32, field: Int, fieldCount: Int) -> UInt32 {
        // Masking shifts: a plain `>>` by a variable amount checks its range first.
        code &>> UInt32(2 &* field) & mask(field, fieldCount: fieldCount)
    }

    /// Reads the frequencies at `offset` (just past a doc delta) into `frequencies[0..<fieldCount]`
    /// and moves `offset` past them. (A closure per field here, inlined or not, cost the
    /// multi-term queries' decoding about a quarter more time.)
    @inline(__always)
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int, fieldCount: Int,
        into frequencies: UnsafeMutablePointer<UInt32>
    ) {
        let code = bytes[offset]
        offset &+= 1
        if code != escape {
            for field in 0..<fieldCount {
                frequencies[field] = frequency(UInt32(code), field: field, fieldCount: fieldCount)
            }
        } else {
            for field in 0..<fieldCount { frequencies[field] = VarInt.read(bytes, &offset) }
        }
    }

    /// As `read(_:_:fieldCount:into:)`, into an array of one frequency per field.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int, into frequencies: inout [UInt32]) {
        frequencies.withUnsafeMutableBufferPointer { read(bytes, &offset, fieldCount: $0.count, into: $0.baseAddress!) }
    }
}
