/// What an erasure does with the person's orders. Shops must keep sales records for their
/// accounts, so by default orders stay with everything that named the person taken out
/// (e-mail, shipping address) and belong to an anonymous record; `delete` removes them too.
public enum ErasedOrders: String, Sendable, CaseIterable, Codable {
    case pseudonymise
    case delete
}
