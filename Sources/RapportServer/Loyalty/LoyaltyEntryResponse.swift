import Foundation
import RapportCore

/// A ledger entry as the API shows it: `points` moves the usable balance, `pending_points` the
/// points waiting for the returns window.
struct LoyaltyEntryResponse: Encodable {
    let object = "loyalty_entry"
    let id: String
    let customerId: String
    let kind: String
    let points: Int64
    let pendingPoints: Int64
    let reason: String
    let orderId: String?
    let origin: String
    let actor: String?
    let createdAt: String

    init(_ entry: LoyaltyEntry) {
        id = entry.id
        customerId = entry.customerID
        kind = entry.kind.rawValue
        points = entry.points
        pendingPoints = entry.pendingPoints
        reason = entry.reason
        orderId = entry.orderID
        origin = entry.origin
        actor = entry.actor
        createdAt = Timestamp.iso8601(entry.createdAt)
    }
}
