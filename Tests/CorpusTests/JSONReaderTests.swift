import Foundation
import TestSupport
import Testing

@testable import Corpus

@Suite struct JSONReaderTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    func parse(bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var bytes = bytes
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(JSONSyntaxError) in
            var reader = JSONReader(bytes: UnsafeBufferPointer(buffer))
            return try reader.readDocument()
        }
    }

    func syntaxError(_ text: String) -> JSONSyntaxError? {
        syntaxError(bytes: Array(text.utf8))
    }

    func syntaxError(bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try parse(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func objectsKeepMemberOrderAndNumbersKeepTheirText() throws {
        let value = try parse(#"{"z": 1.50, "a": [true, false, null], "m": -2e+3}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object.members.map(\.key) == ["z", "a", "m"])
        #expect(object["z"] == .number("1.50"))
        #expect(object["m"] == .number("-2e+3"))
        #expect(object["a"] == .array([.bool(true), .bool(false), .null]))
        #expect(value.compactText == #"{"z":1.50,"a":[true,false,null],"m":-2e+3}"#)
    }

    @Test func escapesDecodeAndSurrogatePairsJoin() throws {
        let value = try parse(#""q\" b\\ s\/ \n\t \u00e9 \ud83d\ude00 lone \ud800 end""#)
        #expect(value == .string("q\" b\\ s/ \n\t é 😀 lone \u{FFFD} end"))
    }

    /// Strings of every escape, surrogate pairs, multi-byte text and plain runs of
    /// up to a few kilobytes, alone and inside a larger document: decoded as Foundation decodes them.
    @Test func longEscapedStringsDecodeLikeFoundation() throws {
        let pieces = [
            #"\n"#, #"\n\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#, #"\b"#, #"\f"#, #"\r"#, #"\u00e9"#, #"\ud83d\ude00"#,
            "é", "€", "😀", "word ", String(repeating: "plain text ", count: 40),
        ]
        var random = SeededGenerator(seed: 20261207)
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 1...200, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let document = #"{"id": "x\n", "body": ""# + body + #"", "after": "y"}"#
            let expected = try #require(
                try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: String])
            guard case .object(let object) = try parse(document) else {
                Issue.record("expected an object")
                return
            }
            #expect(object["body"] == .string(try #require(expected["body"])))
            #expect(object["after"] == .string("y"))
            #expect(try parse("\"" + body + "\"") == .string(try #require(expected["body"])))
        }
    }

    @Test func compactTextEscapesWhatJSONRequires() throws {
        let text = JSONValue.string("a\"b\\c\nd\u{01}é").compactText
        #expect(text == #""a\"b\\c\nd\u0001é""#)
        #expect(try parse(text) == .string("a\"b\\c\nd\u{01}é"))
    }

    @Test func objectsRecordTheLineTheyOpenOn() throws {
        let value = try parse("[\n  {\"a\": 1},\n\n  {\"b\": 2}\n]")
        guard case .array(let elements) = value, case .object(let first) = elements[0],
            case .object(let second) = elements[1]
        else {
            Issue.record("expected two objects")
            return
        }
        #expect(first.line == 2)
        #expect(second.line == 4)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "expected a member name in quotes", 1, 9),
        ("[1 2]", "expected ',' or ']' in array", 1, 4),
        ("{\n\"a\" 1}", "expected ':' after member name", 2, 5),
        ("\"abc", "unterminated string", 1, 5),
        ("\"a\nb\"", "unescaped control character in string", 1, 3),
        ("\"\\nab\tc\"", "unescaped control character in string", 1, 6),
        ("\"\\n\u{01}\"", "unescaped control character in string", 1, 4),
        ("\"\\nabc", "unterminated string", 1, 7),
        ("01", "unexpected '1' after the value", 1, 2),
        ("-", "expected a digit in number", 1, 2),
        ("1.", "expected a digit after the decimal point", 1, 3),
        ("tru", "unexpected 't'", 1, 1),
        ("\"\\x\"", "invalid escape sequence", 1, 3),
        ("\"\\u12zz\"", "invalid hex digit in \\u escape", 1, 6),
        ("\"\\u12\"", "incomplete \\u escape", 1, 4),
        ("", "no JSON value", 1, 1),
        ("{} {}", "unexpected '{' after the value", 1, 4),
    ])
    func syntaxErrorsSayWhatAndWhere(text: String, message: String, line: Int, column: Int) {
        let error = syntaxError(text)
        #expect(error == JSONSyntaxError(message: message, line: line, column: column))
    }

    @Test func invalidUTF8InsideAStringIsAnError() {
        let bytes = Array(#"{"a": "x"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(syntaxError(bytes: bytes)?.message == "invalid UTF-8 in string")
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let depth = JSONReader.maximumDepth + 1
        let error = syntaxError(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(error?.message == "nesting deeper than \(JSONReader.maximumDepth) levels")
        #expect(syntaxError(String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)) == nil)
    }

    /// Every prefix of a valid document is either a valid document itself or a clean error.
    @Test func everyTruncationFailsCleanly() throws {
        let document = #"{"title": "Caf\u00e9 \"talks\"", "n": [1, -2.5e3, true, null, {"k": "v"}]}"#
        let expected = try parse(document)
        for cut in 0..<document.utf8.count {
            let prefix = String(decoding: document.utf8.prefix(cut), as: UTF8.self)
            #expect(syntaxError(prefix) != nil, "a prefix of \(cut) bytes parsed")
        }
        #expect(try parse(document) == expected)
    }
}
