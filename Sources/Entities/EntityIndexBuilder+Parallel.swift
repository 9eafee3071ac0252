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
        // The first slice's builder is the start of the whole one: appending it to an empty
        // builder copied its groups one dictionary insertion at a time, on one core.
        let builder = parts.withLock { parts in
            var whole = EntityIndexBuilder()
            swap(&whole, &parts[0])
            for index in parts.indices.dropFirst() {
                whole.append(parts[index])
                parts[index] = EntityIndexBuilder()
            }
            return whole
        }
        let index = builder.build()
        Concurrently.release(consume builder)
        return index
    }

    /// Takes in the articles of `later` as if they had been added to this builder after its own:
    /// `later`'s groups come in its first-seen order, new ones after this builder's, so appending
    /// slice builders in order gives the groups, counts and articles of one sequential builder.
    public mutating func append(_ later: EntityIndexBuilder) {
        var later = later
        later.settle()
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
        articles.reserveCapacity(articles.count + later.articles.count)
        for var record in later.articles {
            for slot in record.entities.indices { record.entities[slot].group = remapped[record.entities[slot].group] }
            articles.append(record)
        }
    }
}
