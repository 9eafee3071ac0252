import TestSupport
import Testing

@testable import HTTP

@Suite struct RequestParserFuzzTests {
    static let samples = [
        "GET /a?b=c HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
        "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\n0\r\nT: v\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /2 HTTP/1.1\r\nHost: y\r\n\r\n",
    ]
    /// Bytes that matter to the grammar, so mutations hit framing rather than only field text.
    static let interesting: [UInt8] = Array("\r\n :;,0fF\t-".utf8) + [0, 0x7F, 0x80, 0xFF]
    static let protocolStatuses: Set<Int> = [400, 413, 414, 417, 431, 501, 505]

    static func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes[index] = interesting.randomElement(using: &generator)!
            case 1: bytes.insert(interesting.randomElement(using: &generator)!, at: index)
            case 2: bytes.remove(at: index)
            default:
                let end = min(bytes.count, index + Int.random(in: 1...12, using: &generator))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            }
        }
        return bytes
    }

    @Test(arguments: 0..<4)
    func mutatedRequestsParseTheSameWhateverTheSplit(_ seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
        let limits = HTTPLimits(maxRequestLineBytes: 40, maxHeaderBytes: 80, maxHeaderCount: 5, maxBodyBytes: 8)
        var failures = 0
        var successes = 0
        for round in 0..<300 {
            let sample = Array(Self.samples[round % Self.samples.count].utf8)
            let input = Self.mutate(sample, using: &generator)
            let whole = parse([input[...]], limits: limits)
            let cut = Int.random(in: 0...input.count, using: &generator)
            let split = parse([input[..<cut], input[cut...]], limits: limits).filter { $0 != .continueExpected }
            let trickled = parse(input.indices.map { input[$0...$0] }, limits: limits).filter {
                $0 != .continueExpected
            }
            let replay = "seed \(seed) round \(round): \(String(decoding: input, as: UTF8.self).debugDescription)"
            #expect(split == whole, "\(replay) split at \(cut)")
            #expect(trickled == whole, "\(replay) byte at a time")
            if case .failure(let error) = whole.last {
                failures += 1
                #expect(Self.protocolStatuses.contains(error.status.code), "\(replay): \(error)")
            } else if !whole.isEmpty {
                successes += 1
            }
        }
        #expect(
            failures > 30 && successes > 30, "mutations reach both outcomes: \(failures) failed, \(successes) parsed")
    }

    @Test func randomBytesNeverCrashAndFailCleanly() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let length = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let outcomes = parse([bytes[...]])
            if case .failure(let error) = outcomes.last {
                #expect(Self.protocolStatuses.contains(error.status.code))
            }
        }
    }
}
