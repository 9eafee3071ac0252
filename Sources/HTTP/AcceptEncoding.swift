/// The content codings a client accepts, from its `Accept-Encoding` fields (RFC 9110 section
/// 12.5.3), reduced to the one question a server that only speaks gzip asks: gzip or identity?
///
/// Each list member is a coding with an optional weight `;q=` from 0 to 1 (three decimals at most);
/// `q=0` means "not acceptable". A coding not listed takes the weight of `*`, or is unacceptable
/// when there is no `*`; identity stays acceptable unless excluded (`identity;q=0`, or `*;q=0`
/// without an identity member). A member whose weight is malformed is ignored, as if absent.
public struct AcceptEncoding: Sendable, Equatable {
    /// Weights in thousandths, nil when the member is absent.
    public var gzip: Int?
    public var identity: Int?
    public var wildcard: Int?

    /// Parses every `Accept-Encoding` value of a request; repeated fields are one list.
    public init(_ values: [String]) {
        for value in values {
            for member in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
                guard let (coding, weight) = Self.parse(member) else { continue }
                switch coding {
                case .gzip: gzip = max(gzip ?? 0, weight)
                case .identity: identity = max(identity ?? 0, weight)
                case .wildcard: wildcard = max(wildcard ?? 0, weight)
                }
            }
        }
    }

    /// Whether gzip is acceptable and weighted at least as much as identity (a tie goes to the
    /// smaller body).
    public var prefersGzip: Bool {
        let gzipWeight = gzip ?? wildcard ?? 0
        return gzipWeight > 0 && gzipWeight >= identityWeight
    }

    /// Identity's weight: explicit, else that of `*`, else the least that is still acceptable, so a
    /// client that lists gzip at any weight and says nothing of identity gets gzip.
    var identityWeight: Int {
        identity ?? wildcard ?? 1
    }

    private enum Coding { case gzip, identity, wildcard }

    /// One member, `coding *( OWS ";" OWS name "=" value )`; nil for codings other than the three
    /// (they do not matter here) and for a malformed weight.
    private static func parse(_ member: Substring.UTF8View) -> (Coding, Int)? {
        var parts = member.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)[...]
        guard let first = parts.popFirst() else { return nil }
        let name = trimmed(first)
        let coding: Coding
        if ASCII.equalsIgnoringCase(name, "gzip") || ASCII.equalsIgnoringCase(name, "x-gzip") {
            coding = .gzip
        } else if ASCII.equalsIgnoringCase(name, "identity") {
            coding = .identity
        } else if name.elementsEqual("*".utf8) {
            coding = .wildcard
        } else {
            return nil
        }
        var weight = 1000
        for parameter in parts {
            let parameter = trimmed(parameter)
            guard let equals = parameter.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            guard ASCII.equalsIgnoringCase(trimmed(parameter[..<equals]), "q") else { continue }
            guard let parsed = qValue(trimmed(parameter[parameter.index(after: equals)...])) else { return nil }
            weight = parsed
        }
        return (coding, weight)
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
    static func qValue(_ text: Substring.UTF8View) -> Int? {
        let bytes = Array(text)
        guard let lead = bytes.first, lead == UInt8(ascii: "0") || lead == UInt8(ascii: "1") else { return nil }
        var value = Int(lead - UInt8(ascii: "0")) * 1000
        guard bytes.count > 1 else { return value }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
        var scale = 100
        for digit in bytes[2...] {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return value <= 1000 ? value : nil
    }

    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var bytes = bytes
        while let first = bytes.first, first == ASCII.space || first == ASCII.tab { bytes.removeFirst() }
        while let last = bytes.last, last == ASCII.space || last == ASCII.tab { bytes.removeLast() }
        return bytes
    }
}
