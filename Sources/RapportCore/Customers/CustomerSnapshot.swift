import Foundation

/// A customer as it was at one moment, kept in a merge record so the merge can be undone.
public struct CustomerSnapshot: Sendable, Equatable, Codable {
    public var profile: CustomerProfile
    public var identities: [Identity]
    public var createdAt: Date
    public var updatedAt: Date

    public init(_ customer: Customer) {
        self.profile = customer.profile
        self.identities = customer.identities
        self.createdAt = customer.createdAt
        self.updatedAt = customer.updatedAt
    }
}
