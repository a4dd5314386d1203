/// The customer an identity belongs to, and whether that customer is soft-deleted.
public struct IdentityOwner: Sendable, Hashable {
    public var customerID: String
    public var isDeleted: Bool

    public init(customerID: String, isDeleted: Bool) {
        self.customerID = customerID
        self.isDeleted = isDeleted
    }
}
