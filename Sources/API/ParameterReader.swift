import Foundation
import HTTP

/// Reads and validates the query parameters of one request. Every failure is a `ProblemDetails`
/// that names the parameter and says what was expected, and a parameter the endpoint does not know
/// is an error too, so a typo (`limt=5`) is reported rather than silently ignored.
struct ParameterReader {
    let parameters: QueryParameters

    init(_ request: HTTPRequest, allowed: Set<String>) throws(ProblemDetails) {
        parameters = request.queryParameters
        for parameter in parameters {
            guard allowed.contains(parameter.name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw .badParameter(parameter.name, "unknown parameter; this endpoint takes \(known)")
            }
            guard parameter.value != nil else {
                throw .badParameter(parameter.name, "the value is not valid percent-encoded UTF-8")
            }
        }
    }

    /// The single value of `name`, or nil when absent. Given twice is an error for single-valued
    /// parameters, rather than a silent pick of one.
    func string(_ name: String) throws(ProblemDetails) -> String? {
        let values = parameters.all(name)
        guard values.count <= 1 else { throw .badParameter(name, "given more than once") }
        return values.first?.value
    }

    /// Every non-empty value of a repeatable parameter.
    func strings(_ name: String) -> [String] {
        parameters.all(name).compactMap(\.value).filter { !$0.isEmpty }
    }

    func integer(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(ProblemDetails) -> Int {
        guard let text = try string(name) else { return defaultValue }
        // `Int` would take a leading "+", which JSON Schema's integers (the OpenAPI contract) do not.
        guard !text.hasPrefix("+"), let value = Int(text) else {
            throw .badParameter(
                name, "expected an integer from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        guard range.contains(value) else {
            throw .badParameter(name, "must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
        return value
    }

    func optionalChoice<Choice: RawRepresentable & CaseIterable>(_ name: String) throws(ProblemDetails) -> Choice?
    where Choice.RawValue == String {
        guard try string(name) != nil else { return nil }
        return try choice(name, default: Choice.allCases.first!)
    }

    func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, default defaultValue: Choice
    ) throws(ProblemDetails) -> Choice
    where Choice.RawValue == String {
        guard let text = try string(name) else { return defaultValue }
        guard let value = Choice(rawValue: text) else {
            let choices = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw .badParameter(name, "expected one of \(choices), got \"\(text)\"")
        }
        return value
    }

    func boolean(_ name: String, default defaultValue: Bool) throws(ProblemDetails) -> Bool {
        guard let text = try string(name) else { return defaultValue }
        switch text {
        case "true": return true
        case "false": return false
        default: throw .badParameter(name, "expected true or false, got \"\(text)\"")
        }
    }

    /// A date bound: `YYYY-MM-DD` (the whole day, so `to=2026-03-01` includes that day) or a full
    /// ISO 8601 timestamp.
    func date(_ name: String, endOfDay: Bool) throws(ProblemDetails) -> Date? {
        guard let text = try string(name) else { return nil }
        guard let date = DateBound.parse(text, endOfDay: endOfDay) else {
            throw .badParameter(name, "expected a date as YYYY-MM-DD or an ISO 8601 timestamp, got \"\(text)\"")
        }
        return date
    }
}
