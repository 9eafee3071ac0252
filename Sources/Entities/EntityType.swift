/// The kinds of named thing the extractor reports. Raw values are the stable names used in ids
/// (`person/pete-hegseth`) and in the JSON contract.
public enum EntityType: String, Sendable, Hashable, CaseIterable, Codable {
    case person
    case organization
    case location
    case group
    case event
    case other

    /// The CoNLL-2003 label the type is scored as.
    public var conllLabel: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .group, .event, .other: "MISC"
        }
    }
}
