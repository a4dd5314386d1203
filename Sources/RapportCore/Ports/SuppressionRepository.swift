import Foundation

/// Channel-wide suppressions, found by address (stored as its digest), and the soft bounces
/// counted towards one.
public protocol SuppressionRepository: Sendable {
    func suppress(_ suppression: Suppression) async throws
    /// Lifts every hold of these reasons on the address (an SMS `START` lifts a `STOP`).
    func lift(channel: ConsentChannel, address: String, reasons: [SuppressionReason], workspaceID: String) async throws
    /// The reasons the address is held for, if any.
    func reasons(channel: ConsentChannel, address: String, workspaceID: String) async throws -> [SuppressionReason]
    /// The reasons each of several addresses is held for, by address; addresses held for none are left out.
    func reasons(channel: ConsentChannel, addresses: [String], workspaceID: String) async throws -> [String: [SuppressionReason]]
    /// The channel's whole suppression list, to ask of many addresses (the audience resolution).
    func lookup(channel: ConsentChannel, workspaceID: String) async throws -> any SuppressionLookup
    /// Records a soft bounce of the address at `date`, once per message — by its `messageID`,
    /// else by the provider's own id (`providerID`), so a provider that reports every failed try
    /// of one message, or redelivers a report, counts once; with neither, each report counts —,
    /// forgets the address's soft bounces from before `since`, and answers how many it has had
    /// since then.
    func recordSoftBounce(
        channel: ConsentChannel, address: String, messageID: String?, providerID: String?, workspaceID: String, at date: Date, since: Date
    ) async throws -> Int
    /// How many soft bounces of the address are on record (a read: `recordSoftBounce` forgets
    /// old ones only when the address bounces again, `purgeSoftBounces` hourly).
    func softBounceCount(channel: ConsentChannel, address: String, workspaceID: String) async throws -> Int
    /// Forgets the address's soft bounces (its mailbox took a message since); returns how many.
    func clearSoftBounces(channel: ConsentChannel, address: String, workspaceID: String) async throws -> Int
    /// Forgets every address's soft bounces from before `cutoff`; returns how many.
    func purgeSoftBounces(before cutoff: Date) async throws -> Int
}
