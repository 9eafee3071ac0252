import Foundation

/// Byte strings (UTF-8 words and names) to 32-bit values: open addressing over a power-of-two
/// table of `ByteHash` values, the keys' bytes kept in one arena and compared on a hash match, so a
/// look-up is exact, needs no `String` and costs one `ByteHash` pass instead of SipHash over a `String`.
/// Built once (the gazetteers, the context word lists), then only read.
///
/// Keys match as `String`s do, by canonical equivalence: keys with non-ASCII bytes are stored in
/// NFC, and a look-up that misses with non-ASCII bytes is tried again in NFC ("Gdan\u{301}sk" finds
/// "Gdańsk"), so the table answers exactly what a `Dictionary<String, _>` of the same keys would.
struct ByteKeyTable: Sendable {
    private struct Slot {
        var hash: UInt64
        var offset: UInt32
        /// `UInt32.max` marks an empty slot.
        var length: UInt32
        var value: UInt32
    }

    private static let empty = Slot(hash: 0, offset: 0, length: .max, value: 0)
    private var slots = [Slot](repeating: ByteKeyTable.empty, count: 16)
    private var arena: [UInt8] = []
    /// One bit per eight slots' worth of hash values, set for every key: a look-up whose bit is
    /// clear misses without touching the slots. The gazetteers' slots take megabytes, so a miss
    /// there is a cache miss; this filter (a 24th of their size) stays in cache, and most
    /// look-ups of an article's words and runs miss.
    private var filter = [UInt64](repeating: 0, count: 2)
    private(set) var count = 0

    init() {}

    /// Sets the value of `key`, or combines it with the value there (`combine(old, new)`).
    mutating func insert(_ key: String, value: UInt32, combine: (UInt32, UInt32) -> UInt32 = { $1 }) {
        let bytes = Array(ByteKeyTable.canonical(key).utf8)
        let hash = ByteHash.of(bytes)
        if let slot = bytes.withUnsafeBufferPointer({ find($0, hash: hash) }) {
            slots[slot].value = combine(slots[slot].value, value)
            return
        }
        if (count + 1) * 2 > slots.count { grow() }
        let offset = UInt32(arena.count)
        arena += bytes
        place(Slot(hash: hash, offset: offset, length: UInt32(bytes.count), value: value))
        ByteKeyTable.mark(hash, in: &filter)
        count += 1
    }

    /// The value of `key`, if present.
    func value(_ key: String) -> UInt32? {
        var key = key
        return key.withUTF8 { value($0) }
    }

    /// The value of the key with exactly these bytes, if present.
    @inline(__always)
    func value(_ key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = ByteHash.of(key)
        if mayHold(hash), let slot = find(key, hash: hash) { return slots[slot].value }
        guard !ByteKeyTable.isNFC(key) else { return nil }
        return valueOfCanonical(key)
    }

    @inline(never)
    private func valueOfCanonical(_ key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let text = String(decoding: key, as: UTF8.self)
        var canonical = ByteKeyTable.canonical(text)
        guard !canonical.utf8.elementsEqual(key) else { return nil }
        return canonical.withUTF8 { bytes in find(bytes, hash: ByteHash.of(bytes)).map { slots[$0].value } }
    }

    /// A quick sufficient test that bytes are already in NFC, so a miss needs no second look-up:
    /// ASCII, scalars below U+0300 (which neither decompose to one scalar nor compose with what
    /// follows: combining marks start at U+0300) and the general punctuation U+2010 to U+2027
    /// (dashes, quotation marks, bullets, ellipsis).
    static func isNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        // ASCII eight bytes at a time first: nearly every key is ASCII.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
            } else if byte >= 0xC2 && byte <= 0xCB {
                index += 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0xA7
            {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// The form keys are stored in: NFC for non-ASCII text, the text itself otherwise.
    static func canonical(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    @inline(__always)
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool { value(key) != nil }

    func contains(_ key: String) -> Bool { value(key) != nil }

    /// Every key, in no particular order (for tests and the rare caller that lists them).
    var keys: [String] {
        slots.filter { $0.length != .max }.map { slot in
            String(decoding: arena[Int(slot.offset)..<Int(slot.offset + slot.length)], as: UTF8.self)
        }
    }

    @inline(__always)
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let slot = slots[index]
                    if slot.length == .max { return nil }
                    if slot.hash == hash, Int(slot.length) == key.count,
                        key.isEmpty || memcmp(arena.baseAddress! + Int(slot.offset), key.baseAddress!, key.count) == 0
                    {
                        return index
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[index].length != .max { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: ByteKeyTable.empty, count: old.count * 2)
        filter = [UInt64](repeating: 0, count: slots.count / 8)
        for slot in old where slot.length != .max {
            place(slot)
            ByteKeyTable.mark(slot.hash, in: &filter)
        }
    }

    /// The filter bit of a hash: high bits, as the slot index takes the low ones.
    @inline(__always)
    private static func bit(_ hash: UInt64, words: Int) -> (word: Int, mask: UInt64) {
        let bit = Int(truncatingIfNeeded: hash >> 40) & (words * 64 - 1)
        return (bit >> 6, 1 << UInt64(bit & 63))
    }

    private static func mark(_ hash: UInt64, in filter: inout [UInt64]) {
        let (word, mask) = bit(hash, words: filter.count)
        filter[word] |= mask
    }

    @inline(__always)
    private func mayHold(_ hash: UInt64) -> Bool {
        let (word, mask) = ByteKeyTable.bit(hash, words: filter.count)
        return filter[word] & mask != 0
    }
}
