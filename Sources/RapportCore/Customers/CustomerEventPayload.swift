import Foundation

/// A customer as events carry it: the profile, every identity with its provenance, and
/// whether they were erased or merged into another.
public struct CustomerEventPayload: EventPayload {
    public static let version = 1

    public struct Identity: Encodable, Sendable {
        public let id: String
        public let kind: IdentityKind
        public let value: String
        public let source: String?
        public let createdAt: Date
        public let provenance: IdentityProvenance
    }

    public let id: String
    public let workspaceID: String
    public let firstName: String?
    public let lastName: String?
    public let locale: String?
    public let timezone: String?
    public let notes: String?
    public let addresses: [AddressEventPayload]
    public let tags: [String]
    public let attributes: JSONValue
    public let identities: [Identity]
    public let createdAt: Date
    public let updatedAt: Date
    public let deletedAt: Date?
    public let mergedIntoID: String?

    public init(_ customer: Customer) {
        let profile = customer.profile
        id = customer.id
        workspaceID = customer.workspaceID
        firstName = profile.firstName
        lastName = profile.lastName
        locale = profile.locale
        timezone = profile.timezone
        notes = profile.notes
        addresses = profile.addresses.map(AddressEventPayload.init)
        tags = profile.tags
        attributes = .object(profile.attributes.mapValues(\.jsonValue))
        identities = customer.identities.map {
            Identity(id: $0.id, kind: $0.kind, value: $0.value, source: $0.source, createdAt: $0.createdAt, provenance: $0.provenance)
        }
        createdAt = customer.createdAt
        updatedAt = customer.updatedAt
        deletedAt = customer.deletedAt
        mergedIntoID = customer.mergedIntoID
    }
}
