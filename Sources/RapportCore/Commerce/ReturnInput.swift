/// A return as a customer, an agent or the bot asks for it.
public struct ReturnInput: Sendable, Equatable {
    public var orderID: String
    public var items: [ReturnItem]
    public var reason: String

    public init(orderID: String, items: [ReturnItem], reason: String) {
        self.orderID = orderID
        self.items = items
        self.reason = reason
    }
}
