/// The ids of a column's values by their lower-cased form, for case-insensitive filters and terms,
/// in one open-addressed array: a dictionary from each lower-cased copy to an array of ids held a
/// string and an array (two heap blocks) per value; at 100,000 articles, about 100,000 entity ids
/// and names. A lookup lower-cases only the candidates whose hash fragment matches.
struct FoldedValueTable: Sendable {
    /// Per slot, the upper 32 bits of the folded value's hash and the value id plus one (0: empty).
    private let slots: [UInt64]

    init(_ values: [String]) {
        // At most three slots in four full: a probe for a value that is absent ends within a few
        // slots, and the hash fragments spare lower-casing the candidates met on the way.
        var capacity = 2
        while capacity * 3 < values.count * 4 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        for (id, value) in values.enumerated() {
            let hash = value.lowercased().hashValue
            var slot = hash & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Self.fragment(of: hash) | UInt64(id + 1)
        }
        self.slots = slots
    }

    /// The ids of the values whose lower-cased form is `folded`, ascending: equal keys are inserted
    /// in id order along one probe sequence, so they are met in that order.
    func ids(of folded: String, in values: [String]) -> [Int32] {
        let hash = folded.hashValue
        let fragment = Self.fragment(of: hash)
        let mask = slots.count - 1
        var ids: [Int32] = []
        var slot = hash & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == fragment {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if values[id].lowercased() == folded { ids.append(Int32(id)) }
            }
            slot = (slot + 1) & mask
        }
        return ids
    }

    var byteCount: Int { slots.count * 8 }

    private static func fragment(of hash: Int) -> UInt64 {
        UInt64(UInt(bitPattern: hash)) & 0xFFFF_FFFF_0000_0000
    }
}
