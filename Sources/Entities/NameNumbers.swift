/// Numbers the distinct names of one article in the order they are first seen, names being equal
/// as Swift's `String` compares them (by canonical equivalence). Hashes their UTF-8 bytes with
/// `ByteHash` instead of `Dictionary`'s SipHash: text already in NFC as it is (nearly all of it),
/// other text in NFC (`ByteKeyTable.canonical`), so that equal names hash alike.
struct NameNumbers {
    /// Per slot, the number of the name there; -1 for an empty slot.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private(set) var names: [String] = []

    /// Room for `capacity` distinct names; more would never find a free slot.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
        names.reserveCapacity(capacity)
    }

    var count: Int { names.count }

    /// The number of `name`: the one an equal name got, or the next one.
    mutating func number(of name: String) -> Int {
        let hash = NameNumbers.hash(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 {
                slots[slot] = Int32(names.count)
                hashes.append(hash)
                names.append(name)
                return names.count - 1
            }
            if hashes[entry] == hash && names[entry] == name { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// `ByteHash` of the name's NFC bytes.
    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            if ByteKeyTable.isNFC(bytes) { return ByteHash.of(bytes) }
            var canonical = ByteKeyTable.canonical(String(decoding: bytes, as: UTF8.self))
            return canonical.withUTF8 { ByteHash.of($0) }
        }
    }
}
