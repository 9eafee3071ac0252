/// Reads `.jsonl`: one record object per line; blank lines are allowed. A big file is cut into
/// chunks at line boundaries so that the chunks can be parsed on all cores; each chunk reports
/// lines relative to its start and the loader shifts them once every chunk is done.
enum JSONLinesReader {
    /// Large enough that a chunk's overhead is noise, small enough to spread a file of a few
    /// hundred megabytes over many cores with room to balance.
    static let chunkSize = 4 << 20

    /// Byte ranges covering `bytes`, each ending just after a newline (or at the end).
    static func chunks(of bytes: UnsafeBufferPointer<UInt8>, size: Int = chunkSize) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = min(start + size, bytes.count)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// Parses the lines of one chunk; origins carry lines counted from 1 at the chunk's start.
    /// Returns the outcome and the number of lines the chunk spans.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> (outcome: LoadOutcome, lines: Int) {
        var outcome = LoadOutcome()
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if line == 1 { text = JSONDocumentReader.withoutByteOrderMark(text) }
            readLine(text, line: line, path: path, into: &outcome)
            start = end + 1
        }
        return (outcome, line)
    }

    private static func readLine(
        _ text: UnsafeBufferPointer<UInt8>, line: Int, path: String, into outcome: inout LoadOutcome
    ) {
        guard text.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        let origin = Article.Origin(path: path, line: line)
        var reader = JSONReader(bytes: text, firstLine: line)
        do {
            let value = try reader.readDocument()
            guard case .object(let object) = value else {
                outcome.skip(origin, .notAnObject(found: value.kind))
                return
            }
            RecordMapper.map(object, origin: origin, element: nil, into: &outcome)
        } catch {
            outcome.skip(origin, .jsonSyntax(message: error.message, column: error.column))
        }
    }
}
