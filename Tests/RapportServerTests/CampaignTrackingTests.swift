import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Measuring a campaign: its links lead through the signed click redirect, its HTML carries
/// the open pixel (not for a customer who refused analytics), and its report attributes the
/// order that followed a click, counts what the messages cost, and compares the recipients
/// with the holdout.
@Suite("Campaign tracking and report")
struct CampaignTrackingTests {
    static let audience = 20

    @Test("clicks and opens are counted through signed links only; the report attributes the order after a click and compares with the holdout", arguments: TestDatabase.available)
    func measuresACampaign(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await SignedCampaignInbox.make(api, sink: sink)
            let listID = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name": "All", "kind": "list"}"#).object["id"] as? String)
            var customers: [String: String] = [:]
            for index in 0..<Self.audience {
                let address = "c\(index)@example.com"
                let id = try #require(try await api.send(.post, "/api/v1/customers", json: """
                    {"identities":[{"kind":"email","value":"\(address)"}],"first_name":"C\(index)"}
                    """).object["id"] as? String)
                customers[address] = id
                _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form"}"#)
            }
            _ = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: """
                {"customer_ids": [\(customers.values.map { "\"\($0)\"" }.joined(separator: ","))]}
                """)
            let created = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Quills","channel":"email","inbox_id":"\(inboxID)","definition":{"audience":{"segment_ids":["\(listID)"]},"holdout_share":0.5,
                 "cost_per_message":{"amount":0.01,"currency":"USD"},"attribution":{"click_days":5,"open_days":1},
                 "content":{"en":{"subject":"Hi","body":"[Shop](https://shop.test/quills?ref={{customer.id}}) or [write](mailto:help@shop.test)"}}}}
                """)
            let campaignID = try #require(created.object["id"] as? String, "\(created.text)")
            let definition = try #require(created.object["definition"] as? [String: Any])
            #expect((definition["attribution"] as? [String: Any])?["click_days"] as? Int == 5)
            #expect(try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Bad","channel":"email","inbox_id":"\(inboxID)","definition":{"audience":{"segment_ids":["\(listID)"]},
                 "cost_per_message":{"amount":-1,"currency":"USD"},"content":{"en":{"subject":"Hi","body":"x"}}}}
                """).status == .unprocessableContent)
            #expect(try await api.send(.post, "/api/v1/campaigns/\(campaignID)/send").status == .accepted)
            var rounds = 0
            while try await api.send(.get, "/api/v1/campaigns/\(campaignID)").object["status"] as? String == "sending", rounds < 20 {
                _ = try await api.services.campaignSender.runDue()
                rounds += 1
            }
            let received = try sink.received()
            let recipients = received.count
            #expect(recipients > 0 && recipients < Self.audience, "half held out at random: \(recipients) of \(Self.audience) got it")

            let message = try #require(received.first)
            let address = try #require((message.envelope["to"] as? [String])?.first)
            let customerID = try #require(customers[address])
            let html = try #require(MIMEParser.parse(message.message).allParts.first { $0.contentType.type == "text/html" })
            let page = String(decoding: html.decodedBody, as: UTF8.self)
            #expect(page.contains("href=\"mailto:help@shop.test\""), "a mailto link is left as written")
            let click = try #require(Self.attribute("href", startingWith: "\(APIHarness.publicURL)/c/", in: page), "\(page)")
            let pixel = try #require(Self.attribute("src", startingWith: "\(APIHarness.publicURL)/o/", in: page), "\(page)")
            #expect(!page.contains("href=\"https://shop.test"), "the shop link goes through the redirect")

            // The pixel: a GIF, counted. A pixel of another signature is a 404 and counts nothing.
            let opened = try await api.client.execute(uri: Self.path(pixel), method: .get)
            #expect(opened.status == .ok && opened.headers[.contentType] == "image/gif")
            #expect(try await api.client.execute(uri: Self.path(pixel) + "x", method: .get).status == .notFound)
            // The click: a 302 to the signed target, the customer's own id in it.
            let followed = try await api.client.execute(uri: Self.path(click), method: .get)
            #expect(followed.status == .found)
            #expect(followed.headers[.location] == "https://shop.test/quills?ref=\(customerID)")
            // Another target under the same signature is never followed: no open redirect.
            let components = try #require(URLComponents(string: click))
            let forged = components.path + "?u=" + "https://evil.test/".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let refused = try await api.client.execute(uri: forged, method: .get)
            #expect(refused.status == .notFound && refused.headers[.location] == nil)
            let stats = try #require(try await api.send(.get, "/api/v1/campaigns/\(campaignID)").object["stats"] as? [String: Any])
            #expect(stats["opened"] as? Int == 1 && stats["clicked"] as? Int == 1, "\(stats)")

            // Orders after the message: the clicker's (attributed), another recipient's (not
            // attributed, but counted in the lift), a held-out customer's.
            let received2 = Set(received.compactMap { ($0.envelope["to"] as? [String])?.first })
            let otherRecipient = try #require(received2.sorted().first { $0 != address })
            let heldOut = try #require(customers.keys.sorted().first { !received2.contains($0) })
            api.clock.advance(by: 3600)
            let placed = Timestamp.iso8601(api.clock.now())
            for (number, who, total) in [("Q-1", address, 5000), ("Q-2", otherRecipient, 2000), ("Q-3", heldOut, 3000)] {
                let order = try await api.send(.post, "/api/v1/orders", json: """
                    {"number":"\(number)","currency":"USD","status":"paid","customer_id":"\(customers[who]!)",
                     "lines":[{"sku":"Q","title":"Quill","quantity":1,"unit_price":\(total)}],"placed_at":"\(placed)"}
                    """)
                #expect(order.status == .created, "\(order.text)")
            }
            let report = try await api.send(.get, "/api/v1/campaigns/\(campaignID)/report")
            #expect(report.status == .ok, "\(report.text)")
            #expect(report.object["currency"] as? String == "USD")
            let attribution = try #require(report.object["attribution"] as? [String: Any], "\(report.text)")
            #expect(attribution["orders"] as? Int == 1 && attribution["orders_from_clicks"] as? Int == 1, "\(attribution)")
            #expect(Self.amount(attribution["revenue"], "USD") == 5000)
            #expect(attribution["average_order_value"] as? Int == 5000)
            #expect(attribution["cost"] as? Int == recipients, "one cent a message")
            let roi = try #require(attribution["return_on_investment"] as? Double)
            #expect(abs(roi - Double(5000 - recipients) / Double(recipients)) < 1e-9)
            let holdout = try #require(report.object["holdout"] as? [String: Any])
            let treated = try #require(holdout["recipients"] as? [String: Any])
            let baseline = try #require(holdout["holdout"] as? [String: Any])
            #expect(treated["members"] as? Int == recipients && treated["converted"] as? Int == 2, "\(treated)")
            #expect(baseline["members"] as? Int == Self.audience - recipients && baseline["converted"] as? Int == 1, "\(baseline)")
            #expect(Self.amount(baseline["revenue"], "USD") == 3000 && Self.amount(treated["revenue"], "USD") == 7000)
            #expect(holdout["p_value"] is Double && holdout["difference_interval"] is [String: Any])
            let rates = try #require(report.object["rates"] as? [String: Any])
            #expect(abs((rates["click_rate"] as? Double ?? 0) - 1 / Double(recipients)) < 1e-9)
            #expect(try await api.send(.get, "/api/v1/campaigns/cmp_01M85Z2TNC7PDQD87Z64YXE4SS/report").status == .notFound)

            // The campaign's page says the same.
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let page2 = try await WebWorkspaceTests.get(api, "/campaigns/\(campaignID)", cookie: marketer.cookie).text
            #expect(page2.contains("<li id=\"result-orders\"><span class=\"figure\">1</span>"), "\(page2)")
            #expect(page2.contains("<tr data-group=\"holdout\"><th scope=\"row\">Held out</th><td class=\"num\">\(Self.audience - recipients)</td><td class=\"num\">1</td>"))
            #expect(page2.contains("id=\"result-roi\"") && page2.contains("p = "))

            // The message is a touchpoint on the customer's timeline, beside the order.
            let timeline = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)/timeline").object["data"] as? [[String: Any]])
            let touchpoint = try #require(timeline.first { $0["kind"] as? String == "campaign_message" }, "\(timeline)")
            #expect(touchpoint["summary"] as? String == "Quills" && touchpoint["channel"] as? String == "email" && touchpoint["direction"] as? String == "outbound")
            let heldOutTimeline = try #require(try await api.send(.get, "/api/v1/customers/\(customers[heldOut]!)/timeline").object["data"] as? [[String: Any]])
            #expect(!heldOutTimeline.contains { $0["kind"] as? String == "campaign_message" }, "nothing went to a held-out customer")

            // Merged into another profile, the message and its click follow with the order: the
            // survivor's timeline has it and the report still attributes the order. Unmerged, back.
            let survivor = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"survivor@example.com"}]}"#).object["id"] as? String)
            let merge = try await api.send(.post, "/api/v1/customers/\(survivor)/merge", json: #"{"from_customer_id":"\#(customerID)"}"#)
            let mergeID = try #require(merge.object["id"] as? String, "\(merge.text)")
            let merged = try #require(try await api.send(.get, "/api/v1/customers/\(survivor)/timeline").object["data"] as? [[String: Any]])
            #expect(merged.contains { $0["kind"] as? String == "campaign_message" }, "\(merged)")
            let afterMerge = try #require(try await api.send(.get, "/api/v1/campaigns/\(campaignID)/report").object["attribution"] as? [String: Any])
            #expect(afterMerge["orders"] as? Int == 1)
            #expect(try await api.send(.post, "/api/v1/customers/\(survivor)/unmerge", json: #"{"merge_id":"\#(mergeID)"}"#).status == .ok)
            let back = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)/timeline").object["data"] as? [[String: Any]])
            #expect(back.contains { $0["kind"] as? String == "campaign_message" })
        }
    }

    @Test("a customer who refused analytics gets a message without the pixel, its links straight to the shop; an inbox can switch tracking off", arguments: TestDatabase.available)
    func respectsRefusals(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await SignedCampaignInbox.make(api, sink: sink)
            let inbox = try await api.services.inboxes.inbox(id: inboxID, channel: .email)
            let owner = Actor.operator(workspaceID: api.workspaceID)
            let listID = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name": "All", "kind": "list"}"#).object["id"] as? String)
            var ids: [String] = []
            for (address, analytics) in [("tracked@example.com", nil), ("private@example.com", "denied")] as [(String, String?)] {
                let id = try #require(try await api.send(.post, "/api/v1/customers", json: """
                    {"identities":[{"kind":"email","value":"\(address)"}]}
                    """).object["id"] as? String)
                ids.append(id)
                _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form"}"#)
                if let analytics {
                    let answer = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                        {"purpose":"analytics","channel":"web","status":"\(analytics)","source":"form"}
                        """)
                    #expect(answer.status == .created, "\(answer.text)")
                }
            }
            _ = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: #"{"customer_ids": ["\#(ids[0])", "\#(ids[1])"]}"#)
            func send(_ name: String) async throws -> [String: String] {
                let campaignID = try #require(try await api.send(.post, "/api/v1/campaigns", json: """
                    {"name":"\(name)","channel":"email","inbox_id":"\(inboxID)","definition":{"audience":{"segment_ids":["\(listID)"]},"holdout_share":0,
                     "content":{"en":{"subject":"Hi","body":"[Shop](https://shop.test/)"}}}}
                    """).object["id"] as? String)
                _ = try await api.send(.post, "/api/v1/campaigns/\(campaignID)/send")
                _ = try await api.services.campaignSender.runDue()
                var pages: [String: String] = [:]
                for message in try sink.received() {
                    let html = try #require(MIMEParser.parse(message.message).allParts.first { $0.contentType.type == "text/html" })
                    pages[(message.envelope["to"] as? [String])?.first ?? ""] = String(decoding: html.decodedBody, as: UTF8.self)
                }
                try sink.clear()
                return pages
            }
            let first = try await send("First")
            let tracked = try #require(first["tracked@example.com"])
            let untracked = try #require(first["private@example.com"])
            #expect(tracked.contains("/c/snd_") && tracked.contains("/o/snd_"))
            #expect(untracked.contains("href=\"https://shop.test/\"") && !untracked.contains("/o/snd_") && !untracked.contains("/c/snd_"))

            await #expect(throws: RapportError.self, "a switch is on or off") {
                _ = try await api.services.inboxes.updateInbox(
                    id: inboxID, name: inbox.name, settingChanges: ["track_opens": "no"], teamID: nil, slaPolicyID: nil, as: owner)
            }
            _ = try await api.services.inboxes.updateInbox(
                id: inboxID, name: inbox.name, settingChanges: ["track_opens": "off", "track_clicks": "off"], teamID: nil, slaPolicyID: nil, as: owner)
            let second = try await send("Second")
            let plain = try #require(second["tracked@example.com"])
            #expect(plain.contains("href=\"https://shop.test/\"") && !plain.contains("/o/snd_"), "the inbox switched tracking off")
        }
    }

    /// The value of the first `name="…"` attribute that starts with `prefix`, unescaped.
    static func attribute(_ name: String, startingWith prefix: String, in page: String) -> String? {
        guard let start = page.range(of: "\(name)=\"\(prefix)") else { return nil }
        let value = page[page.index(start.lowerBound, offsetBy: name.count + 2)...].prefix { $0 != "\"" }
        return MarkupText.unescape(String(value))
    }

    /// The amount in `currency` of a report's list of amounts.
    static func amount(_ list: Any?, _ currency: String) -> Int? {
        (list as? [[String: Any]])?.first { $0["currency"] as? String == currency }?["amount"] as? Int
    }

    /// The path and query of an absolute URL.
    static func path(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return url }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    @Test("an SMS campaign's link goes to Twilio as a short signed redirect; following it counts the click and leads to the shop; an altered one is a 404", arguments: TestDatabase.available)
    func smsShortLinks(database: TestDatabase) async throws {
        let twilio = try await FakeProvider.start()
        defer { twilio.stop() }
        twilio.script("/Messages.json", status: .created, body: #"{"sid":"SMlink0001","status":"queued"}"#)
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"sms","name":"SMS","settings":{"account_sid":"AC1234567890abcdef1234567890abcdef","auth_token":"twilio-token",
                 "phone_number":"+18005551212","api_base_url":"\(twilio.baseURL)"}}
                """)
            let inboxID = try #require(created.object["id"] as? String, "\(created.text)")
            let customerID = try #require(try await api.send(.post, "/api/v1/customers", json: """
                {"identities":[{"kind":"phone","value":"+4915112345678"}],"first_name":"Anna"}
                """).object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/customers/\(customerID)/consents", json: #"{"purpose":"marketing","channel":"sms","status":"granted","source":"form"}"#)
            let listID = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name": "Texts", "kind": "list"}"#).object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: #"{"customer_ids": ["\#(customerID)"]}"#)
            let campaign = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Texts","channel":"sms","inbox_id":"\(inboxID)","definition":{"audience":{"segment_ids":["\(listID)"]},"holdout_share":0,"quiet_hours":false,
                 "content":{"en":{"text":"Sale today: https://shop.test/sale"}}}}
                """)
            let campaignID = try #require(campaign.object["id"] as? String, "\(campaign.text)")
            _ = try await api.services.campaigns.send(id: campaignID, as: .operator(workspaceID: api.workspaceID))
            for _ in 0..<5 { _ = try await api.services.campaignSender.runDue() }

            let form = try #require(twilio.requests.first?.body, "Twilio got the message")
            let body = try #require(
                form.split(separator: "&").first { $0.hasPrefix("Body=") }.map { String($0.dropFirst(5)).replacingOccurrences(of: "+", with: " ").removingPercentEncoding } ?? nil)
            let link = try #require(body.firstMatch(of: /https:\/\/rapport\.test(\/s\/snd_[A-Za-z0-9]+\/0\/[A-Za-z0-9_-]{16})/), "\(body)")
            #expect(body == "Sale today: https://rapport.test\(link.1)\nReply STOP to opt out")
            let followed = try await api.client.execute(uri: String(link.1), method: .get)
            #expect(followed.status == .found && followed.headers[.location] == "https://shop.test/sale")
            #expect(followed.headers[.cacheControl] == "no-store")
            let report = try await api.send(.get, "/api/v1/campaigns/\(campaignID)")
            #expect((report.object["stats"] as? [String: Any])?["clicked"] as? Int == 1, "\(report.text)")
            let path = String(link.1)
            let altered = String(path.dropLast()) + (path.hasSuffix("A") ? "B" : "A")
            #expect(try await api.client.execute(uri: altered, method: .get).status == .notFound)
            let otherLink = path.replacingOccurrences(of: "/0/", with: "/1/")
            #expect(try await api.client.execute(uri: otherLink, method: .get).status == .notFound)
        }
    }
}
