import Foundation
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

    /// The byte-wise slug of ASCII names spells the words that replacing "&", "+" and "#" with
    /// words and joining on dashes gives.
    @Test(arguments: [
        "AT&T", "C++", "C#", "&", "& &", "a&&b", "+x+", "R&D #2", "Procter & Gamble", "a  b", "F# and C#", "##",
    ])
    func asciiSlugsMatchTheWordReplacement(_ name: String) {
        let words = EntityName.folded(name).replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "+", with: " plus ").replacingOccurrences(of: "#", with: " sharp ")
            .split(separator: " ")
        #expect(EntityName.slug(name) == (words.isEmpty ? "entity" : words.joined(separator: "-")))
    }
}
