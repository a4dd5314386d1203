import Foundation

/// An outgoing webhook: where Rapport posts the events of the chosen types, and the secret
/// their signature is made with (kept as is: signing needs the key itself).
public struct WebhookSubscription: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var url: String
    /// Event type names (`conversation.created`), or `*` for all.
    public var eventTypes: [String]
    public var secret: String
    public var active: Bool
    public var createdAt: Date

    public init(id: String, workspaceID: String, url: String, eventTypes: [String], secret: String, active: Bool, createdAt: Date) {
        self.id = id
        self.workspaceID = workspaceID
        self.url = url
        self.eventTypes = eventTypes
        self.secret = secret
        self.active = active
        self.createdAt = createdAt
    }

    /// Whether an event of this type goes to it through the event log. A journey's webhook
    /// call (`journey.webhook`) goes only to the webhook its step names, never by type.
    public func wants(_ type: DomainEventType) -> Bool {
        active && type.isSubscribable && (eventTypes.contains("*") || eventTypes.contains(type.rawValue))
    }
}
