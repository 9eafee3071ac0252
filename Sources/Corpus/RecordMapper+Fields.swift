import Foundation

extension RecordMapper {
    /// The mapped values of one record, each converted and cleaned as its role requires.
    struct Fields {
        var id: String?
        var title: String?
        var paragraphs: [String] = []
        var hasBody = false
        var date: Date?
        var hasDate = false
        var source: String?
        var url: String?
        var author: String?
        var category: String?

        enum Assignment {
            case assigned
            /// The value holds no text; the field stays free for a later synonym.
            case empty
            case wrongType(expected: String)
            case badDate(String)
        }

        func has(_ role: Role) -> Bool {
            switch role {
            case .id: id != nil
            case .title: title != nil
            case .body: hasBody
            case .date: hasDate
            case .source: source != nil
            case .url: url != nil
            case .author: author != nil
            case .category: category != nil
            }
        }

        mutating func assign(_ role: Role, _ value: JSONValue) -> Assignment {
            switch role {
            case .id:
                switch value {
                case .string(let text): return store(text.trimmingWhitespace(), in: &id)
                case .number(let text): return store(text, in: &id)
                default: return .wrongType(expected: "a string or a number")
                }
            case .title:
                guard case .string(let text) = value else { return .wrongType(expected: "a string") }
                return store(TextCleaner.line(from: text), in: &title)
            case .body:
                return assignBody(value)
            case .date:
                return assignDate(value)
            case .url:
                guard case .string(let text) = value else { return .wrongType(expected: "a string") }
                return store(text.trimmingWhitespace(), in: &url)
            case .source:
                guard let text = Self.names(in: value) else { return .wrongType(expected: "a string") }
                return store(text, in: &source)
            case .author:
                guard let text = Self.names(in: value) else { return .wrongType(expected: "a string or strings") }
                return store(text, in: &author)
            case .category:
                guard let text = Self.names(in: value) else { return .wrongType(expected: "a string or strings") }
                return store(text, in: &category)
            }
        }

        private func store(_ text: String, in field: inout String?) -> Assignment {
            guard !text.isEmpty else { return .empty }
            field = text
            return .assigned
        }

        /// A body is a string of paragraphs, or an array of paragraph strings.
        private mutating func assignBody(_ value: JSONValue) -> Assignment {
            let found: [String]
            switch value {
            case .string(let text):
                found = TextCleaner.paragraphs(from: text, singleNewlinesSplit: true)
            case .array(let elements):
                var collected: [String] = []
                for element in elements {
                    guard case .string(let text) = element else { return .wrongType(expected: "a string or strings") }
                    collected += TextCleaner.paragraphs(from: text, singleNewlinesSplit: false)
                }
                found = collected
            default:
                return .wrongType(expected: "a string or strings")
            }
            guard !found.isEmpty else { return .empty }
            paragraphs = found
            hasBody = true
            return .assigned
        }

        /// A date is text in one of `DateParser`'s forms, or a Unix time in seconds (or in
        /// milliseconds, for values too large to be seconds before the year 5000).
        private mutating func assignDate(_ value: JSONValue) -> Assignment {
            switch value {
            case .string(let text):
                let trimmed = text.trimmingWhitespace()
                guard !trimmed.isEmpty else { return .empty }
                guard let parsed = DateParser.parse(trimmed) else { return .badDate(text) }
                date = parsed
            case .number(let text):
                guard let number = Double(text), number.isFinite else { return .badDate(text) }
                date = Date(timeIntervalSince1970: abs(number) >= 1e11 ? number / 1000 : number)
            default:
                return .wrongType(expected: "a string or a number")
            }
            hasDate = true
            return .assigned
        }

        /// Text for a name field: a string, an object with a `name`, or an array of either,
        /// joined with ", ". Nil when the value has another shape.
        private static func names(in value: JSONValue) -> String? {
            switch value {
            case .string(let text):
                return TextCleaner.line(from: text)
            case .object(let object):
                guard case .string(let name)? = object["name"] ?? object["title"] else { return nil }
                return TextCleaner.line(from: name)
            case .array(let elements):
                var names: [String] = []
                for element in elements {
                    if case .array = element { return nil }
                    guard let name = Self.names(in: element) else { return nil }
                    if !name.isEmpty { names.append(name) }
                }
                return names.joined(separator: ", ")
            default:
                return nil
            }
        }
    }
}
