import Foundation
import RapportCore
import SQLKit

struct SQLOrderRepository: OrderRepository {
    let handle: SQLConnectionHandle

    private static let orderColumns = [
        "id", "workspace_id", "customer_id", "number", "source", "external_id", "status", "channel", "currency",
        "subtotal", "discount", "tax", "shipping", "total", "refunded", "discount_codes", "shipping_address", "email",
        "fulfillments", "placed_at", "paid_at", "fulfilled_at", "delivered_at", "cancelled_at", "created_at",
        "updated_at", "source_updated_at",
    ]
    private static let lineColumns = [
        "id", "workspace_id", "order_id", "position", "product_id", "variant_id", "sku", "title", "quantity",
        "unit_price", "discount",
    ]

    func insert(_ orders: [Order]) async throws {
        guard !orders.isEmpty else { return }
        let orderRows = try orders.map(Self.orderCells)
        async let lineRows = orders.flatMap(Self.lineCells)
        try await handle.dialect.bulkInsert(table: "orders", columns: Self.orderColumns, rows: orderRows, on: handle)
        try await handle.dialect.bulkInsert(table: "order_lines", columns: Self.lineColumns, rows: await lineRows, on: handle)
    }

    func update(_ order: Order) async throws {
        let totals = order.totals
        try await handle.sql.raw("""
            UPDATE orders SET number = \(bind: order.number), status = \(bind: order.status.rawValue),
              channel = \(bind: order.channel.rawValue), currency = \(bind: order.currency),
              subtotal = \(bind: totals.subtotal), discount = \(bind: totals.discount), tax = \(bind: totals.tax),
              shipping = \(bind: totals.shipping), total = \(bind: totals.total), refunded = \(bind: totals.refunded),
              discount_codes = \(bind: StoredJSON.tags(order.discountCodes)),
              shipping_address = \(bind: order.shippingAddress.map { StoredJSON.addresses([$0]) }),
              email = \(bind: order.email), fulfillments = \(bind: try Self.fulfillmentsJSON(order.fulfillments)),
              paid_at = \(bind: order.paidAt.map(Timestamp.microseconds)),
              fulfilled_at = \(bind: order.fulfilledAt.map(Timestamp.microseconds)),
              delivered_at = \(bind: order.deliveredAt.map(Timestamp.microseconds)),
              cancelled_at = \(bind: order.cancelledAt.map(Timestamp.microseconds)),
              updated_at = \(bind: Timestamp.microseconds(order.updatedAt)),
              source_updated_at = \(bind: order.sourceUpdatedAt.map(Timestamp.microseconds))
            WHERE id = \(bind: order.id) AND workspace_id = \(bind: order.workspaceID)
            """).run()
        try await handle.sql.raw("DELETE FROM order_lines WHERE order_id = \(bind: order.id)").run()
        try await handle.dialect.bulkInsert(
            table: "order_lines", columns: Self.lineColumns, rows: Self.lineCells(order), on: handle)
    }

    func find(id: String, workspaceID: String) async throws -> Order? {
        try await assemble(handle.sql.raw("""
            SELECT * FROM orders o WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "o", in: handle))
            """).all()).first
    }

    func find(source: String, externalIDs: [String], workspaceID: String) async throws -> [Order] {
        var found: [Order] = []
        for chunk in externalIDs.slices(of: 500) {
            found += try await assemble(handle.sql.raw("""
                SELECT * FROM orders o WHERE workspace_id = \(bind: workspaceID) AND source = \(bind: source)
                  AND external_id IN (\(binds: chunk))\(unsafeRaw: handle.dialect.lockForUpdate(of: "o", in: handle))
                """).all())
        }
        return found
    }

    func find(number: String, workspaceID: String) async throws -> [Order] {
        try await assemble(handle.sql.raw("""
            SELECT * FROM orders WHERE workspace_id = \(bind: workspaceID) AND number = \(bind: number)
            ORDER BY placed_at DESC, id DESC LIMIT 20
            """).all())
    }

    func list(filter: OrderFilter, workspaceID: String, page: PageRequest) async throws -> Page<Order> {
        var sql: SQLQueryString = "SELECT * FROM orders WHERE workspace_id = \(bind: workspaceID)"
        if let customerID = filter.customerID { sql += " AND customer_id = \(bind: customerID)" }
        if let status = filter.status { sql += " AND status = \(bind: status.rawValue)" }
        if let from = filter.placedFrom { sql += " AND placed_at >= \(bind: Timestamp.microseconds(from))" }
        if let before = filter.placedBefore { sql += " AND placed_at < \(bind: Timestamp.microseconds(before))" }
        if let cursor = page.startingAfter {
            let anchor = try await handle.sql.raw("""
                SELECT placed_at FROM orders WHERE id = \(bind: cursor) AND workspace_id = \(bind: workspaceID)
                """).first()
            guard let anchor else { throw RapportError.invalid(field: "starting_after", "\(cursor) is not an order") }
            let time = try anchor.int("placed_at")
            sql += " AND (placed_at < \(bind: time) OR (placed_at = \(bind: time) AND id < \(bind: cursor)))"
        }
        sql += " ORDER BY placed_at DESC, id DESC LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(sql).all()
        return Page(items: try await assemble(Array(rows.prefix(page.limit))), hasMore: rows.count > page.limit)
    }

    func summary(customerID: String, workspaceID: String) async throws -> CommerceSummary {
        var summary = CommerceSummary()
        let totals = try await handle.sql.raw("""
            SELECT currency, COUNT(*) AS order_count,
              CAST(SUM(CASE WHEN status = 'cancelled' THEN 0 ELSE total - refunded END) AS BIGINT) AS spent
            FROM orders WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            GROUP BY currency
            """).all()
        for row in totals {
            summary.orderCount += Int(try row.int("order_count"))
            summary.totalSpent[try row.string("currency")] = try row.int("spent")
        }
        if summary.orderCount > 0, let last = try await handle.sql.raw("""
            SELECT id, number, status, total, currency, placed_at FROM orders
            WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            ORDER BY placed_at DESC, id DESC LIMIT 1
            """).first() {
            summary.lastOrder = OrderHeadline(
                id: try last.string("id"), number: try last.string("number"),
                status: OrderStatus(rawValue: try last.string("status")) ?? .pending, total: try last.int("total"),
                currency: try last.string("currency"), placedAt: try last.date("placed_at"))
        }
        let open = ReturnStatus.allCases.filter(\.isOpen).map(\.rawValue)
        if let row = try await handle.sql.raw("""
            SELECT COUNT(*) AS open_returns FROM returns
            WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID) AND status IN (\(binds: open))
            """).first() {
            summary.openReturns = Int(try row.int("open_returns"))
        }
        return summary
    }

    func insertRefund(_ refund: Refund) async throws {
        try await handle.sql.raw("""
            INSERT INTO refunds (id, workspace_id, order_id, amount, reason, source, external_id, created_at)
            VALUES (\(bind: refund.id), \(bind: refund.workspaceID), \(bind: refund.orderID), \(bind: refund.amount),
              \(bind: refund.reason), \(bind: refund.source), \(bind: refund.externalID),
              \(bind: Timestamp.microseconds(refund.createdAt)))
            """).run()
    }

    func refundExists(source: String, externalID: String, workspaceID: String) async throws -> Bool {
        try await handle.sql.raw("""
            SELECT 1 AS found FROM refunds WHERE workspace_id = \(bind: workspaceID) AND source = \(bind: source)
              AND external_id = \(bind: externalID)
            """).first() != nil
    }

    /// Orders from their rows with their lines (one query), in the rows' order.
    private func assemble(_ rows: [any SQLRow]) async throws -> [Order] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.string("id") }
        let lineRows = try await handle.sql.raw("""
            SELECT * FROM order_lines WHERE order_id IN (\(binds: ids)) ORDER BY order_id, position
            """).all()
        var lines: [String: [OrderLine]] = [:]
        for row in lineRows {
            lines[try row.string("order_id"), default: []].append(OrderLine(
                id: try row.string("id"), productID: try row.optionalString("product_id"),
                variantID: try row.optionalString("variant_id"), sku: try row.optionalString("sku"),
                title: try row.string("title"), quantity: Int(try row.int("quantity")), unitPrice: try row.int("unit_price"),
                discount: try row.int("discount")))
        }
        return try rows.map { row in
            let id = try row.string("id")
            let fulfillments = try row.string("fulfillments")
            return Order(
                id: id, workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"),
                number: try row.string("number"), source: try row.string("source"),
                externalID: try row.string("external_id"),
                status: OrderStatus(rawValue: try row.string("status")) ?? .pending,
                channel: OrderChannel(rawValue: try row.string("channel")) ?? .web, currency: try row.string("currency"),
                lines: lines[id] ?? [],
                totals: OrderTotals(
                    subtotal: try row.int("subtotal"), discount: try row.int("discount"), tax: try row.int("tax"),
                    shipping: try row.int("shipping"), total: try row.int("total"), refunded: try row.int("refunded")),
                discountCodes: try StoredJSON.decodeList([String].self, from: try row.string("discount_codes")),
                shippingAddress: try row.optionalString("shipping_address")
                    .flatMap { try StoredJSON.decodeList([Address].self, from: $0).first },
                email: try row.optionalString("email"),
                fulfillments: try StoredJSON.decodeList([Fulfillment].self, from: fulfillments),
                placedAt: try row.date("placed_at"), paidAt: try row.optionalDate("paid_at"),
                fulfilledAt: try row.optionalDate("fulfilled_at"), deliveredAt: try row.optionalDate("delivered_at"),
                cancelledAt: try row.optionalDate("cancelled_at"), createdAt: try row.date("created_at"),
                updatedAt: try row.date("updated_at"), sourceUpdatedAt: try row.optionalDate("source_updated_at"))
        }
    }

    private static func fulfillmentsJSON(_ fulfillments: [Fulfillment]) throws -> String {
        fulfillments.isEmpty ? "[]" : try StoredJSON.encode(fulfillments)
    }

    private static func orderCells(_ order: Order) throws -> [SQLCell] {
        let totals = order.totals
        return [
            .text(order.id), .text(order.workspaceID), .text(order.customerID), .text(order.number), .text(order.source),
            .text(order.externalID), .text(order.status.rawValue), .text(order.channel.rawValue), .text(order.currency),
            .integer(totals.subtotal), .integer(totals.discount), .integer(totals.tax), .integer(totals.shipping),
            .integer(totals.total), .integer(totals.refunded), .text(StoredJSON.tags(order.discountCodes)),
            .text(order.shippingAddress.map { StoredJSON.addresses([$0]) }), .text(order.email),
            .text(try fulfillmentsJSON(order.fulfillments)), .integer(Timestamp.microseconds(order.placedAt)),
            .integer(order.paidAt.map(Timestamp.microseconds)), .integer(order.fulfilledAt.map(Timestamp.microseconds)),
            .integer(order.deliveredAt.map(Timestamp.microseconds)), .integer(order.cancelledAt.map(Timestamp.microseconds)),
            .integer(Timestamp.microseconds(order.createdAt)), .integer(Timestamp.microseconds(order.updatedAt)),
            .integer(order.sourceUpdatedAt.map(Timestamp.microseconds)),
        ]
    }

    private static func lineCells(_ order: Order) -> [[SQLCell]] {
        order.lines.enumerated().map { position, line in
            [
                .text(line.id), .text(order.workspaceID), .text(order.id), .integer(Int64(position)), .text(line.productID),
                .text(line.variantID), .text(line.sku), .text(line.title), .integer(Int64(line.quantity)),
                .integer(line.unitPrice), .integer(line.discount),
            ]
        }
    }
}
