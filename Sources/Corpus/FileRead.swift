import Foundation

/// One data file's bytes and what the first pass of the loader made of them: the outcome of
/// a `.txt` or `.json` file, or the chunks of a `.jsonl` file still to be parsed.
struct FileRead: Sendable {
    var file: DataFiles.File
    /// Memory-mapped where the platform allows, so a big JSONL file is not copied.
    private var data: Data?
    var outcome = LoadOutcome()
    var chunks: [Range<Int>] = []

    var wasRead: Bool { data != nil }

    init(_ file: DataFiles.File) {
        self.file = file
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file.path), options: .alwaysMapped)
        } catch {
            outcome.skip(.init(path: file.path), .unreadable(reason: Self.reason(for: error, path: file.path)))
            return
        }
        data?.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            switch file.format {
            case .txt: outcome = ScrapedPageReader.read(bytes, path: file.path)
            case .json: outcome = JSONDocumentReader.read(bytes, path: file.path)
            case .jsonl: chunks = JSONLinesReader.chunks(of: bytes)
            }
        }
    }

    func readChunk(_ index: Int) -> (outcome: LoadOutcome, lines: Int) {
        guard let data else { return (LoadOutcome(), 0) }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return JSONLinesReader.read(UnsafeBufferPointer(rebasing: bytes[chunks[index]]), path: file.path)
        }
    }

    /// The operating system's words for a failed read ("Permission denied"), found by asking it
    /// directly: Foundation's errors wrap them in prose that differs between platforms.
    private static func reason(for error: any Error, path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor < 0 else {
            close(descriptor)
            return (error as NSError).localizedDescription
        }
        return String(cString: strerror(errno))
    }
}
