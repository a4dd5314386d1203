import Foundation

/// An erasure as events carry it: the erased ids (the customer and every record merged into
/// them), so subscribers can find and erase what they hold, what became of the orders, and
/// when. Nothing else of the person: it is gone. This event is the one place the ids remain,
/// linked to nothing.
public struct CustomerErasedEventPayload: EventPayload {
    public static let version = 1

    public let customerID: String
    public let customerIDs: [String]
    public let erasedAt: Date
    public let orders: String

    private enum CodingKeys: String, CodingKey {
        case customerID, customerIDs = "customer_ids", erasedAt, orders
    }

    public init(_ receipt: ErasureReceipt) {
        customerID = receipt.customerID
        customerIDs = receipt.customerIDs
        erasedAt = receipt.erasedAt
        orders = receipt.orders.rawValue
    }
}
