/// A parsed JSON value. Objects keep their members in document order and numbers keep their
/// source text, because metadata must come out as it went in; Foundation's `JSONSerialization`
/// keeps neither.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number exactly as written (already checked against the JSON grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// What a value is, in words for error messages ("expected a string, found an array").
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object: members in document order, and the 1-based line where it opened so that a
/// record inside a big array can be reported by line.
struct JSONObject: Sendable, Hashable {
    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONValue
    }

    var members: [Member]
    var line: Int

    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }
}
