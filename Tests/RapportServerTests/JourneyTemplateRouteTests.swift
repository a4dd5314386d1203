import Foundation
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// `GET /api/v1/journeys/templates`: the built-in journeys by key, each with a definition to
/// fill in and switch on.
@Suite("Journey templates route")
struct JourneyTemplateRouteTests {
    @Test("the nine built-in journeys by key, each a definition with the inbox left open, the segment-following ones with their segment")
    func listed() async throws {
        try await APIHarness.run(on: .sqlite) { api in
            let listed = try await api.send(.get, "/api/v1/journeys/templates")
            #expect(listed.status == .ok, "\(listed.text)")
            #expect(listed.object["object"] as? String == "list" && listed.object["has_more"] as? Bool == false)
            let templates = try #require(listed.object["data"] as? [[String: Any]])
            #expect(templates.compactMap { $0["key"] as? String } == [
                "abandoned_cart", "browse_abandonment", "welcome", "post_purchase_review", "replenishment", "win_back", "birthday", "vip_onboarding",
                "lead_nurture",
            ])
            let winBack = try #require(templates.first { $0["key"] as? String == "win_back" })
            #expect(winBack["object"] as? String == "journey_template" && winBack["name"] as? String == "Win-back")
            let segment = try #require(winBack["segment"] as? [String: Any])
            let parts = try #require((segment["definition"] as? [String: Any])?["any"] as? [[String: Any]])
            #expect(parts.contains { $0["value"] as? String == "at_risk" })
            let definition = try #require(winBack["definition"] as? [String: Any])
            #expect((definition["trigger"] as? [String: Any])?["segment_entered"] as? String == JourneyTemplate.segmentPlaceholder)
            let cart = try #require(templates.first { $0["key"] as? String == "abandoned_cart" })
            #expect(cart["segment"] is NSNull)
            let steps = try #require((cart["definition"] as? [String: Any])?["steps"] as? [[String: Any]])
            #expect(steps.contains { $0["inbox_id"] as? String == JourneyTemplate.inboxPlaceholder })
        }
    }
}
