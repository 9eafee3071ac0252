import HTTP

/// The admin token a request must present as `Authorization: Bearer <token>`.
struct BearerToken: Sendable {
    enum Verdict: Equatable {
        case accepted
        /// No `Authorization` header, or one of another scheme.
        case missing
        case wrong
    }

    private let expected: [UInt8]

    init(_ token: String) {
        expected = Array(token.utf8)
    }

    func verdict(for request: HTTPRequest) -> Verdict {
        guard let value = request.headers["Authorization"] else { return .missing }
        let trimmed = value.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " "), trimmed[..<space].lowercased() == "bearer" else {
            return .missing
        }
        let presented = trimmed[space...].drop { $0 == " " }
        return Self.equal(Array(presented.utf8), expected) ? .accepted : .wrong
    }

    /// Compares every byte of `expected` whatever the first difference, so the time taken tells an
    /// attacker nothing about how much of a guess was right (only the expected length, which the
    /// loop count depends on).
    static func equal(_ presented: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference: UInt8 = presented.count == expected.count ? 0 : 1
        for index in expected.indices {
            difference |= expected[index] ^ (index < presented.count ? presented[index] : 0)
        }
        return difference == 0 && !expected.isEmpty
    }
}
