import Foundation
import RapportCore
import SQLKit

struct SQLReturnRepository: ReturnRepository {
    let handle: SQLConnectionHandle

    func insert(_ orderReturn: OrderReturn) async throws {
        try await handle.sql.raw("""
            INSERT INTO returns (id, workspace_id, order_id, customer_id, status, reason, items, refund_amount, currency,
              created_at, updated_at)
            VALUES (\(bind: orderReturn.id), \(bind: orderReturn.workspaceID), \(bind: orderReturn.orderID),
              \(bind: orderReturn.customerID), \(bind: orderReturn.status.rawValue), \(bind: orderReturn.reason),
              \(bind: try StoredJSON.encode(orderReturn.items)), \(bind: orderReturn.refundAmount),
              \(bind: orderReturn.currency), \(bind: Timestamp.microseconds(orderReturn.createdAt)),
              \(bind: Timestamp.microseconds(orderReturn.updatedAt)))
            """).run()
    }

    func update(_ orderReturn: OrderReturn) async throws {
        try await handle.sql.raw("""
            UPDATE returns SET status = \(bind: orderReturn.status.rawValue), refund_amount = \(bind: orderReturn.refundAmount),
              updated_at = \(bind: Timestamp.microseconds(orderReturn.updatedAt))
            WHERE id = \(bind: orderReturn.id) AND workspace_id = \(bind: orderReturn.workspaceID)
            """).run()
    }

    func find(id: String, workspaceID: String) async throws -> OrderReturn? {
        try await handle.sql.raw("""
            SELECT * FROM returns r WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "r", in: handle))
            """).first().map(Self.decode)
    }

    func list(orderID: String?, status: ReturnStatus?, workspaceID: String, page: PageRequest) async throws -> Page<OrderReturn> {
        var sql: SQLQueryString = "SELECT * FROM returns WHERE workspace_id = \(bind: workspaceID)"
        if let orderID { sql += " AND order_id = \(bind: orderID)" }
        if let status { sql += " AND status = \(bind: status.rawValue)" }
        if let cursor = page.startingAfter { sql += " AND id < \(bind: cursor)" }
        sql += " ORDER BY id DESC LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(sql).all()
        return Page(items: try rows.prefix(page.limit).map(Self.decode), hasMore: rows.count > page.limit)
    }

    func returns(orderID: String, workspaceID: String) async throws -> [OrderReturn] {
        try await handle.sql.raw("""
            SELECT * FROM returns WHERE order_id = \(bind: orderID) AND workspace_id = \(bind: workspaceID) ORDER BY id
            """).all().map(Self.decode)
    }

    func returns(customerID: String, workspaceID: String, limit: Int) async throws -> [OrderReturn] {
        try await handle.sql.raw("""
            SELECT * FROM returns WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            ORDER BY id DESC LIMIT \(literal: limit)
            """).all().map(Self.decode)
    }

    private static func decode(_ row: any SQLRow) throws -> OrderReturn {
        OrderReturn(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), orderID: try row.string("order_id"),
            customerID: try row.string("customer_id"),
            status: ReturnStatus(rawValue: try row.string("status")) ?? .requested, reason: try row.string("reason"),
            items: try row.document("items", as: [ReturnItem].self),
            refundAmount: try row.decode(column: "refund_amount", as: Int64?.self), currency: try row.string("currency"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
