/// The one pass a query's matches go through, in ascending document order, without a list of them
/// in between: the filters, the facet tallies, setting near-duplicates aside, the total, the cursor
/// and the top k. A one-term query feeds it straight from the postings as they are decoded
/// (`SearchIndex.forEachScoredPosting`), any other query from its evaluated `ScoredDocuments`.
///
/// Facets of single-valued columns (source, category, month) are tallied in the pass, or preset from
/// `TermFacetCounts` for a frequent word queried alone; the others (entity columns) get the kept
/// documents listed and counted after it.
struct MatchCollector {
    /// Per requested facet, its place among `columns`, or nil for a facet counted after the pass
    /// from `keptDocuments` and `nearMisses`.
    private let slots: [Int?]
    /// Per tallied column, its value id per document (or the value count for none).
    private let columns: [[UInt16]]
    private let columnStarts: [Int]
    /// `tallyBanks` banks of every tallied column's counts, one after the other (a bank is
    /// `tallies.count / tallyBanks` long); folded into the first bank at the end of `run`.
    private var tallies: [Int32]
    /// Each tallied column's place in a `FacetRows` row, when it has one: without filters and with
    /// every tallied column there, the rows are read instead of the columns.
    private let rowPositions: [Int]
    /// Whether the tallies already hold the pass's counts (`presetTallies`): the pass then does
    /// not count.
    private(set) var tallied = false
    let countsAfterPass: Bool
    private let filters: [(field: Int, allowed: [Bool])]
    /// Per filter, the facet counting its field, if any: a document failing only that filter
    /// still counts there (disjunctive facets).
    private let facetOfFilter: [Int?]
    private let dateRange: ClosedRange<Int64>?
    let sort: SortOrder
    let cursor: SearchCursor?
    let collapsing: Bool

    /// Matches offered, before any filter: zero sends the query to typo tolerance.
    private(set) var matched = 0
    private(set) var state: State

    /// What the pass leaves behind.
    struct State {
        /// Visible matches: after filters, a near-duplicate cluster once when collapsing.
        var total = 0
        /// Visible matches after the cursor.
        var afterCursor = 0
        var heap: TopK
        /// Matches (after filters) that belong to a near-duplicate cluster, ascending, with scores:
        /// set aside in the pass, one per cluster offered after it.
        var clusteredDocuments: [Int32] = []
        var clusteredScores: [Float] = []
        var keptDocuments: [Int32] = []
        var nearMisses: [[Int32]]
    }

    init(
        index: SearchIndex, request: SearchRequest, filters: [(field: Int, allowed: [Bool])], facetFields: [Int],
        cursor: SearchCursor?
    ) {
        self.filters = filters
        dateRange =
            request.from == nil && request.to == nil
            ? nil : (request.from ?? Int64.min + 1)...(request.to ?? Int64.max)
        var slots: [Int?] = []
        var columns: [[UInt16]] = []
        var starts: [Int] = []
        var size = 0
        for field in facetFields {
            if let values = index.keywordColumns[field].singleValues {
                slots.append(columns.count)
                columns.append(values)
                starts.append(size)
                // One slot more: the id that stands for "no value".
                size += index.keywordColumns[field].values.count + 1
            } else {
                slots.append(nil)
            }
        }
        self.slots = slots
        self.columns = columns
        // Per tallied column (in slot order), its place in a facet row when it has one.
        let rowPositions = facetFields.indices.compactMap { facet -> Int? in
            guard slots[facet] != nil else { return nil }
            return index.facetRows.fields.firstIndex(of: facetFields[facet])
        }
        self.rowPositions = rowPositions
        columnStarts = starts
        tallies = Array(repeating: 0, count: size * Self.tallyBanks)
        countsAfterPass = slots.contains(nil)
        facetOfFilter = filters.map { filter in facetFields.firstIndex(of: filter.field) }
        sort = request.sort
        self.cursor = cursor
        collapsing = request.collapseDuplicates && !index.clusters.isEmpty
        state = State(
            heap: TopK(capacity: request.offset + request.limit),
            nearMisses: Array(repeating: [], count: facetFields.count))
    }

    /// Sets the tallies to a frequent term's counts (`TermFacetCounts`) when they are what the pass
    /// would count: a one-term query over every text field, without filters, whose tallied facets
    /// all sit in `FacetRows`, over norms that give every occurrence weight (so every posting is a
    /// match). With no tallied facet, any such term's tallies are complete as they are. Call
    /// before `run`.
    mutating func presetTallies(term: Int32, fields: [Int], index: SearchIndex) {
        guard filters.isEmpty, dateRange == nil, rowPositions.count == columns.count,
            Set(fields).count == index.schema.textFields.count, index.blockBounds.isUsable
        else { return }
        // Without tallied facets there is nothing to count: the pass may step over blocks all the same.
        if columns.isEmpty {
            tallied = true
            return
        }
        guard let start = index.termFacets.start(of: term) else { return }
        let counts = index.termFacets.counts
        for (column, position) in rowPositions.enumerated() {
            let from = start + index.termFacets.columnStarts[position]
            for value in 0..<index.keywordColumns[index.facetRows.fields[position]].values.count + 1 {
                tallies[columnStarts[column] + value] = Int32(counts[from + value])
            }
        }
        tallied = true
    }

    /// Runs `feed`, which calls `Pass.collect` once per match in ascending document order, then
    /// offers each near-duplicate cluster's best member.
    mutating func run(over index: SearchIndex, _ feed: (inout Pass) -> Void) {
        let filtering = !filters.isEmpty || dateRange != nil
        var tallies = self.tallies
        self.tallies = []
        var state = self.state
        var matched = 0
        Self.withBuffers(columns) { columns in
            columnStarts.withUnsafeBufferPointer { starts in
                tallies.withUnsafeMutableBufferPointer { tallies in
                    index.dates.withUnsafeBufferPointer { dates in
                        index.clusteredDocuments.withUnsafeBufferPointer { clustered in
                            index.facetRows.bytes.withUnsafeBufferPointer { rows in
                                rowPositions.withUnsafeBufferPointer { rowPositions in
                                    var pass = Pass(
                                        columns: columns, starts: starts, tallies: tallies, dates: dates,
                                        clustered: clustered,
                                        rows: !filtering && rowPositions.count == columns.count
                                            ? (rows, index.facetRows.fields.count, rowPositions) : nil,
                                        collector: self, filtering: filtering, tallying: !tallied, index: index,
                                        state: state)
                                    feed(&pass)
                                    pass.offerClusterRepresentatives(clusterOf: index.clusterOf)
                                    state = pass.state
                                    matched = pass.matched
                                }
                            }
                        }
                    }
                }
            }
        }
        Self.foldBanks(&tallies)
        self.tallies = tallies
        self.state = state
        self.matched = matched
    }

    /// How many copies of the tallies a block's counting spreads its increments over. Consecutive
    /// matches often share a value (a month, a source), and an increment of the counter the last
    /// one wrote waits for that store: with four banks, four increments are under way at once.
    static let tallyBanks = 4

    /// Adds every bank into the first.
    private static func foldBanks(_ tallies: inout [Int32]) {
        let size = tallies.count / tallyBanks
        for bank in 1..<tallyBanks {
            for slot in 0..<size { tallies[slot] &+= tallies[bank * size + slot] }
        }
    }

    /// Per requested facet, its count per value id of `index`'s column.
    func facetCounts(index: SearchIndex, facetFields: [Int]) -> [[Int]] {
        facetFields.enumerated().map { facet, field in
            let column = index.keywordColumns[field]
            var counts = [Int](repeating: 0, count: column.values.count)
            if let slot = slots[facet] {
                for value in counts.indices { counts[value] = Int(tallies[columnStarts[slot] + value]) }
            } else {
                column.countValues(of: state.keptDocuments, into: &counts)
                column.countValues(of: state.nearMisses[facet], into: &counts)
            }
            return counts
        }
    }

    /// The other matching members of `doc`'s cluster (ascending): what its hit stands for.
    func collapsedDuplicates(of doc: Int32, index: SearchIndex) -> [Int] {
        guard collapsing else { return [] }
        let cluster = index.clusterOf[Int(doc)]
        guard cluster >= 0 else { return [] }
        return index.clusters[Int(cluster)].filter {
            $0 != doc && SearchIndex.sortedContains(state.clusteredDocuments, $0)
        }.map(Int.init)
    }

    /// Nests `withUnsafeBufferPointer` over every array, so the pass reads them through pointers.
    private static func withBuffers(
        _ arrays: [[UInt16]], _ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt16>>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt16>.self, capacity: arrays.count) { slots in
            func nest(_ index: Int) {
                guard index < arrays.count else { return body(UnsafeBufferPointer(slots)) }
                arrays[index].withUnsafeBufferPointer { buffer in
                    slots.initializeElement(at: index, to: buffer)
                    nest(index + 1)
                }
            }
            nest(0)
        }
    }

    /// The collector's state with raw views of the arrays it reads and the tallies it writes; valid
    /// only inside `run`.
    struct Pass {
        /// Per tallied column, its value id per document.
        private let columns: UnsafeBufferPointer<UnsafeBufferPointer<UInt16>>
        private let starts: UnsafeBufferPointer<Int>
        private let tallies: UnsafeMutableBufferPointer<Int32>
        private let dates: UnsafeBufferPointer<Int64>
        let clustered: UnsafeBufferPointer<UInt64>
        /// `FacetRows` when the collector reads them: the bytes, a row's width, and per tallied
        /// column its place in a row.
        private let rows: UnsafeBufferPointer<UInt8>
        private let rowWidth: Int
        private let rowPositions: UnsafeBufferPointer<Int>
        private let usesRows: Bool
        let collector: MatchCollector
        let filtering: Bool
        /// False when the collector's tallies were preset (`presetTallies`).
        let tallying: Bool
        private let index: SearchIndex
        var state: State
        var matched = 0

        fileprivate init(
            columns: UnsafeBufferPointer<UnsafeBufferPointer<UInt16>>, starts: UnsafeBufferPointer<Int>,
            tallies: UnsafeMutableBufferPointer<Int32>, dates: UnsafeBufferPointer<Int64>,
            clustered: UnsafeBufferPointer<UInt64>,
            rows: (UnsafeBufferPointer<UInt8>, width: Int, positions: UnsafeBufferPointer<Int>)?,
            collector: MatchCollector, filtering: Bool, tallying: Bool, index: SearchIndex, state: State
        ) {
            usesRows = rows != nil
            self.rows = rows?.0 ?? UnsafeBufferPointer(start: nil, count: 0)
            rowWidth = rows?.width ?? 0
            rowPositions = rows?.positions ?? UnsafeBufferPointer(start: nil, count: 0)
            self.columns = columns
            self.starts = starts
            self.tallies = tallies
            self.dates = dates
            self.clustered = clustered
            self.collector = collector
            self.filtering = filtering
            self.tallying = tallying
            self.index = index
            self.state = state
        }

        /// One match; documents must come in ascending order. Counters wrap rather than trap:
        /// they count matches of one query, far below their range, and the overflow checks were
        /// a good part of the instructions per match.
        @inline(__always)
        mutating func collect(doc: Int32, score: Float) {
            matched &+= 1
            if filtering { return collectFiltered(doc: doc, score: score) }
            if tallying { tally(doc) }
            if collector.countsAfterPass { state.keptDocuments.append(doc) }
            admit(doc: doc, score: score)
        }

        /// Counts a document in every tallied facet.
        @inline(__always)
        func tally(_ doc: Int32) {
            if usesRows {
                let row = Int(doc) &* rowWidth
                for column in 0..<rowPositions.count {
                    tallies[starts[column] &+ Int(rows[row &+ rowPositions[column]])] &+= 1
                }
                return
            }
            for column in 0..<columns.count {
                let slot = starts[column] &+ Int(columns[column][Int(doc)])
                tallies[slot] &+= 1
            }
        }

        /// Counts `documents[0..<count]` in every tallied facet, a column at a time: each inner loop
        /// keeps its column's place in registers, and its loads do not wait on the other columns'
        /// increments. Four matches in a row go to the four banks (`MatchCollector.tallyBanks`).
        @inline(__always)
        func tally(_ documents: UnsafePointer<Int32>, count: Int) {
            let bank = tallies.count / MatchCollector.tallyBanks
            if usesRows {
                let width = rowWidth
                for column in 0..<rowPositions.count {
                    let values = rows.baseAddress.unsafelyUnwrapped + rowPositions[column]
                    tallyBanked(documents, count: count, column: column, bank: bank) { Int(values[$0 &* width]) }
                }
                return
            }
            for column in 0..<columns.count {
                let values = columns[column].baseAddress.unsafelyUnwrapped
                tallyBanked(documents, count: count, column: column, bank: bank) { Int(values[$0]) }
            }
        }

        /// Counts `documents[0..<count]` in one tallied column, whose value id of a document is
        /// `value(doc)`, spreading consecutive matches over the four banks.
        @inline(__always)
        private func tallyBanked(
            _ documents: UnsafePointer<Int32>, count: Int, column: Int, bank: Int, value: (Int) -> Int
        ) {
            let first = tallies.baseAddress.unsafelyUnwrapped + starts[column]
            let second = first + bank
            let third = second + bank
            let fourth = third + bank
            var index = 0
            while index &+ 4 <= count {
                first[value(Int(documents[index]))] &+= 1
                second[value(Int(documents[index &+ 1]))] &+= 1
                third[value(Int(documents[index &+ 2]))] &+= 1
                fourth[value(Int(documents[index &+ 3]))] &+= 1
                index &+= 4
            }
            while index < count {
                first[value(Int(documents[index]))] &+= 1
                index &+= 1
            }
        }

        /// Whether `doc` is in a near-duplicate cluster.
        @inline(__always)
        func isClustered(_ doc: Int32) -> Bool {
            clustered[Int(doc) >> 6] & (1 << UInt64(doc & 63)) != 0
        }

        /// A match that passed the filters: set aside when clustered, else offered.
        @inline(__always)
        mutating func admit(doc: Int32, score: Float) {
            if collector.collapsing, isClustered(doc) {
                state.clusteredDocuments.append(doc)
                state.clusteredScores.append(score)
                return
            }
            offer(doc: doc, score: score)
        }

        @inline(__always)
        private func key(doc: Int32, score: Float) -> UInt64 {
            // Relevance never reads the date: one load less per match.
            collector.sort == .relevance
                ? SearchCursor.key(score: score, date: 0, sort: .relevance)
                : SearchCursor.key(score: score, date: dates[Int(doc)], sort: collector.sort)
        }

        /// Adds a visible match to the total and, when after the cursor, to the top k.
        @inline(__always)
        private mutating func offer(doc: Int32, score: Float) {
            state.total &+= 1
            let key = key(doc: doc, score: score)
            if let cursor = collector.cursor, !SearchCursor.precedes((cursor.key, cursor.doc), (key, doc)) { return }
            state.afterCursor &+= 1
            state.heap.insert(key: key, doc: doc, score: score)
        }

        /// The date range, then the keyword filters; a document failing exactly one filter still
        /// counts toward that filter's own facet.
        private mutating func collectFiltered(doc: Int32, score: Float) {
            if let range = collector.dateRange {
                let date = dates[Int(doc)]
                guard date != SearchIndex.noDate, range.contains(date) else { return }
            }
            var failures = 0
            var failed = -1
            for (position, filter) in collector.filters.enumerated()
            where !index.keywordColumns[filter.field].holdsAllowedValue(Int(doc), allowed: filter.allowed) {
                failures += 1
                failed = position
                if failures > 1 { return }
            }
            if failures == 1 {
                guard let facet = collector.facetOfFilter[failed] else { return }
                if let slot = collector.slots[facet] {
                    tallies[starts[slot] + Int(columns[slot][Int(doc)])] += 1
                } else {
                    state.nearMisses[facet].append(doc)
                }
                return
            }
            tally(doc)
            if collector.countsAfterPass { state.keptDocuments.append(doc) }
            admit(doc: doc, score: score)
        }

        /// Offers, per near-duplicate cluster among the set-aside matches, the first member in
        /// sort order; the others stay out of the hits and the total.
        fileprivate mutating func offerClusterRepresentatives(clusterOf: [Int32]) {
            guard !state.clusteredDocuments.isEmpty else { return }
            var best: [Int32: Int] = [:]
            let docs = state.clusteredDocuments
            let scores = state.clusteredScores
            for position in docs.indices {
                let doc = docs[position]
                let cluster = clusterOf[Int(doc)]
                if let current = best[cluster] {
                    let currentDoc = docs[current]
                    guard
                        SearchCursor.precedes(
                            (key(doc: doc, score: scores[position]), doc),
                            (key(doc: currentDoc, score: scores[current]), currentDoc))
                    else { continue }
                }
                best[cluster] = position
            }
            for position in best.values.sorted() { offer(doc: docs[position], score: scores[position]) }
        }
    }
}
