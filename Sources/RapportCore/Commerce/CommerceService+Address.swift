import Foundation

extension CommerceService {
    /// Sends an order somewhere else, which is only possible until it leaves the warehouse.
    /// Runs inside the caller's transaction (the bot changes the address in the same
    /// transaction as its answer).
    func changeShippingAddress(orderID: String, to address: Address, workspaceID: String, transaction: WriteTransaction) async throws -> Order {
        let session = transaction.session
        var order = try await storedOrder(id: orderID, workspaceID: workspaceID, session: session)
        guard [.pending, .paid].contains(order.status) else {
            throw RapportError.conflict("Order \(order.number) is \(order.status.rawValue); its address can no longer change.")
        }
        let now = clock.now()
        order.shippingAddress = address
        order.updatedAt = now
        try await session.orders.update(order)
        var log = CommerceChangeLog(context: context)
        log.add(OrderChange(.addressChanged, order))
        try await log.flush(to: transaction)
        return order
    }
}
