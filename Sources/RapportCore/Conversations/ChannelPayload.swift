/// Everything one provider webhook delivered: new messages and delivery reports.
public struct ChannelPayload: Sendable, Equatable {
    public var messages: [InboundMessage]
    public var deliveries: [DeliveryUpdate]

    public init(messages: [InboundMessage] = [], deliveries: [DeliveryUpdate] = []) {
        self.messages = messages
        self.deliveries = deliveries
    }
}
