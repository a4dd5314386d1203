/// What a shop webhook reports, in Rapport's terms.
public enum ShopEvent: Sendable, Equatable {
    /// An order was created or changed (the payload is the whole order).
    case order(OrderInput)
    /// Money was refunded on the order the shop knows by this id.
    case refund(orderExternalID: String, RefundInput)
    /// A customer was created or changed.
    case customer(CustomerInput)
    /// A topic Rapport has no use for (answered 200 so the shop does not retry it).
    case ignored(topic: String)
}
