/// An event as read back from the log, with its position (a strictly increasing sequence number).
public struct StoredDomainEvent: Sendable, Equatable {
    public var sequence: Int64
    public var event: DomainEvent

    public init(sequence: Int64, event: DomainEvent) {
        self.sequence = sequence
        self.event = event
    }
}
