import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Loyalty points announced as events")
struct LoyaltyEventAPITests {
    static let journey = """
        {"name": "Points earned", "definition": {"trigger": {"event": "loyalty.points_changed", "filters": [{"property": "kind", "is": "eq", "value": "earn"}]},
         "entry": "every_time", "goal": {"event": "order.created", "within_days": 5},
         "steps": [{"key": "tag", "type": "update_profile", "add_tags": ["earned"]}]}}
        """

    static func order(_ number: String, status: String) -> String {
        #"{"number": "\#(number)", "currency": "EUR", "status": "\#(status)", "customer": {"email": "events@example.com"}, "lines": [{"sku": "TEA-1", "title": "Tea", "quantity": 1, "unit_price": 4000}]}"#
    }

    static func pointEvents(_ api: APIHarness) async throws -> [DomainEvent] {
        try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }.map(\.event)
            .filter { $0.type == .loyaltyPointsChanged }
    }

    @Test("every entry added is announced as loyalty.points_changed with its points and reason; a journey starts on the earning ones; a replay announces nothing", arguments: TestDatabase.available)
    func announced(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            // An order recorded before the programme, credited later by a replay.
            let history = try await api.send(.post, "/api/v1/orders", json: Self.order("E-0", status: "delivered"))
            let customerID = try #require(history.object["customer_id"] as? String)
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0}"#).status == .ok)
            let created = try await api.send(.post, "/api/v1/journeys", json: Self.journey)
            let journeyID = try #require(created.object["id"] as? String, "\(created.text)")
            #expect(try await api.send(.post, "/api/v1/journeys/\(journeyID)/publish").status == .ok)

            // Points given by hand first: announced, and no journey starts on them (the filter says earn).
            let given = try await api.send(.post, "/api/v1/customers/\(customerID)/loyalty/adjustments", json: #"{"points": 5, "reason": "Sorry"}"#)
            #expect(given.status == .created)
            _ = try await api.services.journeyRunner.runDue()
            #expect(try await api.send(.get, "/api/v1/journeys/\(journeyID)/report").object["entered"] as? Int == 0)

            // The order, then its points: the journey hears the order first, so the order that
            // earned the points does not count as its goal.
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("E-1", status: "delivered"))
            var events = try await Self.pointEvents(api)
            #expect(events.count == 2, "the gift and the order's earning, each once")
            let earned = try #require(events.first { $0.payload.contains(#""kind":"earn""#) })
            #expect(earned.payload.contains(#""points":40"#) && earned.payload.contains(#""reason":"Order E-1: 40.00 EUR""#))
            #expect(earned.payload.contains(#""customer_id":"\#(customerID)""#) && earned.payload.contains(#""order_id":"ord_"#))
            #expect(events.contains { $0.payload.contains(#""kind":"adjust""#) && $0.payload.contains(#""points":5"#) })
            let log = try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }.map(\.event)
            let orderAt = try #require(log.lastIndex { $0.type == .orderCreated })
            #expect(log.lastIndex { $0.type == .loyaltyPointsChanged }.map { $0 > orderAt } == true, "the log has the order before its points")

            _ = try await api.services.journeyRunner.runDue()
            let customer = try await api.send(.get, "/api/v1/customers/\(customerID)")
            #expect((customer.object["tags"] as? [String])?.contains("earned") == true, "\(customer.text)")
            let report = try await api.send(.get, "/api/v1/journeys/\(journeyID)/report")
            #expect(report.object["entered"] as? Int == 1 && report.object["converted"] as? Int == 0, "\(report.text)")

            let replayed = try await api.services.loyalty.replay(as: .operator(workspaceID: api.workspaceID))
            #expect(replayed.entries == 1, "the order recorded before the programme is credited")
            events = try await Self.pointEvents(api)
            #expect(events.count == 2, "and not announced")
        }
    }
}
