/// A customer's consent for one purpose and channel changed (`consent.changed`).
public struct ConsentChange: DomainChange {
    public var entry: ConsentEntry

    public init(_ entry: ConsentEntry) {
        self.entry = entry
    }

    public var eventType: DomainEventType { .consentChanged }
    public var workspaceID: String { entry.workspaceID }
    public var subjectID: String { entry.customerID }
    public var payload: any EventPayload { ConsentEventPayload(entry) }
}
