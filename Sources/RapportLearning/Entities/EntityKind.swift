/// What an entity in a customer's message is.
public enum EntityKind: String, Sendable, CaseIterable {
    case orderNumber = "order_number"
    case email
    case phone
    case date
    case amount
}
