/// What an upsert did: the customer as it stands, whether it was new, and the merges and
/// suggestions the identities led to.
public struct UpsertOutcome: Sendable {
    public var customer: Customer
    public var created: Bool
    public var mergeIDs: [String]
    public var suggestionCount: Int

    public init(customer: Customer, created: Bool, mergeIDs: [String] = [], suggestionCount: Int = 0) {
        self.customer = customer
        self.created = created
        self.mergeIDs = mergeIDs
        self.suggestionCount = suggestionCount
    }
}
