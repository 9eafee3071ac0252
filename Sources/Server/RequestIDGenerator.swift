import HTTP

/// Request ids for one loop: a random per-loop prefix and a counter, short enough (15 bytes for the
/// first 78 billion) to stay in Swift's inline small-string form, so making one does not allocate.
struct RequestIDGenerator {
    private let prefix: String
    private var counter: UInt64 = 0

    init(loopIndex: Int) {
        let random = UInt32.random(in: 0..<(1 << 24))
        let hex = String(random, radix: 16)
        prefix = String(repeating: "0", count: 6 - hex.count) + hex + String(loopIndex % 36, radix: 36) + "-"
    }

    mutating func next() -> String {
        counter += 1
        return prefix + String(counter, radix: 36)
    }

    /// The client's id when it is sane, so ids can be followed across services; a new one otherwise.
    mutating func id(for headers: HTTPFields) -> String {
        if let offered = headers["X-Request-Id"], Self.isAcceptable(offered) { return offered }
        return next()
    }

    static func isAcceptable(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard (1...128).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: ":"):
                true
            default: false
            }
        }
    }
}
