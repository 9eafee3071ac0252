import Corpus
import Entities
import Foundation
import Search

/// The JSON of search results and suggestions.
enum SearchJSON {
    static func results(_ results: SearchResults, parameters: SearchParameters, state: ServingState) -> [UInt8] {
        let catalog = state.catalog
        let entities = state.snapshot.entities
        var json = JSONWriter(capacity: 2048 + results.hits.count * 2048)
        json.object { json in
            json.field("query", parameters.query)
            json.field("total", results.total)
            json.field("limit", parameters.limit)
            json.field("offset", parameters.offset)
            let next: String?
            if parameters.cursor != nil {
                next = results.nextCursor.map { parameters.link(cursor: $0, offset: nil) }
            } else {
                let nextOffset = parameters.offset + parameters.limit
                next =
                    nextOffset < results.total && nextOffset <= SearchIndex.maximumOffset
                    ? parameters.link(cursor: nil, offset: nextOffset) : nil
            }
            json.field("next", next)
            json.field("cursor", results.nextCursor)
            json.field("typoTolerance", results.typoToleranceApplied)
            json.key("items")
            let summaries = catalog.summaryEntries(results.hits.map { Int($0.doc) })
            json.array { json in
                for (hit, summary) in zip(results.hits, summaries) {
                    json.object { json in
                        json.rawMembers(summary.identityMembers)
                        json.field("score", Double(hit.score))
                        json.key("matchedTerms")
                        json.array { json in for term in hit.matchedTerms { json.string(term) } }
                        json.key("snippets")
                        json.array { json in
                            for snippet in hit.snippets { SnippetJSON.write(snippet, into: &json) }
                        }
                        json.key("duplicates")
                        json.object { json in
                            json.field("count", hit.duplicates.count)
                            json.key("ids")
                            json.array { json in for doc in hit.duplicates { json.string(catalog.articles[doc].id) } }
                        }
                    }
                }
            }
            json.key("facets")
            json.object { json in
                for facet in results.facets {
                    json.key(named: facet.field)
                    json.array { json in
                        for value in facet.values {
                            json.object { json in
                                json.field("value", value.value)
                                if facet.field.hasPrefix("entity.") {
                                    json.field("name", entities.entity(id: value.value)?.name ?? value.value)
                                }
                                json.field("count", value.count)
                            }
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    /// Entity names first (they are what people type names for), then corpus words, without
    /// repeating a word an entity already offers; each list keeps its own ranking.
    /// Only spaces complete nothing: an empty list, not every name in the corpus.
    static func suggestions(prefix: String, limit: Int, snapshot: Snapshot) -> [UInt8] {
        let blank = prefix.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let named = blank ? [] : snapshot.entities.entities(prefix: prefix, sort: .articles, limit: limit).page
        let words = blank ? [] : snapshot.search.suggest(prefix: prefix, limit: limit)
        let entityCount = min(named.count, max(limit - words.count, (limit + 1) / 2))
        let shownNames = Set(named.prefix(entityCount).map { $0.name.lowercased() })
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.field("query", prefix)
            json.key("items")
            json.array { json in
                for entity in named.prefix(entityCount) {
                    json.object { json in
                        json.field("text", entity.name)
                        json.field("kind", "entity")
                        json.field("id", entity.id)
                        json.field("type", entity.type.rawValue)
                        json.field("count", entity.articleCount)
                    }
                }
                for word in words.filter({ !shownNames.contains($0.text.lowercased()) }).prefix(limit - entityCount) {
                    json.object { json in
                        json.field("text", word.text)
                        json.field("kind", "term")
                        json.field("count", word.weight)
                    }
                }
            }
        }
        return json.bytes
    }
}
