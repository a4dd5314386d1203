import Foundation
import RapportCore

/// A return (RMA) as the API shows it.
struct ReturnResponse: Encodable {
    struct Item: Encodable {
        let lineID: String
        let quantity: Int
    }

    let createdAt: Date
    let currency: String
    let customerID: String
    let id: String
    let items: [Item]
    let object = "return"
    let orderID: String
    let reason: String
    let refundAmount: Int64?
    let status: ReturnStatus
    let updatedAt: Date

    init(orderReturn: OrderReturn) {
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
