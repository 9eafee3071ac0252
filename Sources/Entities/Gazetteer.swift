import Foundation

/// The name lists the extractor types with, loaded from the files `Scripts/generate-gazetteers.py`
/// generates from Debian's iso-codes, WordNet, miscfiles and wamerican (see Docs/ENTITIES.md).
public struct Gazetteer: Sendable {
    /// Every known name, exactly as written in the sources, with what it is.
    var names: [String: NameFlags]
    /// Lower-case dictionary words: a capitalised sentence start found here is probably no name.
    var commonWords: Set<String>
    /// Other ways of writing a country ("U.S.", "Russian Federation") to its canonical name.
    var countryAliases: [String: String]
    /// Word prefixes of multi-word names that end in a lower-case connector ("Bosnia and",
    /// "United States of"), so that a name is not cut at its connector.
    var connectorPrefixes: Set<String>

    init(
        names: [String: NameFlags], commonWords: Set<String>, countryAliases: [String: String],
        connectorPrefixes: Set<String>
    ) {
        self.names = names
        self.commonWords = commonWords
        self.countryAliases = countryAliases
        self.connectorPrefixes = connectorPrefixes
    }

    /// Loads the gazetteers shipped as this module's resources.
    public static func loadDefault() throws -> Gazetteer {
        guard let url = Bundle.module.url(forResource: "Gazetteer", withExtension: nil) else {
            throw EntitiesError.gazetteerUnreadable(path: "\(Bundle.module.bundlePath)/Gazetteer")
        }
        return try load(from: url)
    }

    /// Loads the generated files from `directory`.
    public static func load(from directory: URL) throws -> Gazetteer {
        var names: [String: NameFlags] = [:]
        names.reserveCapacity(40_000)
        func mark(_ name: Substring, _ flag: NameFlags) {
            names[String(name), default: []].insert(flag)
        }
        for (number, line) in try lines(of: "locations.tsv", in: directory).enumerated() {
            guard let tab = line.firstIndex(of: "\t"),
                let flag = NameFlags(locationKind: line[line.index(after: tab)...])
            else {
                throw EntitiesError.malformedGazetteerLine(file: "locations.tsv", line: number + 1)
            }
            mark(line[..<tab], flag)
        }
        let simpleLists: [(String, NameFlags)] = [
            ("people.txt", .person), ("given-names.txt", .givenName), ("surnames.txt", .surname),
            ("organizations.txt", .organization), ("groups.txt", .group), ("events.txt", .event),
            ("works.txt", .work), ("proper-nouns.txt", .properNoun),
        ]
        for (file, flag) in simpleLists {
            for line in try lines(of: file, in: directory) { mark(line, flag) }
        }
        var aliases: [String: String] = [:]
        for (number, line) in try lines(of: "country-aliases.tsv", in: directory).enumerated() {
            let columns = line.split(separator: "\t")
            guard columns.count == 2 else {
                throw EntitiesError.malformedGazetteerLine(file: "country-aliases.tsv", line: number + 1)
            }
            aliases[String(columns[0])] = String(columns[1])
            mark(columns[0], .country)
        }
        let common = Set(try lines(of: "common-words.txt", in: directory).map(String.init))
        var prefixes: Set<String> = []
        for name in names.keys where name.contains(" ") {
            let words = name.split(separator: " ")
            for (index, word) in words.enumerated().dropFirst() where index < words.count - 1 {
                if word.first?.isLowercase == true || word == "&" {
                    prefixes.insert(words[...index].joined(separator: " "))
                }
            }
        }
        return Gazetteer(names: names, commonWords: common, countryAliases: aliases, connectorPrefixes: prefixes)
    }

    static func lines(of file: String, in directory: URL) throws -> [Substring] {
        let url = directory.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw EntitiesError.gazetteerUnreadable(path: url.path)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
    }

    /// What the gazetteers know of `name` (empty when nothing).
    /// What the lists know of a name, as written or, failing that, without its accents.
    func flags(_ name: String) -> NameFlags {
        if let flags = names[name] { return flags }
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return [] }
        return names[EntityName.withoutAccents(name)] ?? []
    }

    func isCommonWord(_ lowercased: String) -> Bool {
        commonWords.contains(lowercased)
    }
}
