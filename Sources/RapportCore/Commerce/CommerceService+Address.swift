import Foundation

extension CommerceService {
    /// Sends an order somewhere else, which is only possible until it leaves the warehouse.
    /// Runs inside the caller's transaction (the bot changes the address in the same
    /// transaction as its answer).
    func changeShippingAddress(orderID: String, to address: Address, workspaceID: String, session: any StoreSession) async throws -> Order {
        var order = try await storedOrder(id: orderID, workspaceID: workspaceID, session: session)
        guard [.pending, .paid].contains(order.status) else {
            throw RapportError.conflict("Order \(order.number) is \(order.status.rawValue); its address can no longer change.")
        }
        let now = clock.now()
        order.shippingAddress = address
        order.updatedAt = now
        try await session.orders.update(order)
        var log = CommerceChangeLog(customers: customers, workspaceID: workspaceID)
        log.event(.orderUpdated, subject: order.id, json: OrderDocument.json(order))
        log.touchpoint(
            .orderAddressChanged, order: order, direction: .internal,
            summary: "Order \(order.number) now ships to \(address.oneLine)", at: now)
        try await log.flush(to: session)
        return order
    }
}
