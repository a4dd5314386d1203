/// An event as read back from the log, with its position in it.
public struct StoredDomainEvent: Sendable, Equatable {
    public var position: EventPosition
    public var event: DomainEvent

    /// The event's sequence number: unique and increasing in the order events were appended.
    public var sequence: Int64 { position.sequence }

    public init(position: EventPosition, event: DomainEvent) {
        self.position = position
        self.event = event
    }
}
