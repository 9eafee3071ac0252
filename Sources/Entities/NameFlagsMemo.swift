/// Per section, the gazetteer flags of the token ranges looked up so far. Detection and typing ask
/// about the same words and runs several times (a run, then the same run as a candidate and again
/// when typing it; a run's first word for its lead, then for typing), and a look-up in the
/// gazetteers' tables of megabytes is most often a cache miss. Direct-mapped: a range whose slot
/// another range took is looked up again. A class over one allocation, so that the non-mutating
/// detector can fill it in.
final class NameFlagsMemo {
    private static let slotCount = 256
    private static let empty = UInt64.max
    /// Per slot the range as `lowerBound << 32 | upperBound`, and its flags in the low 32 bits of
    /// the next word.
    private let slots: UnsafeMutableBufferPointer<UInt64>

    init() {
        slots = .allocate(capacity: NameFlagsMemo.slotCount * 2)
        slots.initialize(repeating: NameFlagsMemo.empty)
    }

    deinit { slots.deallocate() }

    @inline(__always)
    private static func key(_ range: Range<Int>) -> UInt64 {
        UInt64(truncatingIfNeeded: range.lowerBound) << 32 | UInt64(truncatingIfNeeded: range.upperBound)
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) * 2
    }

    /// The flags remembered for `range`, or nil. Token ranges of a section fit 32 bits each.
    subscript(range: Range<Int>) -> NameFlags? {
        get {
            let key = NameFlagsMemo.key(range)
            let slot = NameFlagsMemo.slot(key)
            guard slots[slot] == key else { return nil }
            return NameFlags(rawValue: UInt32(truncatingIfNeeded: slots[slot + 1]))
        }
        set {
            guard let newValue else { return }
            let key = NameFlagsMemo.key(range)
            let slot = NameFlagsMemo.slot(key)
            slots[slot] = key
            slots[slot + 1] = UInt64(newValue.rawValue)
        }
    }
}
