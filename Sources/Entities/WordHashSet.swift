/// A set of word hashes (`ByteHash` values) for one article: open addressing over a power-of-two
/// table, the hashes used as they are. `Set<UInt64>` would hash each already well-mixed value
/// again with SipHash, once per word token of every article.
struct WordHashSet {
    /// 0 marks an empty slot; the hash 0 itself is kept in `holdsZero`.
    private var slots: [UInt64]
    private var count = 0
    private var holdsZero = false

    /// Room for `minimumCapacity` hashes before the table grows.
    init(minimumCapacity: Int = 32) {
        var size = 64
        while size < minimumCapacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    mutating func insert(_ hash: UInt64) {
        guard hash != 0 else {
            holdsZero = true
            return
        }
        if (count + 1) * 2 > slots.count { grow() }
        if WordHashSet.place(hash, in: &slots) { count += 1 }
    }

    func contains(_ hash: UInt64) -> Bool {
        guard hash != 0 else { return holdsZero }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == hash { return true }
            if value == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    /// Puts `hash` in the first free slot of its probe run; false when it was there already.
    /// Static: an instance method handed `&slots` would read `self` while `slots` is being
    /// written, and the array would be copied whole at every insertion.
    private static func place(_ hash: UInt64, in table: inout [UInt64]) -> Bool {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = table[slot]
            if value == hash { return false }
            if value == 0 {
                table[slot] = hash
                return true
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        var table = [UInt64](repeating: 0, count: slots.count * 2)
        for value in slots where value != 0 { _ = WordHashSet.place(value, in: &table) }
        slots = table
    }
}
