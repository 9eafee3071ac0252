import Testing

@testable import Entities

@Suite struct EntityTypeTests {
    @Test(arguments: [(EntityType.person, "PER"), (.organization, "ORG"), (.location, "LOC"), (.group, "MISC")])
    func mapsToCoNLLLabels(_ type: EntityType, _ label: String) {
        #expect(type.conllLabel == label)
    }
}
