import Foundation
import Testing

@testable import Entities

@Suite struct GazetteerTests {
    static let gazetteer = try! Gazetteer.loadDefault()

    @Test(arguments: [
        ("Japan", NameFlags.country), ("Tokyo", .city), ("East China Sea", .water), ("Iwo Jima", .island),
        ("Japanese", .group), ("Iraqis", .group), ("World War II", .event), ("U.S.", .country),
    ])
    func knowsNames(_ name: String, _ flag: NameFlags) {
        #expect(Self.gazetteer.flags(name).contains(flag), "\(name)")
    }

    /// WordNet calls Helena a "state capital": a city, not a state. iso-codes lists places after a
    /// comma in "Saint Helena, Ascension and Tristan da Cunha": the first one is the name.
    @Test(arguments: ["Helena", "Boston", "Denver", "Atlanta"])
    func stateCapitalsAreCitiesNotCountries(_ name: String) {
        #expect(Self.gazetteer.flags(name).contains(.city), "\(name)")
        #expect(!Self.gazetteer.flags(name).contains(.country), "\(name)")
    }

    @Test func listedTerritoriesKeepTheirFirstName() {
        #expect(Self.gazetteer.flags("Saint Helena").contains(.country))
        #expect(Self.gazetteer.flags("Ascension and Tristan da Cunha Saint Helena").isEmpty)
        #expect(Self.gazetteer.flags("British Virgin Islands").contains(.country))
    }

    @Test func knowsCommonWordsAndCountryAliases() {
        #expect(Self.gazetteer.isCommonWord("despite"))
        #expect(!Self.gazetteer.isCommonWord("hegseth"))
        #expect(Self.gazetteer.countryAlias("U.S.") == "United States")
        #expect(Self.gazetteer.countryAlias("Russian Federation") == "Russia")
        #expect(Self.gazetteer.connectorPrefixes.contains("Bosnia and"))
    }

    @Test func missingFolderIsATypedError() {
        let url = URL(fileURLWithPath: "/nonexistent-gazetteer")
        #expect(throws: EntitiesError.gazetteerUnreadable(path: "/nonexistent-gazetteer/locations.tsv")) {
            try Gazetteer.load(from: url)
        }
    }

    @Test func malformedLineIsATypedError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Japan\tcountry\nAtlantis\tmyth\n".write(
            to: directory.appendingPathComponent("locations.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: EntitiesError.malformedGazetteerLine(file: "locations.tsv", line: 2)) {
            try Gazetteer.load(from: directory)
        }
    }
}

/// The byte-wise spelling swaps find the same variants as Foundation's string replacement did.
@Suite struct SpellingVariantTests {
    static func foundationVariant(_ gazetteer: Gazetteer, _ word: String) -> Bool {
        guard word.utf8.count >= 6, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        let swaps = [
            ("is", "iz"), ("ys", "yz"), ("our", "or"), ("tre", "ter"), ("ll", "l"), ("ogue", "og"), ("ae", "e"),
            ("oe", "e"), ("ence", "ense"),
        ]
        return swaps.contains { british, american in
            word.contains(british) && gazetteer.isCommonWord(word.replacingOccurrences(of: british, with: american))
        }
    }

    @Test func byteSwapsAgreeWithStringReplacement() throws {
        let gazetteer = try Gazetteer.loadDefault()
        let british = [
            "organisers", "centre", "travelled", "catalogue", "paediatric", "foetus", "licence", "analyse",
            "colour", "labourers", "llllll", "isisisis", "Centre", "cafés", "metres", "fulfil",
        ]
        let sampled = gazetteer.commonWords.keys.sorted().enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
        var agreeing = 0
        for word in british + sampled {
            #expect(gazetteer.isCommonWordVariant(word) == Self.foundationVariant(gazetteer, word), "\(word)")
            agreeing += 1
        }
        #expect(gazetteer.isCommonWordVariant("organisers") && gazetteer.isCommonWordVariant("travelled"))
        #expect(agreeing > 10_000)
    }
}
