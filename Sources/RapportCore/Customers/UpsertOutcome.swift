/// What an upsert did: the customer as it stands, whether it was new, and the merges and
/// suggestions the identities led to.
public struct UpsertOutcome: Sendable {
    public var customer: Customer
    public var created: Bool
    public var mergeIDs: [String]
    public var suggestionCount: Int
    /// Identities that proof took away from a customer who had merely asserted them.
    public var takenIdentityCount: Int

    public init(customer: Customer, created: Bool, mergeIDs: [String] = [], suggestionCount: Int = 0, takenIdentityCount: Int = 0) {
        self.customer = customer
        self.created = created
        self.mergeIDs = mergeIDs
        self.suggestionCount = suggestionCount
        self.takenIdentityCount = takenIdentityCount
    }

    /// Whether identities now belong to other customers than before the upsert.
    public var movedIdentities: Bool { !mergeIDs.isEmpty || takenIdentityCount > 0 }
}
