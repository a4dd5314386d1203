import Foundation

/// The payload of `loyalty.points_changed`: the entry as the ledger keeps it — which customer,
/// its kind, the usable and pending points it moves, its reason, the order it came from.
public struct LoyaltyEntryEventPayload: EventPayload {
    public static let version = 1
    public var entryID: String
    public var customerID: String
    public var kind: String
    public var points: Int64
    public var pendingPoints: Int64
    public var reason: String
    public var orderID: String?
    public var origin: String
    public var actor: String?
    public var createdAt: Date

    init(_ entry: LoyaltyEntry) {
        entryID = entry.id
        customerID = entry.customerID
        kind = entry.kind.rawValue
        points = entry.points
        pendingPoints = entry.pendingPoints
        reason = entry.reason
        orderID = entry.orderID
        origin = entry.origin
        actor = entry.actor
        createdAt = entry.createdAt
    }
}
