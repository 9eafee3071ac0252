/// A Prometheus text exposition (format 0.0.4) being written: families with `# HELP` and `# TYPE`
/// lines, then their samples, label values escaped as the format requires.
public struct MetricsText: Sendable {
    public enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    /// The `Content-Type` of the exposition.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public private(set) var text = ""

    public init() {}

    public mutating func family(_ name: String, type: Kind, help: String) {
        text += "# HELP \(name) \(Self.escaped(help, quote: false))\n# TYPE \(name) \(type.rawValue)\n"
    }

    public mutating func sample(_ name: String, labels: [(String, String)] = [], value: UInt64) {
        line(name, labels, String(value))
    }

    public mutating func sample(_ name: String, labels: [(String, String)] = [], value: Double) {
        line(name, labels, value.isFinite ? "\(value)" : (value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf")))
    }

    private mutating func line(_ name: String, _ labels: [(String, String)], _ value: String) {
        text += name
        if !labels.isEmpty {
            text += "{"
            text += labels.map { "\($0.0)=\"\(Self.escaped($0.1, quote: true))\"" }.joined(separator: ",")
            text += "}"
        }
        text += " " + value + "\n"
    }

    /// Backslash and newline are escaped everywhere, the double quote inside label values.
    static func escaped(_ value: String, quote: Bool) -> String {
        guard
            value.utf8.contains(where: {
                $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\"")
            })
        else { return value }
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\"" where quote: result += "\\\""
            default: result.append(character)
            }
        }
        return result
    }
}
