import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("RFM")
struct RFMTests {
    @Test("the classic grid names every cell")
    func grid() {
        #expect(RFMSegment.of(recency: 5, frequency: 5) == .champions && RFMSegment.of(recency: 1, frequency: 1) == .lost)
        #expect(RFMSegment.of(recency: 5, frequency: 1) == .new && RFMSegment.of(recency: 4, frequency: 1) == .promising)
        #expect(RFMSegment.of(recency: 3, frequency: 3) == .needsAttention && RFMSegment.of(recency: 3, frequency: 2) == .aboutToSleep)
        #expect(RFMSegment.of(recency: 1, frequency: 5) == .cannotLoseThem && RFMSegment.of(recency: 2, frequency: 3) == .atRisk)
        #expect(RFMSegment.of(recency: 2, frequency: 1) == .hibernating && RFMSegment.of(recency: 4, frequency: 4) == .loyal)
        #expect(RFMSegment.of(recency: 4, frequency: 2) == .potentialLoyalist)
        let named = Set((1...5).flatMap { r in (1...5).map { f in RFMSegment.of(recency: r, frequency: f) } })
        #expect(named == Set(RFMSegment.allCases))
    }

    @Test("quintile cut points: equal values share a score, more recent, more often and more spent score higher")
    func thresholds() {
        let values: [(recencyDays: Double, orders: Int, monetary: Int64)] = (1...10).map { index in
            let orders: Int = index <= 6 ? 1 : index - 5
            return (Double(index * 10), orders, Int64(index) * 1_000)
        }
        let thresholds = RFMThresholds(values: values)
        #expect(thresholds.recencyDays == [30, 50, 70, 90] && thresholds.frequency == [1, 1, 2, 4])
        let top = thresholds.scores(recencyDays: 10, orders: 5, monetary: 10_000)
        #expect(top.r == 5 && top.f == 5 && top.m == 5)
        let bottom = thresholds.scores(recencyDays: 100, orders: 1, monetary: 1_000)
        #expect(bottom.r == 1 && bottom.f == 1 && bottom.m == 1)
        let middle = thresholds.scores(recencyDays: 50, orders: 2, monetary: 5_000)
        #expect(middle.r == 4 && middle.f == 3 && middle.m == 2)
    }

    @Test("scores per customer from their orders, then a new order moves its customer at once", arguments: TestDatabase.available)
    func incremental(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let now = services.clock.now()
            var orders: [OrderInput] = []
            // Customer k (0–9) last ordered 10·k + 1 days ago, ordered k + 1 times, spending more the more they ordered.
            for k in 0..<10 {
                for n in 0...k {
                    orders.append(StoreMetricsTests.order("o\(k)-\(n)", "c\(k)", day: -(10 * k + 1) - n * 30, total: 1_000, start: now))
                }
            }
            let placed = try await services.commerce.upsertOrders(orders, as: .operator(workspaceID: services.workspaceID))
            let customer = { (k: Int) in placed.first { $0.order.number == "o\(k)-0" }!.order.customerID }
            #expect(try await services.rfm.recompute(as: .operator(workspaceID: services.workspaceID)) == 10)
            let best = try #require(try await services.rfm.customer(id: customer(0), as: .operator(workspaceID: services.workspaceID)))
            let worst = try #require(try await services.rfm.customer(id: customer(9), as: .operator(workspaceID: services.workspaceID)))
            #expect(best.orders == 1 && best.recencyScore == 5 && best.frequencyScore == 1 && best.segment == .new)
            #expect(worst.orders == 10 && worst.monetary == 10_000 && worst.recencyScore == 1 && worst.frequencyScore == 5)
            #expect(worst.segment == .cannotLoseThem)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let grid = try await services.rfm.grid(as: actor)
            #expect(grid.reduce(0) { $0 + $1.customers } == 10)
            #expect(try await services.rfm.catchUp(as: .operator(workspaceID: services.workspaceID)) == 0)

            // The lapsed big spender orders again: now a champion, nobody else rescored.
            services.clock.advance(by: 60)
            _ = try await services.commerce.upsertOrders([StoreMetricsTests.order("again", "c9", day: 0, total: 5_000, start: services.clock.now())], as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.rfm.catchUp(as: .operator(workspaceID: services.workspaceID)) == 1)
            let back = try #require(try await services.rfm.customer(id: customer(9), as: .operator(workspaceID: services.workspaceID)))
            #expect(back.orders == 11 && back.monetary == 15_000 && back.recencyScore == 5 && back.segment == .champions)
            #expect(try await services.rfm.customer(id: customer(8), as: .operator(workspaceID: services.workspaceID))?.updatedAt == best.updatedAt)

            // The newcomer's only order is cancelled: they leave the grid at the next round.
            services.clock.advance(by: 60)
            _ = try await services.commerce.upsertOrders([StoreMetricsTests.order("o0-0", "c0", day: -1, total: 1_000, status: .cancelled, start: now)], as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.rfm.catchUp(as: .operator(workspaceID: services.workspaceID)) == 0)
            #expect(try await services.rfm.customer(id: customer(0), as: .operator(workspaceID: services.workspaceID)) == nil)
            #expect(try await services.rfm.grid(as: actor).reduce(0) { $0 + $1.customers } == 9)

            // A merge moves orders without changing them; the round still rescores both sides.
            services.clock.advance(by: 60)
            _ = try await services.customers.merge(into: customer(2), from: customer(1), as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.rfm.catchUp(as: .operator(workspaceID: services.workspaceID)) == 1)
            #expect(try await services.rfm.customer(id: customer(1), as: .operator(workspaceID: services.workspaceID)) == nil)
            #expect(try await services.rfm.customer(id: customer(2), as: .operator(workspaceID: services.workspaceID))?.orders == 5)
            // A deleted customer leaves the grid too.
            services.clock.advance(by: 60)
            try await services.customers.delete(id: customer(3), as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.rfm.catchUp(as: .operator(workspaceID: services.workspaceID)) == 0)
            #expect(try await services.rfm.grid(as: actor).reduce(0) { $0 + $1.customers } == 7)

            // The segment filters the store metrics.
            let champions = try await services.metrics.metrics(
                from: now.addingTimeInterval(-400 * 86_400), to: now.addingTimeInterval(86_400), filter: CustomerFilter(rfmSegment: .champions), as: actor)
            #expect(champions.customers == 1 && champions.orders == 11)
            // ... and the customer list, alone or with a tag.
            let listed = try await services.customers.list(
                filter: CustomerFilter(rfmSegment: .champions), page: try PageRequest(limit: 20), as: .operator(workspaceID: services.workspaceID))
            #expect(listed.items.map(\.id) == [customer(9)])
            let taggedChampions = try await services.customers.list(
                filter: CustomerFilter(tag: "no-such-tag", rfmSegment: .champions), page: try PageRequest(limit: 20), as: .operator(workspaceID: services.workspaceID))
            #expect(taggedChampions.items.isEmpty)
        }
    }
}
