import Foundation

/// A touchpoint as a caller reports it; `occurredAt` defaults to now.
public struct InteractionInput: Sendable, Equatable {
    public var channel: String
    public var direction: String
    public var kind: String
    public var summary: String?
    public var occurredAt: Date?
    public var payload: JSONValue?

    public init(
        channel: String, direction: String, kind: String, summary: String? = nil, occurredAt: Date? = nil,
        payload: JSONValue? = nil
    ) {
        self.channel = channel
        self.direction = direction
        self.kind = kind
        self.summary = summary
        self.occurredAt = occurredAt
        self.payload = payload
    }
}
