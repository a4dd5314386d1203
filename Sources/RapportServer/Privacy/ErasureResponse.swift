import Foundation
import RapportCore

/// What an erasure answers: the erased ids, what became of the orders, the rows removed or
/// blanked per table, and that it cannot be undone.
struct ErasureResponse: Encodable {
    let customerID: String
    let customerIDs: [String]
    let erasedAt: Date
    let irreversible = true
    let message: String
    let orders: String
    let rows: [String: Int]

    private enum CodingKeys: String, CodingKey {
        case customerID, customerIDs = "customer_ids", erasedAt, irreversible, message, orders, rows
    }

    init(_ receipt: ErasureReceipt) {
        customerID = receipt.customerID
        customerIDs = receipt.customerIDs
        erasedAt = receipt.erasedAt
        message = "Customer \(receipt.customerID) is erased. This cannot be undone: its ids now answer 410 Gone."
        orders = receipt.orders.rawValue
        rows = receipt.rows
    }
}
