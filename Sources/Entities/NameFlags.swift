/// What the gazetteers know a name to be; a name may be several things ("Washington": a city, a
/// state, a person), and typing weighs the flags with the context.
///
/// At most 16 flags: `NameFlagsMemo` keeps them in the low 16 bits of a slot, and does not remember
/// (looks up again, correct but slower) names whose flags go past them.
public struct NameFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let country = NameFlags(rawValue: 1 << 0)
    public static let subdivision = NameFlags(rawValue: 1 << 1)
    public static let city = NameFlags(rawValue: 1 << 2)
    public static let water = NameFlags(rawValue: 1 << 3)
    public static let island = NameFlags(rawValue: 1 << 4)
    public static let region = NameFlags(rawValue: 1 << 5)
    public static let landform = NameFlags(rawValue: 1 << 6)
    public static let facility = NameFlags(rawValue: 1 << 7)
    public static let person = NameFlags(rawValue: 1 << 8)
    public static let givenName = NameFlags(rawValue: 1 << 9)
    public static let surname = NameFlags(rawValue: 1 << 10)
    public static let organization = NameFlags(rawValue: 1 << 11)
    public static let group = NameFlags(rawValue: 1 << 12)
    public static let event = NameFlags(rawValue: 1 << 13)
    public static let work = NameFlags(rawValue: 1 << 14)
    /// Listed capitalised in the common-word dictionary: a name of unknown kind.
    public static let properNoun = NameFlags(rawValue: 1 << 15)

    public static let location: NameFlags = [.country, .subdivision, .city, .water, .island, .region, .landform]
    /// Flags that say what a name is, as opposed to merely that it is one.
    public static let typed: NameFlags = [.location, .facility, .person, .organization, .group, .event, .work]

    /// The flag of a kind in `locations.tsv`.
    init?(locationKind: Substring) {
        switch locationKind {
        case "country": self = .country
        case "subdivision": self = .subdivision
        case "city": self = .city
        case "water": self = .water
        case "island": self = .island
        case "region": self = .region
        case "landform": self = .landform
        case "facility": self = .facility
        default: return nil
        }
    }
}
