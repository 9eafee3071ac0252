import Foundation

/// A JSON value decoded strictly: `true` is never the number 1, and an integer is a number with no
/// fractional part, as JSON Schema sees them.
indirect enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The value at a JSON pointer such as `#/components/schemas/Article`.
    func resolve(_ pointer: String) -> JSONValue? {
        var value: JSONValue? = self
        for part in pointer.split(separator: "/").dropFirst() {
            value = value?[part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return value
    }
}

/// Checks a JSON value against a JSON Schema (2020-12) of the OpenAPI document: the keywords the
/// document uses (`$ref`, `type`, `const`, `enum`, `required`, `properties`, `additionalProperties`,
/// `items`, `prefixItems`, `minItems`, `maxItems`, `minimum`, `maximum`, `minLength`, `maxLength`,
/// `pattern`, `oneOf`, `anyOf`); `format` is an annotation, as 2020-12 has it by default. A keyword
/// it does not know is reported, so the document cannot outgrow the check unnoticed.
struct JSONSchemaCheck {
    let document: JSONValue
    private(set) var errors: [String] = []

    static let knownKeywords: Set<String> = [
        "$ref", "type", "const", "enum", "required", "properties", "additionalProperties", "items", "prefixItems",
        "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "oneOf", "anyOf", "format",
        "description", "default", "example", "examples", "title",
    ]

    init(document: JSONValue) {
        self.document = document
    }

    /// The problems of `value` against `schema`, each with the JSON path where it was found.
    static func problems(_ value: JSONValue, against schema: JSONValue, in document: JSONValue) -> [String] {
        var check = JSONSchemaCheck(document: document)
        check.validate(value, schema, path: "$")
        return check.errors
    }

    /// Whether `value` is valid, without recording anything (for `oneOf` and `anyOf`).
    private func isValid(_ value: JSONValue, _ schema: JSONValue) -> Bool {
        Self.problems(value, against: schema, in: document).isEmpty
    }

    private mutating func fail(_ path: String, _ message: String) {
        errors.append("\(path): \(message)")
    }

    mutating func validate(_ value: JSONValue, _ schema: JSONValue, path: String) {
        if case .bool(let allowed) = schema {
            if !allowed { fail(path, "nothing is allowed here") }
            return
        }
        guard let keywords = schema.objectValue else { return fail(path, "the schema is not an object") }
        for keyword in keywords.keys where !Self.knownKeywords.contains(keyword) {
            fail(path, "the check does not know the keyword \(keyword)")
        }
        if let reference = keywords["$ref"]?.string {
            guard let target = document.resolve(reference) else { return fail(path, "unresolved \(reference)") }
            validate(value, target, path: path)
        }
        if let type = keywords["type"] {
            let names = type.arrayValue?.compactMap(\.string) ?? [type.string ?? ""]
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                return fail(path, "expected \(names.joined(separator: " or ")), got \(Self.describe(value))")
            }
        }
        if let constant = keywords["const"], constant != value { fail(path, "expected \(constant), got \(value)") }
        if let choices = keywords["enum"]?.arrayValue, !choices.contains(value) {
            fail(path, "\(Self.describe(value)) is not one of the enum")
        }
        if let alternatives = keywords["oneOf"]?.arrayValue {
            let passing = alternatives.filter { isValid(value, $0) }.count
            if passing != 1 { fail(path, "matches \(passing) of the oneOf alternatives, not exactly 1") }
        }
        if let alternatives = keywords["anyOf"]?.arrayValue, !alternatives.contains(where: { isValid(value, $0) }) {
            fail(path, "matches none of the anyOf alternatives")
        }
        switch value {
        case .object(let members): validateObject(members, keywords, path: path)
        case .array(let items): validateArray(items, keywords, path: path)
        case .string(let text): validateString(text, keywords, path: path)
        case .number(let number): validateNumber(number, keywords, path: path)
        case .null, .bool: break
        }
    }

    private mutating func validateObject(_ members: [String: JSONValue], _ keywords: [String: JSONValue], path: String)
    {
        for name in keywords["required"]?.arrayValue?.compactMap(\.string) ?? [] where members[name] == nil {
            fail(path, "missing required property \(name)")
        }
        let properties = keywords["properties"]?.objectValue ?? [:]
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let schema = properties[name] {
                validate(member, schema, path: "\(path).\(name)")
            } else if let additional = keywords["additionalProperties"] {
                validate(member, additional, path: "\(path).\(name)")
            }
        }
    }

    private mutating func validateArray(_ items: [JSONValue], _ keywords: [String: JSONValue], path: String) {
        if case .number(let minimum) = keywords["minItems"], Double(items.count) < minimum {
            fail(path, "fewer than \(Int(minimum)) items")
        }
        if case .number(let maximum) = keywords["maxItems"], Double(items.count) > maximum {
            fail(path, "more than \(Int(maximum)) items")
        }
        let prefix = keywords["prefixItems"]?.arrayValue ?? []
        for (index, item) in items.enumerated() {
            if index < prefix.count {
                validate(item, prefix[index], path: "\(path)[\(index)]")
            } else if let schema = keywords["items"] {
                validate(item, schema, path: "\(path)[\(index)]")
            }
        }
    }

    private mutating func validateString(_ text: String, _ keywords: [String: JSONValue], path: String) {
        let length = Double(text.unicodeScalars.count)
        if case .number(let minimum) = keywords["minLength"], length < minimum { fail(path, "shorter than \(minimum)") }
        if case .number(let maximum) = keywords["maxLength"], length > maximum { fail(path, "longer than \(maximum)") }
        if let pattern = keywords["pattern"]?.string {
            let expression = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression?.firstMatch(in: text, range: range) == nil {
                fail(path, "\"\(text)\" does not match \(pattern)")
            }
        }
    }

    private mutating func validateNumber(_ number: Double, _ keywords: [String: JSONValue], path: String) {
        if case .number(let minimum) = keywords["minimum"], number < minimum { fail(path, "\(number) < \(minimum)") }
        if case .number(let maximum) = keywords["maximum"], number > maximum { fail(path, "\(number) > \(maximum)") }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            return true
        case ("integer", .number(let number)): return number.rounded() == number
        default: return false
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
