/// A change of the domain as a typed value: what the event log stores (its type, subject and
/// payload) and what subscribers read (the changed records themselves).
public protocol DomainChange: Sendable {
    var eventType: DomainEventType { get }
    var workspaceID: String { get }
    var subjectID: String { get }
    /// The event's payload: the log serialises it, webhooks deliver it.
    var payload: any EventPayload { get }
}
