import Foundation

/// Orders with their lines and fulfilments, and refunds. Every call is scoped to one workspace.
public protocol OrderRepository: Sendable {
    func insert(_ orders: [Order]) async throws
    /// Writes a stored order's fields, lines and fulfilments.
    func update(_ order: Order) async throws
    func find(id: String, workspaceID: String) async throws -> Order?
    /// The orders with these ids in `source`.
    func find(source: String, externalIDs: [String], workspaceID: String) async throws -> [Order]
    /// Orders by number (a number may repeat across sources), newest first.
    func find(number: String, workspaceID: String) async throws -> [Order]
    func list(filter: OrderFilter, workspaceID: String, page: PageRequest) async throws -> Page<Order>
    /// Purchases at a glance for one customer.
    func summary(customerID: String, workspaceID: String) async throws -> CommerceSummary
    func insertRefund(_ refund: Refund) async throws
    func refundExists(source: String, externalID: String, workspaceID: String) async throws -> Bool
}
