/// Where an order stands. The usual path is `pending → paid → fulfilled → delivered`;
/// `cancelled` ends an order before fulfilment, refunds end it or leave it partly refunded.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case pending, paid, fulfilled, delivered, cancelled, refunded
    case partiallyRefunded = "partially_refunded"

    /// Whether a person or the API may move an order from this status to `next`. Changes
    /// reported by a connected shop are taken as they come: the shop is the record.
    public func canMove(to next: OrderStatus) -> Bool {
        switch (self, next) {
        case (.pending, .paid), (.pending, .cancelled), (.paid, .fulfilled), (.paid, .cancelled),
            (.fulfilled, .delivered):
            true
        case (.paid, .refunded), (.fulfilled, .refunded), (.delivered, .refunded), (.partiallyRefunded, .refunded),
            (.paid, .partiallyRefunded), (.fulfilled, .partiallyRefunded), (.delivered, .partiallyRefunded):
            true
        default:
            false
        }
    }

    /// Whether the order still counts towards what the customer spent.
    public var isCancelled: Bool { self == .cancelled }

    /// Whether goods have left the warehouse (changes of address or cancellation are too late).
    public var isFulfilled: Bool { [.fulfilled, .delivered].contains(self) }

    /// Whether reaching this status means money went back.
    public var isRefund: Bool { self == .refunded || self == .partiallyRefunded }
}
