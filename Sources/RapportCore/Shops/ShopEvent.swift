/// What a shop webhook reports, in Rapport's terms.
public enum ShopEvent: Sendable, Equatable {
    /// An order was created or changed (the payload is the whole order).
    case order(OrderInput)
    /// Money was refunded on the order the shop knows by this id.
    case refund(orderExternalID: String, RefundInput)
    /// A customer was created or changed, with what the shop records of their consent
    /// (Shopify's marketing consent, in its own topics or, before API 2025-01, in the customer).
    case customer(CustomerInput, consents: [ConsentInput] = [])
    /// A topic Rapport has no use for (answered 200 so the shop does not retry it).
    case ignored(topic: String)
}
