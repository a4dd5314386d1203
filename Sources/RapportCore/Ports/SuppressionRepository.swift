/// Channel-wide suppressions, found by address (stored as its digest).
public protocol SuppressionRepository: Sendable {
    func suppress(_ suppression: Suppression) async throws
    /// Lifts every hold of these reasons on the address (an SMS `START` lifts a `STOP`).
    func lift(channel: ConsentChannel, address: String, reasons: [SuppressionReason], workspaceID: String) async throws
    /// The reasons the address is held for, if any.
    func reasons(channel: ConsentChannel, address: String, workspaceID: String) async throws -> [SuppressionReason]
    /// The reasons each of several addresses is held for, by address; addresses held for none are left out.
    func reasons(channel: ConsentChannel, addresses: [String], workspaceID: String) async throws -> [String: [SuppressionReason]]
}
