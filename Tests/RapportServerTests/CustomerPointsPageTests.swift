import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

/// A customer's points on their own page, the preference centre their store's messages link
/// to: what they hold, what is pending and expiring, their latest entries, and a reward taken
/// for their points with its code; in their language; nothing without a programme.
@Suite("A customer's points on their own page")
struct CustomerPointsPageTests {
    typealias Centre = PreferenceCentreTests

    @Test("the page shows the points and takes a reward for them, once a click; beyond the points or an unknown reward it refuses and spends nothing", arguments: TestDatabase.available)
    func points(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Centre.customer(api)
            let (url, unsubscribe, _) = try await Centre.links(api, id)
            let path = Centre.path(url)
            let before = try await api.client.execute(uri: path, method: .get)
            #expect(before.status == .ok && !before.text.contains("id=\"points\""), "no programme, no points")

            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: """
                {"pending_days": 14, "tiers": [{"name": "Silver", "minimum_points": 100}, {"name": "Gold", "minimum_points": 1000}],
                 "points_expire": "after_days", "points_expire_after_days": 20,
                 "rewards": [{"key": "ship", "name": "Free shipping", "points": 60, "kind": "free_shipping"},
                             {"key": "coat", "name": "A coat on us", "points": 5000, "kind": "product", "sku": "COAT-1"}]}
                """).status == .ok)
            _ = try await api.send(.post, "/api/v1/customers/\(id)/loyalty/adjustments", json: #"{"points": 150, "reason": "Welcome gift"}"#)
            _ = try await api.send(.post, "/api/v1/orders", json: """
                {"number": "P-1", "currency": "EUR", "status": "delivered", "customer": {"email": "lena@example.com"},
                 "lines": [{"sku": "MUG-1", "title": "Mug", "quantity": 1, "unit_price": 4000}]}
                """)

            let page = try await api.client.execute(uri: path, method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<strong id=\"points-usable\">150 points to spend</strong>"))
            #expect(page.text.contains("40 more once your latest orders are past their return window"))
            #expect(page.text.contains("<p id=\"points-tier\">60 points to Silver</p>"), "the order's points count towards a tier, a gift does not")
            #expect(page.text.contains("150 points expire within 30 days unless you spend them"))
            #expect(page.text.contains("Welcome gift") && page.text.contains("+40 (pending)"))
            #expect(page.text.contains("Take it for 60 points") && page.text.contains("5000 points: you need 4850 more"))
            #expect(page.text.components(separatedBy: "Take it for").count == 2, "no button for a reward beyond the points")

            let taken = try await Centre.form(api, path + "/reward", "reward=ship&lang=en")
            #expect(taken.status == .seeOther)
            let location = try #require(taken.headers[.location])
            #expect(location.hasPrefix(path + "?taken=lrw_") && location.hasSuffix("&lang=en#points"), "\(location)")
            let shown = try await api.client.execute(uri: String(location.prefix { $0 != "#" }), method: .get)
            let code = try #require(try await api.send(.get, "/api/v1/customers/\(id)/loyalty/rewards").object["data"] as? [[String: Any]]).first
            let text = try #require(code?["code"] as? String)
            #expect(shown.text.contains("Your code: \(text). Use it at checkout by "))
            #expect(shown.text.contains("<code>\(text)</code> Free shipping"))
            #expect(shown.text.contains("90 points to spend"))
            let audit = try #require((try await api.send(.get, "/api/v1/audit_entries?action=loyalty.reward_issued").object["data"] as? [[String: Any]])?.first)
            #expect(audit["actor"] as? String == "system:customer")
            #expect((audit["details"] as? [String: Any])?["user_agent"] as? String == "LenaPhone/2.0", "where the request came from is kept")
            #expect(try await api.send(.get, "/api/v1/customers/\(id)/loyalty").object["balance"] as? Int == 90)

            // Another customer's code named as taken is not shown; the page in Indonesian.
            let other = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"budi@example.com"}"#).object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/customers/\(other)/loyalty/adjustments", json: #"{"points": 100, "reason": "Gift"}"#)
            let theirs = try await api.send(.post, "/api/v1/customers/\(other)/loyalty/rewards", json: #"{"reward": "ship"}"#)
            let theirID = try #require(theirs.object["id"] as? String, "\(theirs.text)")
            let theirCode = try #require(theirs.object["code"] as? String)
            let snooping = try await api.client.execute(uri: path + "?taken=\(theirID)&lang=id", method: .get)
            #expect(!snooping.text.contains(theirCode) && snooping.text.contains("Poin Anda") && snooping.text.contains("90 poin yang bisa ditukar"))

            let dear = try await Centre.form(api, path + "/reward", "reward=coat&lang=id")
            #expect(dear.status == .conflict && dear.text.contains("Hadiah itu butuh lebih banyak poin"), "refused in the page's language")
            let unknown = try await Centre.form(api, path + "/reward", "reward=yacht")
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("That reward is no longer offered."))
            #expect(try await api.send(.get, "/api/v1/customers/\(id)/loyalty").object["balance"] as? Int == 90, "nothing spent")
            // Only the customer's own preference link takes: not an altered one, not their unsubscribe link.
            let altered = String(path.dropLast(3)) + (path.hasSuffix("AAA") ? "BBB" : "AAA")
            #expect(try await Centre.form(api, altered + "/reward", "reward=ship").status == .notFound)
            let unsubscribeToken = Centre.path(unsubscribe).split(separator: "/").last.map(String.init) ?? ""
            #expect(try await Centre.form(api, "/preferences/\(unsubscribeToken)/reward", "reward=ship").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/customers/\(id)/loyalty").object["balance"] as? Int == 90, "nothing spent")
        }
    }
}
