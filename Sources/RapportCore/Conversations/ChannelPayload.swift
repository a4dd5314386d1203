/// Everything one provider webhook delivered: new messages, delivery reports, and choices
/// people made in the app (WhatsApp's marketing stop and resume).
public struct ChannelPayload: Sendable, Equatable {
    public var messages: [InboundMessage]
    public var deliveries: [DeliveryUpdate]
    public var preferences: [ContactPreference]

    public init(messages: [InboundMessage] = [], deliveries: [DeliveryUpdate] = [], preferences: [ContactPreference] = []) {
        self.messages = messages
        self.deliveries = deliveries
        self.preferences = preferences
    }
}
