import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Store metrics")
struct StoreMetricsTests {
    static func order(_ number: String, _ customer: String, day: Int, total: Int64, status: OrderStatus = .paid, tags: [String] = [], start: Date) -> OrderInput {
        var input = OrderInput(
            customer: CustomerInput(identities: [IdentityInput(kind: "email", value: "\(customer)@example.com")], tags: tags),
            number: number, source: "shop", status: status, currency: "EUR",
            lines: [OrderLineInput(sku: "SKU", title: "Thing", quantity: 1, unitPrice: total)])
        input.placedAt = start.addingTimeInterval(Double(day) * 86_400 + 3_600)
        return input
    }

    /// Orders over fourteen months: the range is the 30 days from `start`.
    static func fill(_ services: Services, start: Date) async throws -> [OrderOutcome] {
        var orders: [OrderInput] = []
        let days = [-400, -370, -340, -20, -5, 0, 3, 3, 10, 12, 17, 25, 29, 31, 40]
        for (index, day) in days.enumerated() {
            let customer = "c\(index % 6)"
            orders.append(Self.order("N\(index)", customer, day: day, total: 1_000 + Int64(index) * 250, tags: index % 6 < 2 ? ["vip"] : [], start: start))
        }
        orders.append(Self.order("X1", "c1", day: 8, total: 9_999, status: .cancelled, start: start))
        orders.append(Self.order("Y1", "c9", day: -345, total: 4_200, start: start))
        return try await services.commerce.upsertOrders(orders, as: .operator(workspaceID: services.workspaceID))
    }

    @Test("every figure equals a plain SQL recomputation, for everyone and for a tagged segment", arguments: TestDatabase.available)
    func metricsAgreeWithSQL(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let start = Date(timeIntervalSince1970: 1_780_272_000)  // 2026-06-01
            let end = start.addingTimeInterval(30 * 86_400)
            let placed = try await Self.fill(services, start: start)
            // A return on the order of day 10.
            let returned = try #require(placed.first { $0.order.number == "N8" }?.order)
            _ = try await services.commerce.requestReturn(
                ReturnInput(orderID: returned.id, items: [ReturnItem(lineID: returned.lines[0].id, quantity: 1)], reason: "Too small"),
                as: .operator(workspaceID: services.workspaceID))
            let actor = Actor.operator(workspaceID: services.workspaceID)
            for (filter, tagClause) in [(CustomerFilter(), ""), (CustomerFilter(tag: "vip"), " AND c.tags LIKE '%\"vip\"%'")] {
                let metrics = try await services.metrics.metrics(from: start, to: end, filter: filter, as: actor)
                let (from, to) = (Timestamp.microseconds(start), Timestamp.microseconds(end))
                let live = "FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status <> 'cancelled' AND c.deleted_at IS NULL\(tagClause)"
                let inRange = "\(live) AND o.placed_at >= \(from) AND o.placed_at < \(to)"
                let totals = try await store.integers("SELECT COUNT(*) AS orders, CAST(SUM(o.total - o.refunded) AS BIGINT) AS revenue, COUNT(DISTINCT o.customer_id) AS buyers \(inRange)")[0]
                #expect(Int64(metrics.orders) == totals[0] && metrics.revenue == totals[1] && Int64(metrics.customers) == totals[2])
                let newCustomers = try await store.integers("""
                    SELECT COUNT(*) FROM (SELECT o.customer_id, MIN(o.placed_at) AS first_at \(live) GROUP BY o.customer_id) f
                    WHERE f.first_at >= \(from) AND f.first_at < \(to)
                    """)[0][0]
                #expect(Int64(metrics.newCustomers) == newCustomers && Int64(metrics.returningCustomers) == totals[2]! - newCustomers!)
                let repeaters = try await store.integers("""
                    SELECT COUNT(*) FROM (SELECT o.customer_id \(live) AND o.placed_at < \(to) GROUP BY o.customer_id HAVING COUNT(*) >= 2) r
                    WHERE r.customer_id IN (SELECT o.customer_id \(inRange))
                    """)[0][0]
                #expect(metrics.repeatPurchaseRate == Double(repeaters!) / Double(totals[2]!))
                #expect(metrics.averageOrderValue == Double(totals[1]!) / Double(totals[0]!))
                #expect(metrics.purchaseFrequency == Double(totals[0]!) / Double(totals[2]!))
                let returns = try await store.integers("SELECT COUNT(*) \(inRange) AND EXISTS (SELECT 1 FROM returns x WHERE x.order_id = o.id)")[0][0]
                #expect(metrics.returnRate == Double(returns!) / Double(totals[0]!))
                let gaps = try await store.integers("""
                    SELECT o.placed_at - (SELECT MAX(p.placed_at) FROM orders p WHERE p.customer_id = o.customer_id
                      AND p.status <> 'cancelled' AND p.placed_at < o.placed_at) \(inRange)
                    """).compactMap { $0[0] }
                let meanDays = gaps.isEmpty ? nil : gaps.map { Double($0) / 86_400_000_000 }.reduce(0, +) / Double(gaps.count)
                #expect(abs((metrics.averageDaysBetweenOrders ?? -1) - (meanDays ?? -1)) < 1e-9)
                let length = to - from
                let previous = try await store.integers("SELECT CAST(COALESCE(SUM(o.total - o.refunded), 0) AS BIGINT) \(live) AND o.placed_at >= \(from - length) AND o.placed_at < \(from)")[0][0]
                #expect(metrics.previousRevenue == previous)
                let yearAgo = (Timestamp.microseconds(start.addingTimeInterval(-365 * 86_400)), Timestamp.microseconds(end.addingTimeInterval(-365 * 86_400)))
                let lastYear = try await store.integers("SELECT CAST(COALESCE(SUM(o.total - o.refunded), 0) AS BIGINT) \(live) AND o.placed_at >= \(yearAgo.0) AND o.placed_at < \(yearAgo.1)")[0][0]
                #expect(metrics.lastYearRevenue == lastYear)
                #expect(metrics.growthPeriodOverPeriod == (previous! > 0 ? Double(totals[1]! - previous!) / Double(previous!) : nil))
                #expect(metrics.days.count == 30 && metrics.days.reduce(0) { $0 + $1.revenue } == metrics.revenue)
                #expect(metrics.referralRate == nil && metrics.netPromoterScore == nil)
            }
            // Hand-checked for everyone: 9 orders on days 0–29 (the cancelled one left out), 6 customers.
            let everyone = try await services.metrics.metrics(from: start, to: end, filter: CustomerFilter(), as: actor)
            #expect(everyone.orders == 8 && everyone.customers == 6 && everyone.returnRate == 1.0 / 8)
            await #expect(throws: RapportError.self) { try await services.metrics.metrics(from: end, to: start, filter: CustomerFilter(), as: actor) }
        }
    }

    @Test("the cohort matrix: each first-order month's customers and the share ordering again in each later month", arguments: TestDatabase.available)
    func cohorts(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let start = Date(timeIntervalSince1970: 1_780_272_000)  // 2026-06-01
            let orders = [
                Self.order("a1", "a", day: 0, total: 100, tags: ["vip"], start: start), Self.order("a2", "a", day: 31, total: 100, start: start),
                Self.order("a3", "a", day: 62, total: 100, start: start), Self.order("b1", "b", day: 5, total: 100, start: start),
                Self.order("b2", "b", day: 70, total: 100, start: start), Self.order("c1", "c", day: 35, total: 100, start: start),
                Self.order("d1", "d", day: -40, total: 100, start: start), Self.order("d2", "d", day: 40, total: 100, start: start),
            ]
            _ = try await services.commerce.upsertOrders(orders, as: .operator(workspaceID: services.workspaceID))
            let end = start.addingTimeInterval(92 * 86_400)  // 2026-09-01
            let actor = Actor.operator(workspaceID: services.workspaceID)
            // The matrix reads the customers' RFM rows: empty until the first round.
            #expect(try await services.metrics.cohorts(months: 3, end: end, filter: CustomerFilter(), as: actor).cohorts.isEmpty)
            try await services.rfm.recompute(as: .operator(workspaceID: services.workspaceID))
            let matrix = try await services.metrics.cohorts(months: 3, end: end, filter: CustomerFilter(), as: actor)
            // June: a and b; a buys in July and August, b in August. July: c, nothing after. d's first order is in April.
            #expect(matrix.cohorts.map(\.customers) == [2, 1])
            #expect(matrix.cohorts[0].retention == [0.5, 1.0] && matrix.cohorts[1].retention == [0])
            #expect(Timestamp.iso8601(matrix.cohorts[0].month).hasPrefix("2026-06-01"))
            // Ending a month earlier, August has not begun.
            let july = try await services.metrics.cohorts(months: 2, end: start.addingTimeInterval(61 * 86_400), filter: CustomerFilter(), as: actor)
            #expect(july.cohorts.map(\.customers) == [2, 1] && july.cohorts[0].retention == [0.5] && july.cohorts[1].retention.isEmpty)

            // c orders again in August and b's August order is cancelled: the next round moves both.
            services.clock.advance(by: 60)
            _ = try await services.commerce.upsertOrders([Self.order("c2", "c", day: 64, total: 100, start: start), Self.order("b2", "b", day: 70, total: 100, status: .cancelled, start: start)], as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.rfm.catchUp(as: .operator(workspaceID: services.workspaceID)) == 2)
            let moved = try await services.metrics.cohorts(months: 3, end: end, filter: CustomerFilter(), as: actor)
            #expect(moved.cohorts[0].retention == [0.5, 0.5] && moved.cohorts[1].retention == [1])
            // A segment narrows the cohorts to its customers.
            let vip = try await services.metrics.cohorts(months: 3, end: end, filter: CustomerFilter(tag: "vip"), as: actor)
            #expect(vip.cohorts.map(\.customers) == [1] && vip.cohorts[0].retention == [1, 1])
        }
    }
}
