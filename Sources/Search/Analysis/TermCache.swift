/// Maps the folded bytes of a word to its finished term, so a word seen before costs one hash of
/// its bytes: no `String` is built to look it up, and a stem is computed once per distinct word.
///
/// Open addressing with linear probing over a power-of-two slot array. A slot holds the key's hash
/// next to its entry number, so probing past other words never touches their entries; keys live
/// back to back in one byte arena. When it reaches `limit` entries it starts over, which bounds
/// memory on an unbounded vocabulary.
///
/// An entry's number (`entry(for:_:)`) names its term until the cache starts over, which bumps
/// `generation`: a bulk caller can key arrays by it instead of hashing the term's `String` again.
struct TermCache {
    private struct Entry {
        var keyStart: Int32
        var keyLength: Int32
        var term: String
    }

    private let limit: Int
    /// `hash << 32 | (entry number + 1)`; 0 is an empty slot.
    private var slots: [UInt64]
    private var entries: [Entry] = []
    private var keys: [UInt8] = []
    /// How many times the cache has started over; entry numbers of another generation are void.
    private(set) var generation = 0

    init(limit: Int = 1 << 18) {
        self.limit = limit
        slots = [UInt64](repeating: 0, count: 1 << 6)
    }

    var count: Int { entries.count }

    /// The cached term for `key`, or the one `make` builds, which is then cached.
    mutating func term(for key: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        let index = entry(for: key, make)
        return entries[index].term
    }

    /// The number of `key`'s entry, made by `make` when missing; see `term(at:)`.
    mutating func entry(for key: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> String) -> Int {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { break }
            if UInt32(truncatingIfNeeded: value >> 32) == hash {
                let index = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                if Int(entries[index].keyLength) == key.count, matches(keyStart: Int(entries[index].keyStart), key) {
                    return index
                }
            }
            slot = (slot + 1) & mask
        }
        let term = make(key)
        insert(key, hash: hash, term: term)
        return entries.count - 1
    }

    func term(at entry: Int) -> String { entries[entry].term }

    private func matches(keyStart start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        keys.withUnsafeBufferPointer { stored in
            for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
            return true
        }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, term: String) {
        if entries.count >= limit {
            generation += 1
            entries.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
            for index in slots.indices { slots[index] = 0 }
        } else if (entries.count + 1) * 2 > slots.count {
            grow()
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(hash) << 32 | UInt64(entries.count + 1)
        entries.append(Entry(keyStart: Int32(keys.count), keyLength: Int32(key.count), term: term))
        keys.append(contentsOf: key)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for value in old where value != 0 {
            var slot = Int(truncatingIfNeeded: value >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }

    /// FNV-1a: words are short, so a byte-at-a-time hash is as fast as a wide one and spreads well.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in key { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
