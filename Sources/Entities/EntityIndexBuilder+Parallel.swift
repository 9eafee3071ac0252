import Dispatch
import Foundation
import Synchronization

extension EntityIndexBuilder {
    /// Extracts and adds every article on all cores: contiguous slices of the articles each fill a
    /// builder of their own (extraction and `add` in one pass, no lock per article), and the slice
    /// builders are appended in input order, so the index equals that of one builder fed every
    /// article in order, whatever the thread timing.
    ///
    /// - Parameter sliceCount: how many slice builders; by default two per core, so that a slow
    ///   slice does not leave a core idle at the end, and few, since appending costs a lookup per
    ///   name of each slice.
    public static func build(
        articles: [(title: String, text: String, date: Date?)], extractor: EntityExtractor, sliceCount: Int? = nil
    ) -> EntityIndex {
        let count = articles.count
        let slices = max(1, sliceCount ?? min(count / 32 + 1, ProcessInfo.processInfo.activeProcessorCount * 2))
        let parts = Mutex<[EntityIndexBuilder]>(Array(repeating: EntityIndexBuilder(), count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var part = EntityIndexBuilder()
            for index in (count * slice / slices)..<(count * (slice + 1) / slices) {
                let article = articles[index]
                let extracted = extractor.extractNumbered(title: article.title, text: article.text)
                part.add(article: index, date: article.date, mentions: extracted.mentions, nameNumbers: extracted.names)
            }
            part.settle()
            parts.withLock { $0[slice] = part }
        }
        let builder = joined(
            parts.withLock { parts in
                let taken = parts
                parts = []
                return taken
            })
        let index = builder.build()
        Concurrently.release(consume builder)
        return index
    }

    /// The slice builders appended in order, as `append` does, in three steps: the groups on this
    /// thread (each slice's depend on the ones before), each slice's articles renumbered to the
    /// whole's groups on all cores, in place, then the records put together; the slices are freed
    /// on a worker. The first slice's builder is the start of the whole one: appending it to an
    /// empty builder copied its groups one dictionary insertion at a time, on one core.
    static func joined(_ slices: consuming [EntityIndexBuilder]) -> EntityIndexBuilder {
        guard !slices.isEmpty else { return EntityIndexBuilder() }
        var whole = EntityIndexBuilder()
        swap(&whole, &slices[0])
        var numbers: [[Int]] = [[]]
        for index in slices.indices.dropFirst() {
            slices[index].settle()
            numbers.append(whole.appendGroups(of: slices[index]))
        }
        let renumbered = Mutex(consume slices)
        let groupNumbers = numbers
        DispatchQueue.concurrentPerform(iterations: groupNumbers.count - 1) { part in
            var slice = renumbered.withLock { slices in
                var slice = EntityIndexBuilder()
                swap(&slice, &slices[part + 1])
                return slice
            }
            slice.renumberArticles(groupNumbers[part + 1])
            renumbered.withLock { slices in swap(&slice, &slices[part + 1]) }
        }
        let rest = renumbered.withLock { slices in
            let taken = slices
            slices = []
            return taken
        }
        whole.articles.reserveCapacity(rest.reduce(whole.articles.count) { $0 + $1.articles.count })
        for slice in rest.dropFirst() { whole.articles += slice.articles }
        Concurrently.release(consume rest)
        return whole
    }

    /// Takes in the articles of `later` as if they had been added to this builder after its own:
    /// `later`'s groups come in its first-seen order, new ones after this builder's, so appending
    /// slice builders in order gives the groups, counts and articles of one sequential builder.
    public mutating func append(_ later: EntityIndexBuilder) {
        var later = later
        later.settle()
        later.renumberArticles(appendGroups(of: later))
        articles += later.articles
    }

    /// Merges the groups of `later` (settled) into this builder's, new ones after this builder's in
    /// `later`'s first-seen order; returns the number here of each group of `later`.
    mutating func appendGroups(of later: EntityIndexBuilder) -> [Int] {
        var remapped = [Int](repeating: 0, count: later.groups.count)
        for (local, group) in later.groups.enumerated() {
            if let existing = groupByKey[group.key] {
                groups[existing].names.merge(group.names, uniquingKeysWith: +)
                groups[existing].surfaces.merge(group.surfaces, uniquingKeysWith: +)
                groups[existing].types.merge(group.types, uniquingKeysWith: +)
                remapped[local] = existing
            } else {
                remapped[local] = groups.count
                groupByKey[group.key] = groups.count
                groups.append(group)
            }
        }
        return remapped
    }

    /// Gives every entity of the articles the group number `numbers` has for it.
    mutating func renumberArticles(_ numbers: [Int]) {
        for record in articles.indices {
            for slot in articles[record].entities.indices {
                articles[record].entities[slot].group = numbers[articles[record].entities[slot].group]
            }
        }
    }
}
