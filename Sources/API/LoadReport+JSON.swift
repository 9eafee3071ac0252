import Corpus

extension LoadReport {
    /// Issues listed per kind in `/v1/stats`; the counts are always exact, the lists stop here so a
    /// badly broken corpus cannot make the stats response huge.
    static let listedIssues = 100

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("seconds", elapsedSeconds)
            json.field("filesRead", filesRead)
            json.field("filesIgnored", filesIgnored)
            json.field("articlesLoaded", articlesLoaded)
            json.key("formats")
            json.object { json in
                for entry in formats {
                    json.key(named: entry.format.rawValue)
                    json.object { json in
                        json.field("files", entry.files)
                        json.field("articles", entry.articles)
                    }
                }
            }
            for (name, issues) in [("skipped", skipped), ("duplicates", duplicates), ("warnings", warnings)] {
                json.key(named: "\(name)Count")
                json.int(issues.count)
                json.key(named: name)
                json.array { json in
                    for issue in issues.prefix(Self.listedIssues) {
                        json.object { json in
                            json.field("path", issue.origin.path)
                            json.field("line", issue.origin.line)
                            json.field("element", issue.element)
                            json.field("reason", issue.problem.description)
                        }
                    }
                }
            }
        }
    }
}
