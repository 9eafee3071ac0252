import Testing

@testable import Entities

@Suite struct EntityNameTests {
    @Test(arguments: [
        ("Pete Hegseth", "pete hegseth", "pete-hegseth"), ("U.S.", "us", "us"), ("São Paulo", "sao paulo", "sao-paulo"),
        ("Self-Defense Forces", "self defense forces", "self-defense-forces"), ("O’Brien", "obrien", "obrien"),
        ("!!!", "", "entity"), ("AT&T", "at&t", "at-and-t"), ("O'Brien Ltd.", "obrien ltd", "obrien-ltd"),
    ])
    func foldsAndSlugs(_ name: String, _ folded: String, _ slug: String) {
        #expect(EntityName.folded(name) == folded)
        #expect(EntityName.slug(name) == slug)
    }
}
