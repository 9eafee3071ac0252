/// Maps the folded bytes of a word to its finished term, so a word seen before costs one hash of
/// its bytes: no `String` is built to look it up, and a stem is computed once per distinct word.
///
/// Open addressing with linear probing over a power-of-two slot array. A slot holds the key's
/// hash, length and entry number, and a key of up to 8 bytes itself (longer ones: where their
/// bytes start in one byte arena), so most look-ups read one slot and touch no other memory: the
/// profile of the index build showed a cache miss each on the slot, the entry and the key bytes.
/// When it reaches `limit` entries it starts over, which bounds memory on an unbounded vocabulary.
///
/// An entry's number (`entry(for:_:)`) names its term until the cache starts over, which bumps
/// `generation`: a bulk caller can key arrays by it instead of hashing the term's `String` again.
struct TermCache {
    /// `head`: hash << 32 | min(length, 255) << 24 | (entry number + 1); 0 is an empty slot.
    /// `key`: a key of up to 8 bytes packed little-endian, else where its bytes start in `keys`.
    private struct Slot {
        var head: UInt64
        var key: UInt64
    }

    private static let shortKey = 8
    private static let lengthMark = 255

    private let limit: Int
    private var slots: [Slot]
    private var terms: [String] = []
    /// Entries' key lengths, read only for keys of `lengthMark` bytes or more.
    private var keyLengths: [Int32] = []
    private var keys: [UInt8] = []
    /// How many times the cache has started over; entry numbers of another generation are void.
    private(set) var generation = 0

    init(limit: Int = 1 << 18) {
        precondition(limit > 0 && limit < 1 << 24, "entry numbers take 24 bits of a slot")
        self.limit = limit
        slots = [Slot](repeating: Slot(head: 0, key: 0), count: 1 << 6)
    }

    var count: Int { terms.count }

    /// The cached term for `key`, or the one `make` builds, which is then cached.
    mutating func term(for key: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        let index = entry(for: key, make)
        return terms[index]
    }

    /// The number of `key`'s entry, made by `make` when missing; see `term(at:)`.
    mutating func entry(for key: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> String) -> Int {
        let (hash, packed) = Self.hashAndPack(key)
        let tag = UInt64(hash) << 32 | UInt64(min(key.count, Self.lengthMark)) << 24
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let head = slots[slot].head
                if head == 0 { return nil }
                if head & ~0xFF_FFFF == tag {
                    let index = Int(truncatingIfNeeded: head & 0xFF_FFFF) - 1
                    if key.count <= Self.shortKey {
                        if slots[slot].key == packed { return index }
                    } else if matches(index: index, keyStart: Int(slots[slot].key), key) {
                        return index
                    }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let term = make(key)
        insert(key, hash: hash, packed: packed, term: term)
        return terms.count - 1
    }

    func term(at entry: Int) -> String { terms[entry] }

    private func matches(index: Int, keyStart start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        if key.count >= Self.lengthMark, Int(keyLengths[index]) != key.count { return false }
        return keys.withUnsafeBufferPointer { stored in
            for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
            return true
        }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, packed: UInt64, term: String) {
        if terms.count >= limit {
            generation += 1
            terms.removeAll(keepingCapacity: true)
            keyLengths.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
            for index in slots.indices { slots[index] = Slot(head: 0, key: 0) }
        } else if (terms.count + 1) * 2 > slots.count {
            grow()
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].head != 0 { slot = (slot + 1) & mask }
        let head = UInt64(hash) << 32 | UInt64(min(key.count, Self.lengthMark)) << 24 | UInt64(terms.count + 1)
        slots[slot] = Slot(head: head, key: key.count <= Self.shortKey ? packed : UInt64(keys.count))
        terms.append(term)
        keyLengths.append(Int32(key.count))
        keys.append(contentsOf: key)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(head: 0, key: 0), count: old.count * 2)
        let mask = slots.count - 1
        for value in old where value.head != 0 {
            var slot = Int(truncatingIfNeeded: value.head >> 32) & mask
            while slots[slot].head != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }

    /// FNV-1a: words are short, so a byte-at-a-time hash is as fast as a wide one and spreads well.
    /// The same pass packs the first 8 bytes, little-endian.
    @inline(__always)
    private static func hashAndPack(_ key: UnsafeBufferPointer<UInt8>) -> (hash: UInt32, packed: UInt64) {
        var hash: UInt32 = 2_166_136_261
        var packed: UInt64 = 0
        for (offset, byte) in key.enumerated() {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
            if offset < shortKey { packed |= UInt64(byte) << (8 * UInt64(offset)) }
        }
        return (hash, packed)
    }
}
