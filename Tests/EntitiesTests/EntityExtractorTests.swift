import Testing

@testable import Entities

@Suite struct EntityExtractorTests {
    static let extractor = try! EntityExtractor.loadDefault()

    func found(_ text: String, title: String = "") -> [String: EntityType] {
        var result: [String: EntityType] = [:]
        for mention in Self.extractor.extract(title: title, text: text) { result[mention.name] = mention.type }
        return result
    }

    @Test func connectorsJoinInstitutionNames() {
        let entities = found("He visited the Bank of Japan and the Ministry of Foreign Affairs in Tokyo on Monday.")
        #expect(entities["Bank of Japan"] == .organization)
        #expect(entities["Ministry of Foreign Affairs"] == .organization)
        #expect(entities["Tokyo"] == .location)
        #expect(entities["Monday"] == nil)
    }

    @Test func pluralPossessivesStayInsideOrganisationNames() {
        let entities = found(
            "The Harwick Dockworkers\u{2019} Union called a strike. Leaders of the Workers' Party met the "
                + "Smiths' lawyer in Oslo.")
        #expect(entities["Harwick Dockworkers\u{2019} Union"] == .organization)
        #expect(entities["Workers' Party"] == .organization)
        #expect(entities["Harwick Dockworkers"] == nil)
        // A possessive before an ordinary noun is no part of a name.
        #expect(entities["Smiths' lawyer"] == nil)
    }

    @Test func aNameInAppositionWithARoleIsAPerson() {
        let entities = found(
            "Helena Strand, chief executive of the port authority, was disappointed. They met Copper Vane, "
                + "the union\u{2019}s chair, on Monday. Valby Port, a busy harbour, stayed open.")
        #expect(entities["Helena Strand"] == .person)
        #expect(entities["Copper Vane"] == .person)
        #expect(entities["Valby Port"] != .person)
    }

    @Test func contextTypesNamesTheListsDoNotKnow() {
        let entities = found(
            "Organisers said the race would start early. Ships were diverted to Gdańsk on Monday. "
                + "Baltic Freight Lines said bookings fell. The farms lie near the Dogger shoals. "
                + "Tests showed the K3 running at twice the speed.")
        #expect(entities["Organisers"] == nil)
        #expect(entities["Gdańsk"] == .location)
        #expect(entities["Baltic Freight Lines"] == .organization)
        #expect(entities["Dogger"] == .location)
        #expect(entities["K3"] == .other)
    }

    @Test func anInstitutionOfSomethingInsideANameIsAnOrganisation() {
        let entities = found("The Estmark Chamber of Commerce welcomed the deal on Tuesday.")
        #expect(entities["Estmark Chamber of Commerce"] == .organization)
    }

    @Test func titlesAreStrippedAndMakePeople() {
        let entities = found("Talks were led by Secretary of State Mike Pompeo and Prime Minister Kowalczyk.")
        #expect(entities["Mike Pompeo"] == .person)
        #expect(entities["Kowalczyk"] == .person)
        #expect(entities.keys.allSatisfy { !$0.contains("Secretary") && !$0.contains("Minister") })
    }

    @Test func sentenceStartsAreNotNamesUnlessKnown() {
        let entities = found("Despite the rain, crowds came. Meanwhile prices rose. Germany agreed. Overall it worked.")
        #expect(entities["Germany"] == .location)
        #expect(entities["Despite"] == nil && entities["Meanwhile"] == nil && entities["Overall"] == nil)
    }

    @Test func lowercaseUseElsewhereMarksACommonWord() {
        let entities = found("Zorbles fell sharply. Analysts said zorbles were cheap.")
        #expect(entities["Zorbles"] == nil)
    }

    @Test func aliasesResolveWithinTheArticle() {
        let mentions = Self.extractor.extract(
            title: "", text: "Angela Merkel met officials in the US. Later, Merkel flew to the United States.")
        let merkel = mentions.filter { $0.surface == "Merkel" }
        #expect(merkel.count == 1 && merkel[0].name == "Angela Merkel" && merkel[0].type == .person)
        let countries = mentions.filter { $0.type == .location }.map(\.name)
        #expect(countries == ["United States", "United States"])
    }

    @Test func allCapsHeadlinesKeepOnlyNames() {
        let mentions = Self.extractor.extract(
            title: "JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT", text: "Japan beat Syria in the Asian Cup.")
        let titleNames = Set(mentions.filter(\.inTitle).map(\.name))
        #expect(titleNames == ["Japan", "China"])
    }

    @Test func resultsLinesMakeTeams() {
        let entities = found("Results on Saturday:\n\nLeeds 2 Chelsea 1\n\nWigan beat Burnley on Friday.")
        #expect(entities["Leeds"] == .organization)
        #expect(entities["Burnley"] == .organization)
    }

    @Test func demonymsAreGroupsAndSplitFromTitles() {
        let entities = found("The talks angered German Foreign Minister Klaus Kinkel, and Iraqis protested.")
        #expect(entities["German"] == .group)
        #expect(entities["Klaus Kinkel"] == .person)
        #expect(entities["Iraqis"] == .group)
    }

    @Test func aTitleInsideARunSplitsOffTheNameBeforeIt() {
        let entities = found(
            "The case was brought by New York Attorney General Eliot Spitzer and Bank of England Governor Mervyn King.")
        #expect(entities["New York"] == .location)
        #expect(entities["Eliot Spitzer"] == .person)
        #expect(entities["Bank of England"] == .organization)
        #expect(entities["Mervyn King"] == .person)
    }

    @Test func contractionsAreNoNames() {
        let entities = found("“I'm sure it works,” he said. “We're not. I’ve never seen Paris.”")
        #expect(Set(entities.keys) == ["Paris"])
    }

    @Test func organisationsAnswerToTheirFirstWord() {
        let mentions = Self.extractor.extract(
            title: "", text: "Analysts at Zanfield Brothers expect growth. Zanfield cut its forecast on Friday.")
        #expect(mentions.map(\.name) == ["Zanfield Brothers", "Zanfield Brothers"])
        #expect(mentions.allSatisfy { $0.type == .organization })
    }

    @Test func titleMentionsCarryTitleOffsets() {
        let mentions = Self.extractor.extract(title: "Merkel visits Paris", text: "Angela Merkel arrived.")
        let inTitle = mentions.filter(\.inTitle)
        #expect(inTitle.map(\.surface) == ["Merkel", "Paris"])
        #expect(inTitle.first?.name == "Angela Merkel")
        #expect(inTitle.last.map { $0.start..<$0.end } == 14..<19)
    }

    @Test func emptyAndOddInputGiveNoMentions() {
        #expect(Self.extractor.extract(title: "", text: "").isEmpty)
        #expect(Self.extractor.extract(title: "...", text: "—— ” 123 ,,, \n\n\n").isEmpty)
    }
}
