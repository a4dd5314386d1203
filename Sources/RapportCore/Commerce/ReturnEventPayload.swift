import Foundation

/// A return (RMA) as events carry it.
public struct ReturnEventPayload: EventPayload {
    public static let version = 1

    public struct Item: Encodable, Sendable {
        public let lineID: String
        public let quantity: Int
    }

    public let createdAt: Date
    public let currency: String
    public let customerID: String
    public let id: String
    public let items: [Item]
    public let object = "return"
    public let orderID: String
    public let reason: String
    public let refundAmount: Int64?
    public let status: ReturnStatus
    public let updatedAt: Date

    public init(orderReturn: OrderReturn) {
        createdAt = orderReturn.createdAt
        currency = orderReturn.currency
        customerID = orderReturn.customerID
        id = orderReturn.id
        items = orderReturn.items.map { Item(lineID: $0.lineID, quantity: $0.quantity) }
        orderID = orderReturn.orderID
        reason = orderReturn.reason
        refundAmount = orderReturn.refundAmount
        status = orderReturn.status
        updatedAt = orderReturn.updatedAt
    }
}
