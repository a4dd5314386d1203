import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// Customers whose points expire within 30 days are told once (`loyalty.points_expiring`), and a
/// journey can start on it: the reminder to spend them.
@Suite("Loyalty points expiring soon")
struct LoyaltyExpiryNoticeAPITests {
    static func notices(_ api: APIHarness) async throws -> [DomainEvent] {
        try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }.map(\.event)
            .filter { $0.type == .loyaltyPointsExpiring }
    }

    static func customer(_ api: APIHarness, _ email: String, points: Int) async throws -> String {
        let created = try await api.send(.post, "/api/v1/customers", json: #"{"email": "\#(email)"}"#)
        let id = try #require(created.object["id"] as? String)
        let given = try await api.send(.post, "/api/v1/customers/\(id)/loyalty/adjustments", json: #"{"points": \#(points), "reason": "Welcome"}"#)
        #expect(given.status == .created)
        return id
    }

    @Test("points expiring within 30 days are announced once a month to whoever still holds them; a journey starts on it", arguments: TestDatabase.available)
    func announced(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let program = #"{"pending_days": 0, "points_expire": "after_days", "points_expire_after_days": 60}"#
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: program).status == .ok)
            let created = try await api.send(.post, "/api/v1/journeys", json: """
                {"name": "Spend your points", "definition": {"trigger": {"event": "loyalty.points_expiring"}, "entry": "every_time",
                 "steps": [{"key": "tag", "type": "update_profile", "add_tags": ["points-expiring"]}]}}
                """)
            let journeyID = try #require(created.object["id"] as? String, "\(created.text)")
            #expect(try await api.send(.post, "/api/v1/journeys/\(journeyID)/publish").status == .ok)
            let keeper = try await Self.customer(api, "keeper@example.com", points: 100)
            let spender = try await Self.customer(api, "spender@example.com", points: 50)
            #expect(try await api.send(.post, "/api/v1/customers/\(spender)/loyalty/redemptions", json: #"{"points": 50}"#).status == .created)

            #expect(try await api.services.loyalty.announceExpiring() == 0, "60 days away: not yet")
            api.clock.advance(by: 31 * 86_400)
            #expect(try await api.services.loyalty.announceExpiring() == 1, "within 30 days now, and only for who still holds points")
            let notice = try #require(try await Self.notices(api).first)
            #expect(notice.payload.contains(#""customer_id":"\#(keeper)""#) && notice.payload.contains(#""points":100"#))
            #expect(notice.payload.contains(#""within_days":30"#) && notice.payload.contains(#""expires_by":""#))
            #expect(try await api.services.loyalty.announceExpiring() == 0, "told once")

            _ = try await api.services.journeyRunner.runDue()
            let customer = try await api.send(.get, "/api/v1/customers/\(keeper)")
            #expect((customer.object["tags"] as? [String])?.contains("points-expiring") == true, "\(customer.text)")
            #expect(try await api.send(.get, "/api/v1/journeys/\(journeyID)/report").object["entered"] as? Int == 1)

            // 29 days on, the points are still there and still expiring: too soon to tell again.
            api.clock.advance(by: 29 * 86_400)
            #expect(try await api.services.loyalty.announceExpiring() == 0)
            // Once they expired, there is nothing left to tell about.
            api.clock.advance(by: 2 * 86_400)
            #expect(try await api.services.loyalty.expireDue() == 1)
            #expect(try await api.services.loyalty.announceExpiring() == 0)
            // New points given now are told about a month before they go.
            _ = try await api.send(.post, "/api/v1/customers/\(keeper)/loyalty/adjustments", json: #"{"points": 20, "reason": "Again"}"#)
            api.clock.advance(by: 31 * 86_400)
            #expect(try await api.services.loyalty.announceExpiring() == 1)
            #expect(try await Self.notices(api).count == 2)
            #expect(try await Self.notices(api).last?.payload.contains(#""points":20"#) == true)
        }
    }

    @Test("a year's points are told about from 30 days before the year ends, once, as the card shows them; a deleted customer is not told", arguments: TestDatabase.available)
    func yearEnd(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0, "points_expire": "end_of_year"}"#).status == .ok)
            let keeper = try await Self.customer(api, "year@example.com", points: 70)
            let gone = try await Self.customer(api, "gone@example.com", points: 90)
            #expect(try await api.send(.delete, "/api/v1/customers/\(gone)").status == .noContent)
            // To 40 days before this year ends (UTC), when the points given now go.
            let startOfNextYear = try #require(Calendar.utc.dateInterval(of: .year, for: api.clock.now())?.end)
            api.clock.advance(by: startOfNextYear.addingTimeInterval(-40 * 86_400).timeIntervalSince(api.clock.now()))
            #expect(try await api.services.loyalty.announceExpiring() == 0, "40 days before: not yet")
            api.clock.advance(by: 15 * 86_400)
            #expect(try await api.services.loyalty.announceExpiring() == 1, "25 days before: told, and only the live customer")
            let notice = try #require(try await Self.notices(api).first)
            #expect(notice.payload.contains(#""customer_id":"\#(keeper)""#) && notice.payload.contains(#""within_days":null"#))
            #expect(notice.payload.contains(#""expires_by":"\#(Timestamp.iso8601(startOfNextYear))""#), "\(notice.payload)")
            let card = try await api.send(.get, "/api/v1/customers/\(keeper)/loyalty")
            let expiring = try #require(card.object["expiring"] as? [String: Any])
            #expect(expiring["points"] as? Int == 70 && notice.payload.contains(#""points":70"#), "the notice says what the card says")
            api.clock.advance(by: 20 * 86_400)
            #expect(try await api.services.loyalty.announceExpiring() == 0, "once for that year's end")
        }
    }
}
