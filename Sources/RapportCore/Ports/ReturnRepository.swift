/// Returns (RMAs). Every call is scoped to one workspace.
public protocol ReturnRepository: Sendable {
    func insert(_ orderReturn: OrderReturn) async throws
    func update(_ orderReturn: OrderReturn) async throws
    func find(id: String, workspaceID: String) async throws -> OrderReturn?
    /// Returns, newest first; of one order or in one status when given.
    func list(orderID: String?, status: ReturnStatus?, workspaceID: String, page: PageRequest) async throws -> Page<OrderReturn>
    /// Returns of an order, oldest first (to know what was already sent back).
    func returns(orderID: String, workspaceID: String) async throws -> [OrderReturn]
    /// The customer's latest returns, newest first.
    func returns(customerID: String, workspaceID: String, limit: Int) async throws -> [OrderReturn]
}
