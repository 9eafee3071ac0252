/// Reads a `.json` file: one article object (one with a title or body field), an array of
/// them, or an object that holds the array under a member such as "articles", "items" or
/// "data" (or as its only array of objects). Records are reported by the line their object opens on and their array index.
enum JSONDocumentReader {
    static let collectionKeys: Set<String> = [
        "articles", "items", "data", "results", "records", "entries", "posts", "stories", "news", "documents", "docs",
    ]

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> LoadOutcome {
        var outcome = LoadOutcome()
        var reader = JSONReader(bytes: withoutByteOrderMark(bytes))
        let document: JSONValue
        do {
            document = try reader.readDocument()
        } catch {
            outcome.skip(.init(path: path, line: error.line), .jsonSyntax(message: error.message, column: error.column))
            return outcome
        }
        switch document {
        case .array(let elements):
            readRecords(elements, path: path, into: &outcome)
        case .object(let object):
            if object.members.contains(where: { [.title, .body].contains(RecordMapper.role(of: $0.key)) }) {
                RecordMapper.map(object, origin: .init(path: path, line: object.line), element: nil, into: &outcome)
            } else if let elements = collection(in: object) {
                readRecords(elements, path: path, into: &outcome)
            } else {
                outcome.skip(.init(path: path, line: object.line), .noRecords)
            }
        default:
            outcome.skip(.init(path: path, line: 1), .notAnObject(found: document.kind))
        }
        return outcome
    }

    private static func readRecords(_ elements: [JSONValue], path: String, into outcome: inout LoadOutcome) {
        var lastLine = 1
        for (index, element) in elements.enumerated() {
            if case .object(let object) = element {
                lastLine = object.line
                RecordMapper.map(object, origin: .init(path: path, line: object.line), element: index, into: &outcome)
            } else {
                outcome.skip(.init(path: path, line: lastLine), element: index, .notAnObject(found: element.kind))
            }
        }
    }

    /// The array of records inside a wrapper object: under a known key, else its only array
    /// whose elements are objects.
    private static func collection(in object: JSONObject) -> [JSONValue]? {
        for member in object.members where collectionKeys.contains(member.key.lowercased()) {
            if case .array(let elements) = member.value { return elements }
        }
        let arrays = object.members.compactMap { member -> [JSONValue]? in
            guard case .array(let elements) = member.value,
                elements.contains(where: { if case .object = $0 { true } else { false } })
            else { return nil }
            return elements
        }
        return arrays.count == 1 ? arrays[0] : nil
    }

    static func withoutByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[3...])
    }
}
