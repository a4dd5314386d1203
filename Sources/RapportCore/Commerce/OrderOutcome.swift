/// What an order write did: the order as it stands and whether it was new.
public struct OrderOutcome: Sendable {
    public var order: Order
    public var created: Bool

    public init(order: Order, created: Bool) {
        self.order = order
        self.created = created
    }
}
