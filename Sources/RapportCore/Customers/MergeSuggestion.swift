import Foundation

/// Two customers that share an identity the policy does not trust enough to merge on its own.
public struct MergeSuggestion: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var candidateID: String
    public var identityKind: IdentityKind
    public var identityValue: String
    public var reason: String
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, customerID: String, candidateID: String, identityKind: IdentityKind,
        identityValue: String, reason: String, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.candidateID = candidateID
        self.identityKind = identityKind
        self.identityValue = identityValue
        self.reason = reason
        self.createdAt = createdAt
    }
}
