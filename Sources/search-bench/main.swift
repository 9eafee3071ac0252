import Foundation
import Search

/// Benchmarks the Search engine from the command line and prints JSON on standard output.
///
///     search-bench cisi  CORPUS.jsonl QUERIES.jsonl               ranked runs for CISI (match=any)
///     search-bench speed CORPUS.jsonl QUERIES.txt [PASSES] [--snippets] [--facets LIST]
///                                                             build time, memory, query latency
///                                                             (LIST: source,category,month as the API)
///                                                             with --snippets, also each query
///                                                             without snippets in the same pass:
///                                                             the snippets' own CPU, measured on
///                                                             equal terms on a busy machine
///     search-bench dups  CORPUS.jsonl                             near-duplicate clusters found

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func readJSONL(_ path: String) -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    var records: [[String: Any]] = []
    var start = data.startIndex
    while start < data.endIndex {
        let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
        if end > start, let object = try? JSONSerialization.jsonObject(with: data[start..<end]) as? [String: Any] {
            records.append(object)
        }
        start = end < data.endIndex ? data.index(after: end) : end
    }
    return records
}

func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return (Int(line.split(separator: " ")[1]) ?? 0) * 1024
    }
    return 0
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU time of the calling thread: unlike wall time, it does not count time the scheduler gave to
/// other processes, a cross-check on a shared machine (the peers' Python scripts report the same).
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func loadAverage() -> [Double] {
    var values = [Double](repeating: 0, count: 3)
    return getloadavg(&values, 3) == 3 ? values : []
}

func printJSON(_ object: Any) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

func months(_ date: String) -> String { String(date.prefix(7)) }

/// Days since 1970-01-01 for "YYYY-MM-DD", nil otherwise.
func days(_ date: String) -> Int64? {
    let parts = date.prefix(10).split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var components = DateComponents()
    (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: components).map { Int64($0.timeIntervalSince1970 / 86400) }
}

func newsIndex(_ records: [[String: Any]]) -> (SearchIndex, seconds: Double, cpu: Double, rssBefore: Int) {
    var builder = IndexBuilder(schema: .news)
    for record in records {
        let date = record["date"] as? String ?? ""
        let document = SearchDocument(
            text: [record["title"] as? String ?? "", (record["body"] ?? record["text"]) as? String ?? ""],
            keywords: [
                [record["source"] as? String].compactMap { $0 }, [record["category"] as? String].compactMap { $0 },
                date.isEmpty ? [] : [months(date)],
            ], date: days(date))
        do { try builder.add(document) } catch { fail("\(error)") }
    }
    let rssBefore = residentBytes()
    let start = now()
    let cpuStart = cpuSeconds()
    let index = builder.build()
    return (index, now() - start, cpuSeconds() - cpuStart, rssBefore)
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let k = Double(sorted.count - 1) * p / 100
    let low = Int(k)
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (sorted[high] - sorted[low]) * (k - Double(low))
}

func queryType(_ line: String) -> String {
    if line.hasPrefix("\"") { return "phrase" }
    if line.contains(" OR ") { return "or" }
    if line.hasSuffix("*") { return "prefix" }
    return line.split(separator: " ").count == 1 ? "single" : "and"
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: search-bench cisi|speed|dups CORPUS [QUERIES] ...") }

switch arguments[1] {
case "cisi":
    guard arguments.count >= 4 else { fail("usage: search-bench cisi CORPUS.jsonl QUERIES.jsonl") }
    let corpus = readJSONL(arguments[2])
    let (index, _, _, _) = newsIndex(corpus)
    let ids = corpus.map { $0["_id"] as? String ?? "" }
    var run: [String: [String]] = [:]
    for query in readJSONL(arguments[3]) {
        guard let id = query["_id"] as? String, let text = query["text"] as? String else { continue }
        // Natural-language questions: query syntax characters are punctuation here, not operators.
        let cleaned = String(text.map { "\"()-:*~".contains($0) ? " " : $0 })
            .split(separator: " ").filter { !["OR", "AND", "NOT"].contains($0) }.joined(separator: " ")
        var request = SearchRequest(query: cleaned)
        request.match = .any
        request.limit = 1000
        request.snippets = nil
        request.collapseDuplicates = false
        request.typoTolerance = false
        do {
            run[id] = try index.search(request).hits.map { ids[$0.doc] }
        } catch {
            fail("query \(id): \(error)")
        }
    }
    printJSON(run)

case "speed":
    guard arguments.count >= 4 else { fail("usage: search-bench speed CORPUS.jsonl QUERIES.txt [PASSES] [--snippets]") }
    let passes = arguments.count >= 5 ? Int(arguments[4]) ?? 5 : 5
    let snippets = arguments.contains("--snippets")
    let facets =
        arguments.firstIndex(of: "--facets").flatMap { arguments.indices.contains($0 + 1) ? $0 + 1 : nil }
        .map { arguments[$0].split(separator: ",").map(String.init) } ?? []
    let corpus = readJSONL(arguments[2])
    let textBytes = corpus.reduce(0) {
        $0 + (($1["title"] as? String)?.utf8.count ?? 0) + (($1["body"] as? String)?.utf8.count ?? 0)
    }
    let (index, buildSeconds, buildCPU, rssBefore) = newsIndex(corpus)
    let rssAfter = residentBytes()
    guard let text = try? String(contentsOfFile: arguments[3], encoding: .utf8) else { fail("cannot read queries") }
    let queries = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    var request = SearchRequest(query: "")
    request.limit = 20
    request.snippets = snippets ? SnippetOptions() : nil
    request.facets = facets
    request.typoTolerance = false
    var totals: [String: Int] = [:]
    for query in queries {
        request.query = query
        totals[query] = (try? index.search(request).total) ?? -1
    }
    var times = [[Double]](repeating: [], count: queries.count)
    var cpuTimes = [[Double]](repeating: [], count: queries.count)
    var plainCPUTimes = [[Double]](repeating: [], count: queries.count)
    var plainRequest = request
    plainRequest.snippets = nil
    for _ in 0..<passes {
        for (position, query) in queries.enumerated() {
            request.query = query
            let cpuStart = threadCPUSeconds()
            let start = now()
            _ = try? index.search(request)
            times[position].append((now() - start) * 1000)
            cpuTimes[position].append((threadCPUSeconds() - cpuStart) * 1000)
            if snippets {
                plainRequest.query = query
                let plainStart = threadCPUSeconds()
                _ = try? index.search(plainRequest)
                plainCPUTimes[position].append((threadCPUSeconds() - plainStart) * 1000)
            }
        }
    }
    // The fastest pass: the least disturbed by other processes on a shared machine.
    let cpuMinimums = cpuTimes.map { $0.min() ?? .nan }
    // The snippets' own CPU per query: the fastest pass with them less the fastest without.
    let snippetCPU = zip(cpuMinimums, plainCPUTimes).map { $0 - ($1.min() ?? .nan) }
    let medians = times.map { percentile($0, 50) }
    let cpuMedians = cpuTimes.map { percentile($0, 50) }
    func block(_ values: [Double]) -> [String: Any] {
        [
            "n": values.count, "median_ms": percentile(values, 50), "p99_ms": percentile(values, 99),
            "mean_ms": values.reduce(0, +) / Double(max(values.count, 1)), "max_ms": values.max() ?? 0,
        ]
    }
    var byType: [String: Any] = [:]
    for type in ["single", "and", "phrase", "or", "prefix"] {
        let values = zip(queries, medians).filter { queryType($0.0) == type }.map(\.1)
        if !values.isEmpty { byType[type] = block(values) }
    }
    var overall = block(medians)
    overall["qps"] = 1000 * Double(medians.count) / medians.reduce(0, +)
    var cpuOverall = block(cpuMedians)
    cpuOverall["qps"] = 1000 * Double(cpuMedians.count) / cpuMedians.reduce(0, +)
    printJSON([
        "engine": "newsdesk-search", "documents": index.documentCount, "terms": index.termCount,
        "text_bytes": textBytes, "build_seconds": buildSeconds, "build_cpu_seconds": buildCPU,
        "index_bytes": index.memoryFootprint,
        "index_parts": Dictionary(uniqueKeysWithValues: index.memoryParts.map { ($0.name, $0.bytes) }),
        "rss_growth_bytes": rssAfter - rssBefore, "snippets": snippets, "facets": facets, "passes": passes,
        "duplicate_clusters": index.duplicateClusters.count,
        "overall": overall, "cpu": ["overall": cpuOverall], "by_type": byType, "totals": totals,
        "cpu_median_ms_by_query": Dictionary(zip(queries, cpuMedians)) { first, _ in first },
        "cpu_min_ms_by_query": Dictionary(zip(queries, cpuMinimums)) { first, _ in first },
        "snippet_cpu_min_ms_by_query": snippets ? Dictionary(zip(queries, snippetCPU)) { first, _ in first } : [:],
        "load_average": loadAverage(),
    ])

case "dups":
    let corpus = readJSONL(arguments[2])
    let (index, _, _, _) = newsIndex(corpus)
    let ids = corpus.map { $0["id"] as? String ?? "" }
    printJSON(["clusters": index.duplicateClusters.map { $0.map { ids[$0] } }])

default:
    fail("unknown command \(arguments[1])")
}
