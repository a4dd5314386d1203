/// What a domain event carries: a typed value the event log serialises (`JSONDocumentEncoder`:
/// snake_case keys in the order the type declares them) and stores beside its `version`.
///
/// A payload is a contract with webhook subscribers and readers of the log: a new field may
/// be added within a version; a field removed, renamed or given another meaning is a new
/// version, so a consumer can tell old events from new ones (`DomainEvent.payloadVersion`,
/// `data_version` in a webhook delivery).
public protocol EventPayload: Encodable, Sendable {
    static var version: Int { get }
}

extension EventPayload {
    /// The payload as the log stores it.
    public var json: String {
        JSONDocumentEncoder.text(self)
    }
}
