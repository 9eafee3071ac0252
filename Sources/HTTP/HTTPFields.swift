/// Header fields as an ordered list that keeps repeated names, with case-insensitive lookup
/// (the shape of swift-http-types' `HTTPFields`). Names are stored as received; comparisons fold
/// ASCII case only, as RFC 9110 field names are ASCII tokens.
public struct HTTPFields: Sendable, Hashable, Sequence {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    public init() { fields = [] }

    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The first value under `name`, or nil. Setting replaces every field of that name with one
    /// (or removes them all when set to nil).
    public subscript(name: String) -> String? {
        get { fields.first { Self.namesMatch($0.name, name) }?.value }
        set {
            guard let newValue else {
                remove(name)
                return
            }
            if let index = fields.firstIndex(where: { Self.namesMatch($0.name, name) }) {
                fields[index].value = newValue
                var next = index + 1
                while next < fields.count {
                    if Self.namesMatch(fields[next].name, name) { fields.remove(at: next) } else { next += 1 }
                }
            } else {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// Every value under `name`, in the order received.
    public func values(for name: String) -> [String] {
        fields.compactMap { Self.namesMatch($0.name, name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool { fields.contains { Self.namesMatch($0.name, name) } }

    public mutating func reserveCapacity(_ capacity: Int) { fields.reserveCapacity(capacity) }

    public mutating func append(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    /// ASCII case-insensitive equality without allocating lowercased copies.
    @inlinable
    public static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        let a = lhs.utf8
        let b = rhs.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let lx = x | 0x20
            guard lx == y | 0x20, lx >= UInt8(ascii: "a"), lx <= UInt8(ascii: "z") else { return false }
        }
        return true
    }
}
