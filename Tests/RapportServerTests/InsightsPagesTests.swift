import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Insights pages and API")
struct InsightsPagesTests {
    /// Twelve customers over three months; half come back.
    static func fill(_ api: APIHarness) async throws -> String {
        let today = Calendar.utc.startOfDay(for: api.clock.now())
        var orders: [OrderInput] = []
        for index in 0..<12 {
            for visit in 0..<(index % 2 == 0 ? 3 : 1) {
                var input = OrderInput(
                    customer: CustomerInput(identities: [IdentityInput(kind: "email", value: "buyer\(index)@example.com")], tags: index < 4 ? ["vip"] : []),
                    number: "W\(index)-\(visit)", source: "shop", status: .paid, currency: "EUR",
                    lines: [OrderLineInput(sku: "MUG", title: "Mug", quantity: 1, unitPrice: 1_500 + Int64(index) * 100)])
                input.placedAt = today.addingTimeInterval(-Double(5 + index * 6 + visit * 20) * 86_400 + 3_600)
                orders.append(input)
            }
        }
        let placed = try await api.services.commerce.upsertOrders(orders, as: .operator(workspaceID: api.workspaceID))
        return placed[0].order.customerID
    }

    @Test("a marketer sees the figures, charts, RFM grid and lifetime values; a manager's refresh fits the models; agents are refused", arguments: TestDatabase.available)
    func page(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let customerID = try await Self.fill(api)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            _ = try await WebWorkspaceTests.user(api, .agent)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let before = try await WebWorkspaceTests.get(api, "/insights", cookie: marketer.cookie)
            #expect(before.status == .ok)
            let html = String(buffer: before.body)
            // Before the first RFM round and fit: the figures, but no cohorts, grid or models yet.
            #expect(html.contains("Revenue per day") && !html.contains("<svg class=\"chart heatmap\""))
            #expect(html.contains("Not fitted yet") && html.contains("No first orders in the last twelve months"))
            // Refreshing recomputes everything: a manager's call, not a marketer's.
            #expect(!html.contains("/insights/refresh"))
            let refused = try await WebWorkspaceTests.post(api, "/insights/refresh", [("_csrf", marketer.csrf)], cookie: marketer.cookie)
            #expect(refused.status == .forbidden)
            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")
            let refreshed = try await WebWorkspaceTests.post(api, "/insights/refresh", [("_csrf", manager.csrf)], cookie: manager.cookie)
            #expect(refreshed.status == .seeOther || refreshed.status == .found)
            let after = String(buffer: try await WebWorkspaceTests.get(api, "/insights?segment=champions", cookie: marketer.cookie).body)
            #expect(after.contains("BG/NBD") && after.contains("Recency 5") && after.contains("/customers/"))
            let overview = String(buffer: try await WebWorkspaceTests.get(api, "/insights", cookie: marketer.cookie).body)
            #expect(overview.components(separatedBy: "<svg class=\"chart heatmap\"").count == 3, "the cohort and RFM heatmaps")
            #expect(after.contains("<option value=\"champions\" selected>"))
            let customer = String(buffer: try await WebWorkspaceTests.get(api, "/customers/\(customerID)", cookie: marketer.cookie).body)
            #expect(customer.contains("Lifetime value, next 12 months") && customer.contains("RFM"))
            // The grid's counts lead to the segment's customers.
            let segment = try #require(try await api.services.rfm.customer(id: customerID, as: .operator(workspaceID: api.workspaceID))?.segment)
            #expect(after.contains("href=\"/customers?segment=\(segment.rawValue)\""))
            let members = String(buffer: try await WebWorkspaceTests.get(api, "/customers?segment=\(segment.rawValue)", cookie: marketer.cookie).body)
            #expect(members.contains("RFM segment: <strong>\(segment.label)</strong>") && members.contains("/customers/\(customerID)"))
            #expect(members.contains("<option value=\"\(segment.rawValue)\" selected>"))
            let searched = String(buffer: try await WebWorkspaceTests.get(api, "/customers?segment=\(segment.rawValue)&q=buyer0", cookie: marketer.cookie).body)
            #expect(searched.contains("/customers/\(customerID)") && searched.contains("RFM segment: <strong>\(segment.label)</strong>"))
            let other: RFMSegment = segment == .lost ? .champions : .lost
            let searchedElsewhere = String(buffer: try await WebWorkspaceTests.get(api, "/customers?segment=\(other.rawValue)&q=buyer0", cookie: marketer.cookie).body)
            #expect(!searchedElsewhere.contains("/customers/\(customerID)") && searchedElsewhere.contains("No customer matches."))
            let badDate = try await WebWorkspaceTests.get(api, "/insights?from=tomorrow", cookie: marketer.cookie)
            #expect(badDate.status == .ok && String(buffer: badDate.body).contains("Enter the date as YYYY-MM-DD."))

            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            #expect(try await WebWorkspaceTests.get(api, "/insights", cookie: agent.cookie).status == .forbidden)
        }
    }

    @Test("the insights API: figures, cohorts and the RFM grid for a range and a segment, segments in the customer list and its search, clear 422s for bad input", arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let customerID = try await Self.fill(api)
            let unscored = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)").object["insights"] as? [String: Any])
            #expect(unscored["rfm"] is NSNull && unscored["lifetime_value"] is NSNull)
            try await api.services.rfm.recompute(as: .operator(workspaceID: api.workspaceID))
            try await api.services.lifetime.refresh(as: .operator(workspaceID: api.workspaceID))
            let insights = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)").object["insights"] as? [String: Any])
            let rfm = try #require(insights["rfm"] as? [String: Any])
            #expect((1...5).contains(rfm["recency_score"] as? Int ?? 0) && rfm["segment"] is String)
            let value = try #require(insights["lifetime_value"] as? [String: Any])
            #expect(value["currency"] as? String == "EUR" && (value["value"] as? Double ?? -1) > 0)
            let recent = try await api.send(.get, "/api/v1/insights/metrics")
            #expect(recent.status == .ok && recent.object["object"] as? String == "metrics" && (recent.object["days"] as? [Any])?.count == 30)
            let today = Calendar.utc.startOfDay(for: api.clock.now())
            let range = "from=\(Timestamp.iso8601(today.addingTimeInterval(-199 * 86_400)).prefix(10))&to=\(Timestamp.iso8601(today).prefix(10))"
            let all = try await api.send(.get, "/api/v1/insights/metrics?\(range)")
            #expect(all.object["orders"] as? Int == 24 && all.object["customers"] as? Int == 12 && (all.object["days"] as? [Any])?.count == 200)
            #expect(all.object["repeat_purchase_rate"] as? Double == 0.5 && all.object["new_customers"] as? Int == 12)
            let vip = try await api.send(.get, "/api/v1/insights/metrics?\(range)&tag=vip")
            #expect(vip.object["customers"] as? Int == 4)
            #expect(try await api.send(.get, "/api/v1/insights/metrics?from=2026-13-01").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/insights/metrics?from=2026-02-01&to=2026-01-01").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/insights/metrics?segment=vips").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/insights/metrics?max_probability_alive=1.5").status == .unprocessableContent)

            // The cohort matrix and the RFM grid.
            let cohorts = try await api.send(.get, "/api/v1/insights/cohorts?months=12")
            let rows = try #require(cohorts.object["cohorts"] as? [[String: Any]])
            #expect(cohorts.status == .ok && rows.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == 12)
            #expect(rows.allSatisfy { (($0["retention"] as? [Double]) ?? [2]).allSatisfy { (0...1).contains($0) } })
            #expect(try await api.send(.get, "/api/v1/insights/cohorts?months=0").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/insights/cohorts?months=x").status == .unprocessableContent)
            let vipCohorts = try #require(try await api.send(.get, "/api/v1/insights/cohorts?tag=vip").object["cohorts"] as? [[String: Any]])
            #expect(vipCohorts.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == 4)
            let grid = try await api.send(.get, "/api/v1/insights/rfm")
            let cells = try #require(grid.object["cells"] as? [[String: Any]])
            let perSegment = try #require(grid.object["segments"] as? [[String: Any]])
            #expect(cells.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == 12 && perSegment.count == 11)
            #expect(perSegment.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == 12)
            #expect((perSegment.first { $0["segment"] as? String == rfm["segment"] as? String }?["customers"] as? Int ?? 0) >= 1)

            // The same fields segment the customer list.
            let segment = try #require(rfm["segment"] as? String)
            let members = try await api.send(.get, "/api/v1/customers?segment=\(segment)&limit=100")
            let memberIDs = (members.object["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(members.status == .ok && memberIDs.contains(customerID))
            for id in memberIDs {
                let view = try await api.send(.get, "/api/v1/customers/\(id)")
                #expect(((view.object["insights"] as? [String: Any])?["rfm"] as? [String: Any])?["segment"] as? String == segment)
            }
            let worth = try #require(value["value"] as? Double)
            // A cent below: the JSON reader may round the last digit of the value it was sent.
            let valuable = try await api.send(.get, "/api/v1/customers?min_lifetime_value=\(max(0, worth - 0.01))&limit=100")
            #expect((valuable.object["data"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == customerID })
            let above = try await api.send(.get, "/api/v1/customers?min_lifetime_value=\(worth + 1_000_000)")
            #expect(above.status == .ok && (above.object["data"] as? [Any])?.isEmpty == true)
            // A search within a segment.
            let vipBuyers = try await api.send(.get, "/api/v1/customers?query=buyer&tag=vip&limit=100")
            #expect(vipBuyers.status == .ok && (vipBuyers.object["data"] as? [[String: Any]])?.count == 4)
            let inSegment = try await api.send(.get, "/api/v1/customers?query=buyer0%40example.com&segment=\(segment)")
            #expect((inSegment.object["data"] as? [[String: Any]])?.map { $0["id"] as? String } == [customerID])
            let elsewhere = try await api.send(.get, "/api/v1/customers?query=buyer0%40example.com&segment=\(segment == "lost" ? "champions" : "lost")")
            #expect(elsewhere.status == .ok && (elsewhere.object["data"] as? [Any])?.isEmpty == true)
            #expect(try await api.send(.get, "/api/v1/customers?min_lifetime_value=-1").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/customers?min_lifetime_value=abc").status == .unprocessableContent)
        }
    }
}
