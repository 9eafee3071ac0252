import Foundation

extension ArticleCatalog {
    /// One page of articles matching the list request, and the exact number that match.
    func page(for request: ArticleListRequest) -> (total: Int, indexes: [Int]) {
        let range = indexRange(from: request.from, to: request.to)
        let unfiltered = request.sources.isEmpty && request.categories.isEmpty && range.count == articles.count
        if unfiltered {
            let count = articles.count
            let first = min(request.offset, count)
            let window = first..<(first + min(request.limit, count - first))
            switch request.sort {
            case .newestFirst: return (count, Array(window))
            case .id: return (count, window.map { Int(byID[$0]) })
            case .date: return (count, window.map { count - 1 - $0 })
            }
        }
        var indexes = Array(range)
        if !request.sources.isEmpty {
            indexes = Self.intersect(
                indexes, Self.union(request.sources.map { indexesBySource[$0.lowercased()] ?? [] }))
        }
        if !request.categories.isEmpty {
            indexes = Self.intersect(
                indexes, Self.union(request.categories.map { indexesByCategory[$0.lowercased()] ?? [] }))
        }
        switch request.sort {
        case .newestFirst: break
        case .date: indexes.reverse()
        case .id: indexes.sort { articles[$0].id < articles[$1].id }
        }
        return (indexes.count, Array(indexes.dropFirst(request.offset).prefix(request.limit)))
    }

    /// The intersection of two ascending lists, ascending.
    static func intersect(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(min(a.count, b.count))
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                result.append(a[i])
                i += 1
                j += 1
            }
        }
        return result
    }

    /// The union of ascending lists, ascending, without repeats.
    static func union(_ lists: [[Int]]) -> [Int] {
        guard lists.count > 1 else { return lists.first ?? [] }
        return Array(Set(lists.joined())).sorted()
    }
}
