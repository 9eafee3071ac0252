import Foundation
import Server

/// One configuration setting: its `section.name` key in `config.json`, its environment variable,
/// its type and how it lands in `NewsdeskConfiguration`. The table `all` is the single source for
/// parsing, validation, `--help` and Docs/CONFIGURATION.md.
public struct Setting: Sendable {
    public let key: String
    public let environment: String?
    public let help: String
    public let kind: Kind
    let store: @Sendable (inout NewsdeskConfiguration, Value) -> Void

    public enum Kind: Sendable {
        case integer(ClosedRange<Int>)
        case seconds
        case string
        case strings
        case boolean
        case choice([String])

        var expectation: String {
            switch self {
            case .integer(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
            case .seconds: "a positive number of seconds"
            case .string: "a string"
            case .strings: "an array of strings"
            case .boolean: "true or false"
            case .choice(let choices): "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
            }
        }
    }

    /// A parsed value of the setting's kind.
    enum Value {
        case integer(Int), seconds(Double), string(String), strings([String]), boolean(Bool)
    }

    /// Where a raw value came from: JSON keeps its type, environment and flags are text.
    enum Input {
        case json(Any)
        case text(String)
    }

    func apply(_ input: Input, to configuration: inout NewsdeskConfiguration, source: String) throws(ConfigurationError)
    {
        guard let value = parse(input) else {
            throw .wrongType(key, expected: kind.expectation, source: source)
        }
        store(&configuration, value)
    }

    private func parse(_ input: Input) -> Value? {
        switch (kind, input) {
        case (.integer(let range), .json(let any)):
            guard let number = any as? NSNumber, !Self.isBoolean(number), let int = Int(exactly: number.doubleValue),
                range.contains(int)
            else { return nil }
            return .integer(int)
        case (.integer(let range), .text(let text)):
            guard let int = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(int) else { return nil }
            return .integer(int)
        case (.seconds, .json(let any)):
            guard let number = any as? NSNumber, !Self.isBoolean(number), number.doubleValue > 0,
                number.doubleValue.isFinite
            else { return nil }
            return .seconds(number.doubleValue)
        case (.seconds, .text(let text)):
            guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds > 0, seconds.isFinite
            else { return nil }
            return .seconds(seconds)
        case (.string, .json(let any)):
            return (any as? String).map(Value.string)
        case (.string, .text(let text)):
            return .string(text)
        case (.strings, .json(let any)):
            guard let array = any as? [Any] else { return nil }
            let strings = array.compactMap { $0 as? String }
            return strings.count == array.count ? .strings(strings) : nil
        case (.strings, .text(let text)):
            return .strings(
                text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        case (.boolean, .json(let any)):
            guard let number = any as? NSNumber, Self.isBoolean(number) else { return nil }
            return .boolean(number.boolValue)
        case (.boolean, .text(let text)):
            switch text.lowercased() {
            case "true", "1", "yes", "on": return .boolean(true)
            case "false", "0", "no", "off": return .boolean(false)
            default: return nil
            }
        case (.choice(let choices), .json(let any)):
            guard let string = any as? String, choices.contains(string) else { return nil }
            return .string(string)
        case (.choice(let choices), .text(let text)):
            return choices.contains(text) ? .string(text) : nil
        }
    }

    /// JSONSerialization gives booleans as NSNumber too; tell them apart so `"port": true` is an error.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    static var sections: Set<String> { Set(all.map { String($0.key.prefix { $0 != "." }) }) }
}
