import Dispatch
import Foundation
import Synchronization

/// Loads the articles under a set of data paths: every `.txt`, `.json` and `.jsonl` file,
/// parsed in parallel on all cores, merged in a deterministic order (by path, then position
/// in the file). Nothing a file contains stops the load: bad files, lines and records are
/// skipped and listed in the report, and everything else loads.
///
/// Duplicate ids: the first record by that order keeps the id; later records with the same id
/// are skipped and listed in `LoadReport.duplicates` with both origins.
public enum CorpusLoader {
    /// The sample corpus that ships inside the package, served when no data is configured.
    public static var sampleCorpusURL: URL {
        Bundle.module.url(forResource: "SampleCorpus", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("SampleCorpus", isDirectory: true)
    }

    public static func load(paths: [String]) -> (articles: [Article], report: LoadReport) {
        let clock = ContinuousClock()
        let start = clock.now
        let discovered = DataFiles(paths: paths)
        let files = discovered.files

        // First pass, one file per iteration: read it, parse .txt and .json whole, and cut
        // .jsonl into chunks for the second pass.
        let firstPass = Mutex<[FileRead?]>(Array(repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let read = FileRead(files[index])
            firstPass.withLock { $0[index] = read }
        }
        let reads = firstPass.withLock { $0.compactMap { $0 } }

        // Second pass, one JSONL chunk per iteration, across all files at once.
        let jobs = reads.indices.flatMap { file in reads[file].chunks.indices.map { (file: file, chunk: $0) } }
        let secondPass = Mutex<[(outcome: LoadOutcome, lines: Int)?]>(Array(repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            let result = reads[job.file].readChunk(job.chunk)
            secondPass.withLock { $0[index] = result }
        }
        let chunkResults = secondPass.withLock { $0.compactMap { $0 } }

        var merger = Merger()
        merger.skipped = discovered.missing
        merger.reserveCapacity(
            reads.reduce(0) { $0 + $1.outcome.articles.count }
                + chunkResults.reduce(0) { $0 + $1.outcome.articles.count })
        var next = 0
        for read in reads {
            merger.count(read.file.format, files: 1)
            merger.add(read.outcome, format: read.file.format, lineOffset: 0)
            var lineOffset = 0
            for _ in read.chunks {
                let result = chunkResults[next]
                next += 1
                merger.add(result.outcome, format: read.file.format, lineOffset: lineOffset)
                lineOffset += result.lines
            }
        }
        let report = LoadReport(
            formats: LoadReport.Format.allCases.map { format in
                .init(
                    format: format, files: merger.files[format, default: 0], articles: merger.loaded[format, default: 0]
                )
            },
            filesRead: reads.filter(\.wasRead).count, filesIgnored: discovered.ignored,
            articlesLoaded: merger.articles.count, skipped: merger.skipped, duplicates: merger.duplicates,
            warnings: merger.warnings, elapsed: clock.now - start)
        return (merger.articles, report)
    }

    /// Puts the outcomes together in load order and applies the duplicate-id rule.
    private struct Merger {
        var articles: [Article] = []
        var skipped: [LoadIssue] = []
        var duplicates: [LoadIssue] = []
        var warnings: [LoadIssue] = []
        var files: [LoadReport.Format: Int] = [:]
        var loaded: [LoadReport.Format: Int] = [:]
        private var seen: [String: Article.Origin] = [:]

        /// Room for `count` articles at once: reserving per outcome grew the array to each exact size
        /// in turn, copying it every time.
        mutating func reserveCapacity(_ count: Int) {
            articles.reserveCapacity(count)
            seen.reserveCapacity(count)
        }

        mutating func count(_ format: LoadReport.Format, files count: Int) {
            files[format, default: 0] += count
        }

        mutating func add(_ outcome: LoadOutcome, format: LoadReport.Format, lineOffset: Int) {
            skipped += outcome.skipped.map { shifted($0, by: lineOffset) }
            warnings += outcome.warnings.map { shifted($0, by: lineOffset) }
            for var article in outcome.articles {
                if lineOffset > 0, let line = article.origin.line { article.origin.line = line + lineOffset }
                if let first = seen[article.id] {
                    duplicates.append(
                        LoadIssue(origin: article.origin, problem: .duplicateID(article.id, keptFrom: first)))
                    continue
                }
                seen[article.id] = article.origin
                articles.append(article)
                loaded[format, default: 0] += 1
            }
        }

        private func shifted(_ issue: LoadIssue, by offset: Int) -> LoadIssue {
            guard offset > 0, let line = issue.origin.line else { return issue }
            var issue = issue
            issue.origin.line = line + offset
            return issue
        }
    }
}
