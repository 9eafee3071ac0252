import Foundation

/// Maps one JSON record onto an `Article`, by the field names real exports use. Names match
/// case-insensitively and ignore `_`, `-` and spaces (`published_at` is `publishedAt`). The
/// first field of a role wins; a repeat, and every field without a role, is kept as metadata
/// in record order. `null` and empty strings count as absent.
enum RecordMapper {
    enum Role {
        case id, title, body, date, source, url, author, category
    }

    static let roles: [String: Role] = {
        let names: [Role: [String]] = [
            .id: ["id", "articleid", "docid", "uuid"],
            .title: ["title", "headline"],
            .body: ["body", "text", "content", "articlebody", "fulltext", "bodytext"],
            .date: [
                "date", "published", "pubdate", "publishedat", "datetime", "publicationdate", "datepublished",
                "publishdate", "publisheddate",
            ],
            .source: ["source", "publisher", "site", "sitename", "outlet", "publication"],
            .url: ["url", "link", "permalink", "canonicalurl"],
            .author: ["author", "byline", "authors", "creator", "writer"],
            .category: ["category", "categories", "section", "topic"],
        ]
        var table: [String: Role] = [:]
        for (role, keys) in names {
            for key in keys { table[key] = role }
        }
        return table
    }()

    static func role(of key: String) -> Role? {
        if let folded = foldedASCII(key) { return roles[folded] }
        var folded = ""
        for scalar in key.unicodeScalars where scalar != "_" && scalar != "-" && scalar != " " {
            folded.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
        }
        return roles[folded]
    }

    /// `role(of:)`'s folding of an ASCII key, on its bytes: lower case, without `_`, `-` and spaces
    /// (what the scalars' lower-case mappings give for ASCII). Nil for any other key.
    private static func foldedASCII(_ key: String) -> String? {
        let bytes = key.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { folded in
            var count = 0
            for byte in bytes where byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") && byte != 0x20 {
                folded[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// Adds the record's article (or the reason it was skipped) and any warnings to `outcome`.
    static func map(_ object: JSONObject, origin: Article.Origin, element: Int?, into outcome: inout LoadOutcome) {
        var fields = Fields()
        var metadata: [Article.MetadataField] = []
        var warnings: [LoadProblem] = []
        for member in object.members {
            if case .null = member.value { continue }
            guard let role = role(of: member.key), !fields.has(role) else {
                metadata.append(.init(name: member.key, json: member.value.compactText))
                continue
            }
            switch fields.assign(role, member.value) {
            case .assigned: break
            case .empty: continue
            case .wrongType(let expected):
                warnings.append(.wrongFieldType(field: member.key, expected: expected, found: member.value.kind))
                metadata.append(.init(name: member.key, json: member.value.compactText))
            case .badDate(let text):
                warnings.append(.unparseableDate(field: member.key, value: text))
                metadata.append(.init(name: member.key, json: member.value.compactText))
            }
        }
        for warning in warnings { outcome.warn(origin, element: element, warning) }
        guard fields.title != nil || !fields.paragraphs.isEmpty else {
            outcome.skip(origin, element: element, .noTitleOrBody)
            return
        }
        let body = Article.body(ofParagraphs: fields.paragraphs)
        let title = fields.title ?? Headline.fromOpening(of: fields.paragraphs[0])
        // The derived id hashes the whole body: made only for a record without a usable id.
        let id: String
        if let raw = fields.id, let clean = ArticleID.sanitized(raw) {
            id = clean
            if clean != raw { outcome.warn(origin, element: element, .idRewritten(from: raw, to: clean)) }
        } else {
            id = ArticleID.derived(title: title, body: body)
            if let raw = fields.id { outcome.warn(origin, element: element, .idRewritten(from: raw, to: id)) }
        }
        outcome.articles.append(
            Article(
                id: id, title: title, body: body, paragraphs: fields.paragraphs, published: fields.date,
                source: fields.source, url: fields.url, author: fields.author, category: fields.category,
                metadata: metadata, origin: origin))
    }
}
