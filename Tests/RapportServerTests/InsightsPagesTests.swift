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

    @Test("the campaign return: campaigns with messages sent in the range, the orders placed in it that their touches won, their cost and the return on it, as the campaign report counts it; not for a segment", arguments: TestDatabase.available)
    func campaignReturn(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let today = Calendar.utc.startOfDay(for: api.clock.now())
            let day = { (offset: Double) in today.addingTimeInterval(offset * 86_400) }
            let text = { (date: Date) in String(Timestamp.iso8601(date).prefix(10)) }
            let (inboxID, segmentID) = try await CampaignAPITests.setUp(api)
            let store = api.services.store
            let workspaceID = api.workspaceID
            func campaign(_ name: String, cost: String) async throws -> String {
                let created = try await api.send(.post, "/api/v1/campaigns", json: """
                    {"name":"\(name)","channel":"email","inbox_id":"\(inboxID)","definition":{"audience":{"segment_ids":["\(segmentID)"]},\(cost)
                     "content":{"en":{"subject":"Hi","body":"Hello"}}}}
                    """)
                return try #require(created.object["id"] as? String, "\(created.text)")
            }
            // Quills, at a cent a message, went out five days ago and is sent; Ink, without a
            // cost, went out twenty days ago and is still sending.
            let quills = try await campaign("Quills", cost: #""cost_per_message":{"amount":0.01,"currency":"EUR"},"#)
            let ink = try await campaign("Ink", cost: "")
            let (quillsStarted, quillsFinished, inkStarted) = (day(-6), day(-5) + 3 * 3_600, day(-21))
            try await store.write { session in
                _ = try await session.campaigns.setStatus(.sending, id: quills, workspaceID: workspaceID, whileIn: [.draft], at: quillsStarted, reason: nil)
                _ = try await session.campaigns.setStatus(.sent, id: quills, workspaceID: workspaceID, whileIn: [.sending], at: quillsFinished, reason: nil)
                _ = try await session.campaigns.setStatus(.sending, id: ink, workspaceID: workspaceID, whileIn: [.draft], at: inkStarted, reason: nil)
            }
            var ids: [String: String] = [:]
            for name in ["ada", "bo", "cy", "di"] {
                ids[name] = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"\#(name)@example.com"}"#).object["id"] as? String)
            }
            let customers = ids
            /// A message of the campaign to the customer, sent at `sent` and clicked at `clicked`, as the sender and the redirect record them.
            func message(_ campaignID: String, to name: String, sent: Date, clicked: Date?) async throws {
                let id = ResourceID.make(.campaignSend, at: sent)
                let customerID = try #require(customers[name])
                let send = CampaignSend(
                    id: id, campaignID: campaignID, workspaceID: workspaceID, customerID: customerID, status: .sent,
                    address: "\(name)@example.com", queuedAt: sent, sentAt: sent)
                try await store.write { session in
                    _ = try await session.campaigns.insertSends([send])
                    if let clicked { _ = try await session.campaigns.recordEngagement(.click, sendID: id, at: clicked) }
                }
            }
            func order(_ number: String, _ name: String, total: Int, at date: Date) async throws {
                let customerID = try #require(customers[name])
                let placed = try await api.send(.post, "/api/v1/orders", json: """
                    {"number":"\(number)","currency":"EUR","status":"paid","customer_id":"\(customerID)",
                     "lines":[{"sku":"Q","title":"Quill","quantity":1,"unit_price":\(total)}],"placed_at":"\(Timestamp.iso8601(date))"}
                    """)
                #expect(placed.status == .created, "\(placed.text)")
            }
            try await message(quills, to: "ada", sent: day(-5) + 3_600, clicked: day(-5) + 7_200)
            try await message(quills, to: "bo", sent: day(-5) + 3_600, clicked: nil)
            try await message(quills, to: "cy", sent: day(-5) + 3_600, clicked: day(-5) + 7_200)
            try await message(ink, to: "di", sent: day(-20) + 3_600, clicked: day(-8))
            try await order("R-1", "ada", total: 5_000, at: day(-4))  // Quills' click won it
            try await order("R-2", "bo", total: 2_000, at: day(-4))  // no touch: nobody's
            try await order("R-3", "cy", total: 3_000, at: day(-1))  // Quills', placed after the first range
            try await order("R-4", "di", total: 1_500, at: day(-7))  // Ink's, which sent nothing in the first two ranges

            func figures(_ query: String) async throws -> Any? {
                let metrics = try await api.send(.get, "/api/v1/insights/metrics?\(query)")
                #expect(metrics.status == .ok, "\(metrics.text)")
                #expect(metrics.object["currency"] as? String == "EUR")
                return metrics.object["campaign_return"]
            }
            func roi(_ figures: [String: Any]) -> Double { figures["return_on_investment"] as? Double ?? .nan }

            // Ten days to three days ago: Quills and Ada's order.
            let first = try #require(try await figures("from=\(text(day(-10)))&to=\(text(day(-3)))") as? [String: Any])
            #expect(first["campaigns"] as? Int == 1 && first["messages"] as? Int == 3, "\(first)")
            #expect(first["orders"] as? Int == 1 && first["revenue"] as? Int == 5_000, "\(first)")
            #expect(first["cost"] as? Int == 3 && first["costed_campaigns"] as? Int == 1 && first["costed_revenue"] as? Int == 5_000, "\(first)")
            #expect(abs(roi(first) - Double(5_000 - 3) / 3) < 1e-9, "\(first)")
            #expect(first["truncated"] as? Bool == false)
            let channels = try #require(first["channels"] as? [[String: Any]])
            #expect(channels.count == 1 && channels.first?["channel"] as? String == "email" && channels.first?["orders"] as? Int == 1, "\(channels)")
            #expect(abs(roi(channels[0]) - roi(first)) < 1e-12)

            // Up to today: Cy's order too. Ink still sent nothing in the range, so Di's order is nobody's here.
            let second = try #require(try await figures("from=\(text(day(-10)))&to=\(text(today))") as? [String: Any])
            #expect(second["campaigns"] as? Int == 1 && second["orders"] as? Int == 2 && second["revenue"] as? Int == 8_000, "\(second)")
            let report = try await api.send(.get, "/api/v1/campaigns/\(quills)/report")
            let attribution = try #require(report.object["attribution"] as? [String: Any], "\(report.text)")
            #expect(attribution["orders"] as? Int == 2 && attribution["cost"] as? Int == 3)
            #expect(abs(roi(second) - roi(attribution)) < 1e-9, "the report's return on investment: \(attribution)")

            // From before Ink's message: Ink counts, adds its revenue, but no cost and so no return.
            let third = try #require(try await figures("from=\(text(day(-25)))&to=\(text(today))") as? [String: Any])
            #expect(third["campaigns"] as? Int == 2 && third["messages"] as? Int == 4, "\(third)")
            #expect(third["orders"] as? Int == 3 && third["revenue"] as? Int == 9_500, "\(third)")
            #expect(third["cost"] as? Int == 3 && third["costed_campaigns"] as? Int == 1 && third["costed_revenue"] as? Int == 8_000, "\(third)")
            #expect(abs(roi(third) - Double(8_000 - 3) / 3) < 1e-9)

            // A segment's figures leave it out; before any message went, nothing counts.
            #expect(try await figures("from=\(text(day(-25)))&to=\(text(today))&tag=vip") is NSNull)
            let before = try #require(try await figures("from=\(text(day(-40)))&to=\(text(day(-30)))") as? [String: Any])
            #expect(before["campaigns"] as? Int == 0 && before["orders"] as? Int == 0 && before["cost"] is NSNull && before["return_on_investment"] is NSNull)

            // The insights page shows it, linking to the campaigns.
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/insights?from=\(text(day(-25)))&to=\(text(today))", cookie: marketer.cookie).text
            #expect(page.contains("id=\"campaign-return\"") && page.contains("<a href=\"/campaigns\">campaigns</a>"), "\(page)")
            #expect(page.contains("<li id=\"campaign-roi\"><span class=\"figure\">2665.7×</span>"), "(8,000 − 3) / 3")
            let segmentPage = try await WebWorkspaceTests.get(api, "/insights?tag=vip", cookie: marketer.cookie).text
            #expect(segmentPage.contains("Revenue per day") && !segmentPage.contains("id=\"campaign-return\""))
        }
    }
}
