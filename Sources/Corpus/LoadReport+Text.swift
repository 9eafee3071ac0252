extension LoadReport: CustomStringConvertible {
    /// The report as plain lines for logs and `newsdesk check`: a summary, the count per
    /// format, then every skipped record, duplicate and warning on its own line.
    public var description: String {
        var lines = [
            "Loaded \(count(articlesLoaded, "article")) from \(count(filesRead, "file")) in "
                + "\(formatSeconds(elapsedSeconds)) s"
        ]
        for entry in formats where entry.files > 0 {
            lines.append(
                "  \(entry.format.rawValue): \(count(entry.files, "file")), \(count(entry.articles, "article"))")
        }
        if filesIgnored > 0 {
            lines.append("  ignored: \(count(filesIgnored, "file")) with other extensions")
        }
        for (title, issues) in [("Skipped", skipped), ("Duplicate ids", duplicates), ("Warnings", warnings)]
        where !issues.isEmpty {
            lines.append("\(title) (\(issues.count)):")
            lines += issues.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private func formatSeconds(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
