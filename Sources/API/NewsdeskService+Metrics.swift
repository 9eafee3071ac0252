import HTTP
import Server

/// Corpus loads so far, for `GET /metrics`.
struct LoadHistory: Sendable {
    var count = 0
    var lastSeconds: Double?
}

extension NewsdeskService {
    /// `GET /metrics`: the server's counters and the corpus in the Prometheus text format, never
    /// cached, open to any scraper (it holds no article text and no client data).
    func addMetricsRoute(to router: inout Router) {
        router.get("/metrics") { [self] _, _, _ in
            var response = HTTPResponse(
                status: .ok, contentType: MetricsText.contentType, body: Array(metricsText().utf8))
            response.headers["Cache-Control"] = "no-store"
            return response
        }
    }

    func metricsText() -> String {
        var text = MetricsText()
        metrics.write(to: &text)
        let state = state
        let history = loads.withLock { $0 }
        let corpus = metrics.namespace + "_corpus_"
        text.family(corpus + "articles", type: .gauge, help: "Articles in the corpus being served.")
        if let state { text.sample(corpus + "articles", value: UInt64(state.snapshot.articles.count)) }
        text.family(corpus + "entities", type: .gauge, help: "Distinct entities in the corpus being served.")
        if let state { text.sample(corpus + "entities", value: UInt64(state.snapshot.entities.entities.count)) }
        text.family(corpus + "terms", type: .gauge, help: "Distinct terms in the search index.")
        if let state { text.sample(corpus + "terms", value: UInt64(state.snapshot.search.termCount)) }
        text.family(
            corpus + "load_seconds", type: .gauge,
            help: "Time the latest corpus load took, from reading files to serving.")
        if let seconds = history.lastSeconds { text.sample(corpus + "load_seconds", value: seconds) }
        text.family(
            corpus + "loaded_timestamp_seconds", type: .gauge,
            help: "When the corpus being served was loaded (Unix time).")
        if let state {
            text.sample(corpus + "loaded_timestamp_seconds", value: state.snapshot.loadedAt.timeIntervalSince1970)
        }
        text.family(
            corpus + "loads_total", type: .counter, help: "Corpora installed since start, the first load included.")
        text.sample(corpus + "loads_total", value: UInt64(history.count))
        return text.text
    }
}
