import Foundation

/// A customer: one person across every channel, with all the identities that recognise them.
public struct Customer: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var profile: CustomerProfile
    public var identities: [Identity]
    public var createdAt: Date
    public var updatedAt: Date
    /// Set while the customer is soft-deleted; the record is purged 30 days later.
    public var deletedAt: Date?
    /// Set when this customer was merged into another; the survivor's id.
    public var mergedIntoID: String?

    public init(
        id: String, workspaceID: String, profile: CustomerProfile, identities: [Identity], createdAt: Date,
        updatedAt: Date, deletedAt: Date? = nil, mergedIntoID: String? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.profile = profile
        self.identities = identities
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
        self.mergedIntoID = mergedIntoID
    }
}

extension Customer {
    /// Whether any proof names this customer (a proven identity). A profile built only from
    /// assertions — a browser's identify call, a web-chat visitor, an e-mail sender — is not:
    /// assertions may enrich it, but never one that holds proof.
    public var holdsProof: Bool {
        identities.contains { $0.provenance == .proven }
    }
}
