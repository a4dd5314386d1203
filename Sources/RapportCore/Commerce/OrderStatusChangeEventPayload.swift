/// An order moved from one status to another.
public struct OrderStatusChangeEventPayload: EventPayload {
    public static let version = 1

    public let from: OrderStatus
    public let number: String
    public let orderID: String
    public let to: OrderStatus

    public init(from: OrderStatus, order: Order) {
        self.from = from
        number = order.number
        orderID = order.id
        to = order.status
    }
}
