import Entities

/// The entity type names of the contract, in the order facets and docs list them.
enum EntityTypeNames {
    static let all = EntityType.allCases.map(\.rawValue)
}
