import Foundation

/// An identity a customer gained or lost, with where it came from and whether it was proven.
public struct IdentityEventPayload: EventPayload {
    public static let version = 1

    public let createdAt: Date
    public let id: String
    public let kind: IdentityKind
    public let provenance: IdentityProvenance
    @OmittedWhenNil public var source: String?
    public let value: String

    public init(_ identity: Identity) {
        createdAt = identity.createdAt
        id = identity.id
        kind = identity.kind
        provenance = identity.provenance
        source = identity.source
        value = identity.value
    }
}
