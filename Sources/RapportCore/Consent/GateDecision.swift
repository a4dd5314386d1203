/// What the consent gate says of a message: it may go, or it is held and why.
public enum GateDecision: Sendable, Equatable {
    case send
    /// No consent that holds now for its purpose and channel (missing, denied, withdrawn or
    /// expired), or the customer paused messages.
    case noConsent(String)
    /// The address is suppressed on its channel.
    case suppressed(String)

    public var allows: Bool { self == .send }
}
