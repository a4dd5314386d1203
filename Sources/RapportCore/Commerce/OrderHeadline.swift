import Foundation

/// An order in one line: enough to name it in a view or a chat.
public struct OrderHeadline: Sendable, Equatable, Codable {
    public var id: String
    public var number: String
    public var status: OrderStatus
    public var total: Int64
    public var currency: String
    public var placedAt: Date

    public init(id: String, number: String, status: OrderStatus, total: Int64, currency: String, placedAt: Date) {
        self.id = id
        self.number = number
        self.status = status
        self.total = total
        self.currency = currency
        self.placedAt = placedAt
    }
}
