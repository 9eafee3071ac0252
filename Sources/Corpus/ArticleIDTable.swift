/// Article ids to their positions: an open-addressed table of 4-byte positions, probed linearly
/// and compared against the articles' own ids. A `[String: Int]` held 24 bytes a slot (the id
/// again and an 8-byte position) in twice as many slots as ids: 6.3 MB at 100,000 articles, where
/// this holds 1 MB.
struct ArticleIDTable: Sendable {
    /// Position + 1 of the article whose id hashes to the slot (or a later one, after collisions);
    /// 0 for an empty slot. The slot count is a power of two, at least twice the article count.
    private let slots: [UInt32]

    /// - Parameters:
    ///   - count: how many articles there are.
    ///   - idAt: the id of the article at a position; an id given twice names its first position.
    init(count: Int, idAt: (Int) -> String) {
        precondition(count < Int(UInt32.max), "more articles than 4-byte positions hold")
        var slotCount = 16
        while slotCount < count * 2 { slotCount *= 2 }
        var slots = [UInt32](repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for position in 0..<count {
            let id = idAt(position)
            var slot = Self.hash(id) & mask
            while slots[slot] != 0 && idAt(Int(slots[slot]) - 1) != id { slot = (slot + 1) & mask }
            if slots[slot] == 0 { slots[slot] = UInt32(position + 1) }
        }
        self.slots = slots
    }

    /// The position of `id`, reading ids through `idAt` (the same ids the table was built from).
    func position(of id: String, idAt: (Int) -> String) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(id) & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if idAt(position) == id { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the id's UTF-8, folded to an `Int` (ids are short: 14 bytes in the scaled corpus).
    private static func hash(_ id: String) -> Int {
        var hash = FNV1a()
        hash.combine(bytes: id.utf8)
        return Int(truncatingIfNeeded: hash.value ^ (hash.value >> 29))
    }
}
