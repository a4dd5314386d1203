/// A conversation missed an SLA target: the conversation as it is, and which target.
public struct SLABreachEventPayload: EventPayload {
    public static let version = 1

    public let conversation: ConversationEventPayload
    public let target: SLATarget
}
