public protocol InteractionRepository: Sendable {
    func insert(_ interactions: [Interaction]) async throws
    /// The customer's touchpoints, newest `occurredAt` first.
    func timeline(customerID: String, workspaceID: String, page: PageRequest) async throws -> Page<Interaction>
    /// Moves every touchpoint of `fromCustomerID` to `toCustomerID`, remembering each under `mergeID`.
    func moveAll(from fromCustomerID: String, to toCustomerID: String, mergeID: String, workspaceID: String) async throws
    /// Remembers a row written for a merged-away customer onto its survivor (a consent change
    /// sent for the old id), so that undoing `mergeID` takes it back too.
    func rememberMove(of rowID: String, underMerge mergeID: String) async throws
    /// Moves the touchpoints remembered under `mergeID` back to `customerID`.
    func moveBack(mergeID: String, to customerID: String, workspaceID: String) async throws
}
