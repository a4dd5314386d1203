/// The suppression list of one channel of a workspace, read once, to ask of many addresses
/// without a query each (the audience resolution).
public protocol SuppressionLookup: Sendable {
    /// Nothing is suppressed on the channel.
    var isEmpty: Bool { get }
    /// Why the address is held, sorted; empty when it is not.
    func reasons(for address: String) -> [SuppressionReason]
}
