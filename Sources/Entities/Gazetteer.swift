import Foundation

/// The name lists the extractor types with, loaded from the files `Scripts/generate-gazetteers.py`
/// generates from Debian's iso-codes, WordNet, miscfiles and wamerican (see Docs/ENTITIES.md).
public struct Gazetteer: Sendable {
    /// Every known name, exactly as written in the sources, to its `NameFlags` bits.
    var names: ByteKeyTable
    /// Lower-case dictionary words: a capitalised sentence start found here is probably no name.
    var commonWords: ByteKeyTable
    /// Other ways of writing a country ("U.S.", "Russian Federation") to the place of its
    /// canonical name in `countryNames`.
    var countryAliases: ByteKeyTable
    var countryNames: [String]
    /// Word prefixes of multi-word names that end in a lower-case connector ("Bosnia and",
    /// "United States of"), so that a name is not cut at its connector.
    var connectorPrefixes: ByteKeyTable
    /// The first two words of every name of two words or more ("East China" for "East China
    /// Sea"), so that a search for names in a run of words can stop early.
    var twoWordPrefixes: ByteKeyTable

    init(
        names: ByteKeyTable, commonWords: ByteKeyTable, countryAliases: ByteKeyTable, countryNames: [String],
        connectorPrefixes: ByteKeyTable
    ) {
        self.names = names
        self.commonWords = commonWords
        self.countryAliases = countryAliases
        self.countryNames = countryNames
        self.connectorPrefixes = connectorPrefixes
        twoWordPrefixes = ByteKeyTable()
        for name in names.keys {
            let words = name.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            if words.count >= 2 { twoWordPrefixes.insert("\(words[0]) \(words[1])", value: 1) }
        }
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
        var names = ByteKeyTable()
        func mark(_ name: Substring, _ flag: NameFlags) {
            names.insert(String(name), value: flag.rawValue, combine: |)
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
        var aliases = ByteKeyTable()
        var countryNames: [String] = []
        for (number, line) in try lines(of: "country-aliases.tsv", in: directory).enumerated() {
            let columns = line.split(separator: "\t")
            guard columns.count == 2 else {
                throw EntitiesError.malformedGazetteerLine(file: "country-aliases.tsv", line: number + 1)
            }
            aliases.insert(String(columns[0]), value: UInt32(countryNames.count))
            countryNames.append(String(columns[1]))
            mark(columns[0], .country)
        }
        var common = ByteKeyTable()
        for line in try lines(of: "common-words.txt", in: directory) { common.insert(String(line), value: 1) }
        var prefixes = ByteKeyTable()
        for name in names.keys where name.contains(" ") {
            let words = name.split(separator: " ")
            for (index, word) in words.enumerated().dropFirst() where index < words.count - 1 {
                if word.first?.isLowercase == true || word == "&" {
                    prefixes.insert(words[...index].joined(separator: " "), value: 1)
                }
            }
        }
        return Gazetteer(
            names: names, commonWords: common, countryAliases: aliases, countryNames: countryNames,
            connectorPrefixes: prefixes)
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

    /// What the lists know of a name, as written or, failing that, without its accents.
    func flags(_ name: String) -> NameFlags {
        var name = name
        return name.withUTF8 { flags($0) }
    }

    /// `flags` of the name with these UTF-8 bytes.
    @inline(__always)
    func flags(_ name: UnsafeBufferPointer<UInt8>) -> NameFlags {
        if let bits = names.value(name) { return NameFlags(rawValue: bits) }
        guard name.contains(where: { $0 >= 0x80 }) else { return [] }
        let accentless = EntityName.withoutAccents(String(decoding: name, as: UTF8.self))
        return names.value(accentless).map(NameFlags.init(rawValue:)) ?? []
    }

    func isCommonWord(_ lowercased: String) -> Bool {
        commonWords.contains(lowercased)
    }

    @inline(__always)
    func isCommonWord(_ lowercased: UnsafeBufferPointer<UInt8>) -> Bool {
        commonWords.contains(lowercased)
    }

    /// Whether some name of two words or more may start with the two words `key` ("A B"): false
    /// only when none does, as written, in NFC or without accents (`flags` tries all three).
    func mayStartLongerName(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        key.contains(where: { $0 >= 0x80 }) || twoWordPrefixes.contains(key)
    }

    /// The canonical name of a country written another way ("U.S." -> "United States").
    func countryAlias(_ name: String) -> String? {
        countryAliases.value(name).map { countryNames[Int($0)] }
    }
}
