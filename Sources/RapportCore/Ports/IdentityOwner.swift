/// The customer an identity belongs to, whether that customer is soft-deleted, and how the
/// link between them was learned.
public struct IdentityOwner: Sendable, Hashable {
    public var customerID: String
    public var isDeleted: Bool
    /// The stored identity's id (nil for one claimed inside the running batch, not yet stored).
    public var identityID: String?
    public var provenance: IdentityProvenance

    public init(customerID: String, isDeleted: Bool, identityID: String? = nil, provenance: IdentityProvenance) {
        self.customerID = customerID
        self.isDeleted = isDeleted
        self.identityID = identityID
        self.provenance = provenance
    }
}
