import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// A customer's tier changed since they were last told (`loyalty.tier_changed`): found by the
/// hourly sweep, told once, and a journey can start on it ("you reached Gold").
@Suite("Loyalty tier changes announced")
struct LoyaltyTierChangeAPITests {
    static func changes(_ api: APIHarness) async throws -> [DomainEvent] {
        try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }.map(\.event)
            .filter { $0.type == .loyaltyTierChanged }
    }

    static func order(_ number: String, euros: Int, email: String, daysAgo: Double = 0) -> String {
        let placed = Timestamp.iso8601(Date().addingTimeInterval(-daysAgo * 86_400))
        return """
            {"number": "\(number)", "currency": "EUR", "status": "delivered", "customer": {"email": "\(email)"}, "placed_at": "\(placed)",
             "lines": [{"sku": "TEA-1", "title": "Tea", "quantity": 1, "unit_price": \(euros * 100)}]}
            """
    }

    @Test("the first pass notes where everyone stands; a tier reached is told once, up; a journey starts on it; a return tells the way down", arguments: TestDatabase.available)
    func reachedAndLost(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let tiers = #"[{"name": "Silver", "minimum_points": 50}, {"name": "Gold", "minimum_points": 100}]"#
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0, "tiers": \#(tiers)}"#).status == .ok)
            let created = try await api.send(.post, "/api/v1/journeys", json: """
                {"name": "Welcome to Gold", "definition": {"trigger": {"event": "loyalty.tier_changed", "filters": [{"property": "tier", "is": "eq", "value": "Gold"}]},
                 "entry": "every_time", "steps": [{"key": "tag", "type": "update_profile", "add_tags": ["gold"]}]}}
                """)
            let journeyID = try #require(created.object["id"] as? String, "\(created.text)")
            #expect(try await api.send(.post, "/api/v1/journeys/\(journeyID)/publish").status == .ok)

            let early = try #require(try await api.send(.post, "/api/v1/orders", json: Self.order("T-1", euros: 60, email: "early@example.com")).object["customer_id"] as? String)
            #expect(try await api.services.loyalty.announceTierChanges() == 0, "the first pass only notes that early is Silver")
            #expect(try await Self.changes(api).isEmpty)

            // Early reaches Gold; a newcomer reaches Silver: each told once.
            let goldOrder = try #require(try await api.send(.post, "/api/v1/orders", json: Self.order("T-2", euros: 50, email: "early@example.com")).object["id"] as? String)
            let newcomerOrder = try await api.send(.post, "/api/v1/orders", json: Self.order("T-3", euros: 70, email: "new@example.com")).object
            let newcomer = try #require(newcomerOrder["customer_id"] as? String)
            // Two sweeps at once tell each change once.
            async let first = api.services.loyalty.announceTierChanges()
            async let second = api.services.loyalty.announceTierChanges()
            #expect(try await first + second == 2)
            #expect(try await api.services.loyalty.announceTierChanges() == 0, "told once")
            let told = try await Self.changes(api)
            let gold = try #require(told.first { $0.subjectID == early })
            #expect(gold.payload.contains(#""direction":"up""#) && gold.payload.contains(#""previous_tier":"Silver""#) && gold.payload.contains(#""tier":"Gold""#))
            let silver = try #require(told.first { $0.subjectID == newcomer })
            #expect(silver.payload.contains(#""previous_tier":null"#) && silver.payload.contains(#""tier":"Silver""#))
            #expect(silver.payload.contains(#""direction":"up""#) && told.count == 2)

            _ = try await api.services.journeyRunner.runDue()
            let customer = try await api.send(.get, "/api/v1/customers/\(early)")
            #expect((customer.object["tags"] as? [String])?.contains("gold") == true, "\(customer.text)")
            #expect(try await api.send(.get, "/api/v1/journeys/\(journeyID)/report").object["entered"] as? Int == 1, "Silver starts no Gold journey")

            // A full refund of the order that lifted early into Gold: told the way down.
            #expect(try await api.send(.patch, "/api/v1/orders/\(goldOrder)", json: #"{"status": "refunded"}"#).status == .ok)
            #expect(try await api.services.loyalty.announceTierChanges() == 1)
            let down = try #require(try await Self.changes(api).last)
            #expect(down.subjectID == early && down.payload.contains(#""direction":"down""#) && down.payload.contains(#""previous_tier":"Gold""#))

            // Reshaping the tiers is the shop's doing: early (60 points) is Bronze now, noted, not told.
            let reshaped = #"[{"name": "Bronze", "minimum_points": 10}, {"name": "Silver", "minimum_points": 65}]"#
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0, "tiers": \#(reshaped)}"#).status == .ok)
            #expect(try await api.services.loyalty.announceTierChanges() == 0)
            #expect(try await api.services.loyalty.announceTierChanges() == 0, "early's Bronze was noted")
            #expect(try await Self.changes(api).count == 3)
            // After it, progress is told again; a deleted customer's fall is not.
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("T-4", euros: 20, email: "third@example.com"))
            let newcomerOrderID = try #require(newcomerOrder["id"] as? String)
            #expect(try await api.send(.patch, "/api/v1/orders/\(newcomerOrderID)", json: #"{"status": "refunded"}"#).status == .ok)
            #expect(try await api.send(.delete, "/api/v1/customers/\(newcomer)").status == .noContent)
            #expect(try await api.services.loyalty.announceTierChanges() == 1)
            let last = try await Self.changes(api)
            #expect(last.count == 4 && last.last?.payload.contains(#""tier":"Bronze""#) == true && last.last?.subjectID != newcomer)
        }
    }

    @Test("over a window, time alone lowers a tier once the grace period ends, and that is told", arguments: TestDatabase.available)
    func timeLowersIt(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let program = #"{"pending_days": 0, "tiers": [{"name": "Gold", "minimum_points": 100}], "tier_window_days": 30, "tier_grace_days": 5}"#
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: program).status == .ok)
            #expect(try await api.services.loyalty.announceTierChanges() == 0, "the first pass: nobody yet")
            let customer = try #require(try await api.send(.post, "/api/v1/orders", json: Self.order("G-1", euros: 120, email: "w@example.com", daysAgo: 20)).object["customer_id"] as? String)
            #expect(try await api.services.loyalty.announceTierChanges() == 1)
            api.clock.advance(by: 12 * 86_400)
            #expect(try await api.services.loyalty.announceTierChanges() == 0, "out of the window, within the grace period")
            api.clock.advance(by: 4 * 86_400)
            #expect(try await api.services.loyalty.announceTierChanges() == 1)
            let down = try #require(try await Self.changes(api).last)
            #expect(down.subjectID == customer && down.payload.contains(#""tier":null"#) && down.payload.contains(#""direction":"down""#))
        }
    }

    @Test("a replay crediting the shop's history is not news: the next pass notes it; later progress is told", arguments: TestDatabase.available)
    func replayIsQuiet(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            // Orders recorded before the programme earn nothing until a replay credits them.
            let history = try #require(try await api.send(.post, "/api/v1/orders", json: Self.order("H-1", euros: 80, email: "old@example.com")).object["customer_id"] as? String)
            let program = #"{"pending_days": 0, "tiers": [{"name": "Silver", "minimum_points": 50}, {"name": "Gold", "minimum_points": 100}]}"#
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: program).status == .ok)
            #expect(try await api.services.loyalty.announceTierChanges() == 0)
            _ = try await api.services.loyalty.replay(as: .operator(workspaceID: api.workspaceID))
            #expect(try await api.send(.get, "/api/v1/customers/\(history)/loyalty").object["tier"] as? String == "Silver")
            #expect(try await api.services.loyalty.announceTierChanges() == 0, "the replay's Silver is noted, not told")
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("H-2", euros: 30, email: "old@example.com"))
            #expect(try await api.services.loyalty.announceTierChanges() == 1)
            #expect(try await Self.changes(api).first?.payload.contains(#""previous_tier":"Silver""#) == true)
        }
    }
}
