/// Per section, the gazetteer flags of the token ranges looked up so far. Detection and typing ask
/// about the same words and runs several times (a run, then the same run as a candidate and again
/// when typing it; a run's first word for its lead, then for typing), and a look-up in the
/// gazetteers' tables of megabytes is most often a cache miss. Direct-mapped: a range whose slot
/// another range took is looked up again. A class over one allocation, so that the non-mutating
/// detector can fill it in.
final class NameFlagsMemo {
    /// Per slot, the range's bounds in 24 bits each and its flags in the low 16 bits.
    private let slots: UnsafeMutableBufferPointer<UInt64>
    private static let empty = UInt64.max
    private static let boundLimit = 1 << 24 - 1

    /// Slots for a section of `tokens` tokens: about one per two tokens, 16 to 256.
    init(tokens: Int) {
        var count = 16
        while count < 256 && count * 2 < tokens { count *= 2 }
        slots = .allocate(capacity: count)
        slots.initialize(repeating: NameFlagsMemo.empty)
    }

    deinit { slots.deallocate() }

    @inline(__always)
    private func slot(_ range: Range<Int>) -> Int {
        let key = UInt64(truncatingIfNeeded: range.lowerBound) << 24 | UInt64(truncatingIfNeeded: range.upperBound)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (slots.count - 1)
    }

    @inline(__always)
    private static func tag(_ range: Range<Int>) -> UInt64 {
        UInt64(truncatingIfNeeded: range.lowerBound) << 40 | UInt64(truncatingIfNeeded: range.upperBound) << 16
    }

    /// The flags remembered for `range`, or nil. Ranges past 2^24 tokens and flags past 16 bits
    /// are not remembered.
    subscript(range: Range<Int>) -> NameFlags? {
        get {
            guard range.upperBound < NameFlagsMemo.boundLimit else { return nil }
            let value = slots[slot(range)]
            guard value != NameFlagsMemo.empty, value & ~0xFFFF == NameFlagsMemo.tag(range) else { return nil }
            return NameFlags(rawValue: UInt32(truncatingIfNeeded: value & 0xFFFF))
        }
        set {
            guard let newValue, range.upperBound < NameFlagsMemo.boundLimit, newValue.rawValue <= 0xFFFF else {
                return
            }
            slots[slot(range)] = NameFlagsMemo.tag(range) | UInt64(newValue.rawValue)
        }
    }
}
