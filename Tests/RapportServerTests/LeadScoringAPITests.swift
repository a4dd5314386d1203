import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

/// `/api/v1/lead_scoring`: rules made, changed and removed with bad input refused and nothing
/// changed; tracked calls recording facts on the person's open lead once a day per rule, faded
/// by their half-life; a browser key scoring no proven customer; and the hot score handing a
/// lead to sales once (a task, an alert, a timeline line, `lead.score_crossed`), again only a
/// month on.
@Suite("Lead scoring API")
struct LeadScoringAPITests {
    static func track(_ api: APIHarness, key: HTTPFields, _ calls: [String]) async throws {
        let batch = #"{"batch": [\#(calls.joined(separator: ","))]}"#
        let answer = try await api.client.execute(uri: "/v1/batch", method: .post, headers: key, body: ByteBuffer(string: batch))
        #expect(answer.status == .ok, "the batch was refused: \(answer.status)")
    }

    static func score(_ api: APIHarness, _ leadID: String) async throws -> Double? {
        try await api.send(.get, "/api/v1/leads/\(leadID)").object["score"] as? Double
    }

    @Test("rules are made, changed, listed and removed; bad input is refused and changes nothing; the hot score is set", arguments: TestDatabase.available)
    func rules(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let visit = try await api.send(.post, "/api/v1/lead_scoring/rules", json: #"{"name": "Visited the shop", "signal": "visit", "points": 5, "half_life_days": 7}"#)
            #expect(visit.status == .created, "\(visit.text)")
            #expect(visit.object["match"] is NSNull && visit.object["points"] as? Int == 5 && visit.object["half_life_days"] as? Int == 7)
            let visitID = try #require(visit.object["id"] as? String)
            #expect(visitID.hasPrefix("lsr_"))
            let pricing = try await api.send(.post, "/api/v1/lead_scoring/rules", json: #"{"name": " Pricing page ", "signal": "page", "match": "/pricing", "points": 20}"#)
            #expect(pricing.status == .created && pricing.object["name"] as? String == "Pricing page" && pricing.object["half_life_days"] is NSNull, "\(pricing.text)")
            let pricingID = try #require(pricing.object["id"] as? String)

            for bad in [
                #"{"name": "A", "signal": "visit", "match": "/x", "points": 5}"#,
                #"{"name": "A", "signal": "page", "match": "pricing", "points": 5}"#,
                #"{"name": "A", "signal": "event", "points": 5}"#,
                #"{"name": "A", "signal": "visit", "points": 0}"#,
                #"{"name": "A", "signal": "visit", "points": 500}"#,
                #"{"name": "A", "signal": "visit", "points": 5, "half_life_days": 0}"#,
                #"{"name": "A", "signal": "call", "points": 5}"#,
                #"{"name": "", "signal": "visit", "points": 5}"#,
                #"{"signal": "visit", "points": 5}"#,
                #"{"name": "A", "signal": "visit", "points": 5, "weight": 2}"#,
            ] {
                let refused = try await api.send(.post, "/api/v1/lead_scoring/rules", json: bad)
                #expect(refused.status == .unprocessableContent, "\(bad): \(refused.text)")
            }
            #expect((try await api.send(.get, "/api/v1/lead_scoring/rules").object["data"] as? [[String: Any]])?.count == 2, "refused input made nothing")

            let changed = try await api.send(.patch, "/api/v1/lead_scoring/rules/\(pricingID)", json: #"{"points": 25, "half_life_days": 14}"#)
            #expect(changed.object["points"] as? Int == 25 && changed.object["half_life_days"] as? Int == 14 && changed.object["match"] as? String == "/pricing")
            for bad in [#"{"signal": "event", "match": null}"#, #"{"signal": "event"}"#] {
                let refusedChange = try await api.send(.patch, "/api/v1/lead_scoring/rules/\(pricingID)", json: bad)
                #expect(refusedChange.status == .unprocessableContent && refusedChange.text.contains("match"), "\(bad): \(refusedChange.text)")
            }
            let kept = try #require((try await api.send(.get, "/api/v1/lead_scoring/rules").object["data"] as? [[String: Any]])?.first { $0["id"] as? String == pricingID })
            #expect(kept["signal"] as? String == "page" && kept["points"] as? Int == 25, "a refused change leaves the rule: \(kept)")
            #expect(try await api.send(.patch, "/api/v1/lead_scoring/rules/\(pricingID)", json: #"{"half_life_days": null}"#).object["half_life_days"] is NSNull)

            #expect(try await api.send(.delete, "/api/v1/lead_scoring/rules/\(visitID)").status == .noContent)
            #expect(try await api.send(.delete, "/api/v1/lead_scoring/rules/\(visitID)").status == .notFound)
            #expect(try await api.send(.patch, "/api/v1/lead_scoring/rules/lsr_01M0000000000000000000000", json: #"{"points": 3}"#).status == .notFound)

            #expect(try await api.send(.get, "/api/v1/lead_scoring/settings").object["hot_score"] is NSNull)
            #expect(try await api.send(.put, "/api/v1/lead_scoring/settings", json: #"{"hot_score": 40}"#).object["hot_score"] as? Int == 40)
            for bad in [#"{"hot_score": 0}"#, #"{}"#, #"{"hot_score": "hot"}"#, #"{"hot_score": 40, "cold": 1}"#] {
                #expect(try await api.send(.put, "/api/v1/lead_scoring/settings", json: bad).status == .unprocessableContent, "\(bad)")
            }
            #expect(try await api.send(.get, "/api/v1/lead_scoring/settings").object["hot_score"] as? Int == 40, "refused settings change nothing")
            #expect(try await api.send(.put, "/api/v1/lead_scoring/settings", json: #"{"hot_score": null}"#).object["hot_score"] is NSNull)
        }
    }

    @Test("tracked calls score the person's open lead once a day per rule, fading by half-life; a browser key scores no proven customer; the hot score hands the lead over once a month", arguments: TestDatabase.available)
    func scoring(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            api.clock.freeze()
            let rep = try await AlertAPITests.user(api, "rep")
            let server = try await api.services.keys.create(name: "backend", kind: .server, as: .operator(workspaceID: api.workspaceID)).secret
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let proven = TrackingAPITests.basic(server)
            var asserted = TrackingAPITests.basic(browser)
            asserted[.origin] = "https://shop.test"
            try await Self.track(api, key: proven, [#"{"type": "identify", "userId": "b2b-9", "traits": {"email": "jo@hotel.example"}}"#])
            let customerID = try #require(
                (try await api.send(.get, "/api/v1/customers?q=jo%40hotel.example").object["data"] as? [[String: Any]])?.first?["id"] as? String)
            let opened = try await api.send(.post, "/api/v1/leads", json: #"{"customer_id": "\#(customerID)", "owner_id": "\#(rep.userID)", "title": "Linen for 80 rooms"}"#)
            let leadID = try #require(opened.object["id"] as? String, "\(opened.text)")
            #expect(opened.object["score"] as? Double == 0, "a lead without facts scores 0: \(opened.text)")

            for rule in [
                #"{"name": "Visit", "signal": "visit", "points": 5, "half_life_days": 7}"#,
                #"{"name": "Pricing", "signal": "page", "match": "/pricing", "points": 20, "half_life_days": 14}"#,
                #"{"name": "Catalogue", "signal": "event", "match": "Catalogue Downloaded", "points": 15}"#,
            ] {
                #expect(try await api.send(.post, "/api/v1/lead_scoring/rules", json: rule).status == .created)
            }
            #expect(try await api.send(.put, "/api/v1/lead_scoring/settings", json: #"{"hot_score": 40}"#).status == .ok)

            // The pricing page three ways in one day: a visit and the page, once each.
            try await Self.track(api, key: proven, [
                #"{"type": "page", "userId": "b2b-9", "name": "Pricing", "properties": {"path": "/pricing"}, "messageId": "p-1"}"#,
                #"{"type": "page", "userId": "b2b-9", "properties": {"url": "https://shop.test/pricing/wholesale"}, "messageId": "p-2"}"#,
                #"{"type": "track", "userId": "b2b-9", "event": "Page Viewed", "context": {"page": {"path": "/pricing"}}, "messageId": "p-3"}"#,
                #"{"type": "page", "userId": "someone-else", "properties": {"path": "/pricing"}, "messageId": "p-4"}"#,
            ])
            #expect(try await Self.score(api, leadID) == 25, "a visit (5) and the pricing page (20), once each a day")
            let breakdown = try await api.send(.get, "/api/v1/leads/\(leadID)/score")
            #expect((breakdown.object["facts"] as? [[String: Any]])?.count == 2 && breakdown.object["hot"] as? Bool == false, "\(breakdown.text)")
            #expect((try await api.send(.get, "/api/v1/tasks?lead_id=\(leadID)").object["data"] as? [[String: Any]])?.isEmpty == true, "under the hot score: no task")

            // A browser key asserting the proven customer's download gives no points.
            try await Self.track(api, key: asserted, [#"{"type": "track", "userId": "b2b-9", "event": "Catalogue Downloaded", "messageId": "c-forged"}"#])
            #expect(try await Self.score(api, leadID) == 25, "a browser key's say-so scores no proven customer")

            // The shop's own server reports it: 40, the hot score, so the lead is handed over.
            try await Self.track(api, key: proven, [#"{"type": "track", "userId": "b2b-9", "event": "Catalogue Downloaded", "messageId": "c-1"}"#])
            #expect(try await Self.score(api, leadID) == 40)
            let tasks = try #require(try await api.send(.get, "/api/v1/tasks?lead_id=\(leadID)").object["data"] as? [[String: Any]])
            #expect(tasks.count == 1 && tasks.first?["owner_id"] as? String == rep.userID && tasks.first?["kind"] as? String == "call", "\(tasks)")
            #expect(AlertAPITests.kinds(try await rep.send(api, .get, "/api/v1/alerts")) == ["lead_hot"], "the owner is alerted")
            let crossings = try await LeadAPITests.events(api).filter { $0.type == .leadScoreCrossed }
            let crossing = try #require(crossings.first)
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(crossing.payload.utf8)) as? [String: Any])
            #expect(crossings.count == 1 && payload["hot_score"] as? Int == 40 && payload["score"] as? Double == 40 && payload["lead_id"] as? String == leadID, "\(payload)")
            #expect(try await LeadAPITests.timeline(api, customerID).contains { $0["kind"] as? String == "lead_score_crossed" })
            let hot = try await api.send(.get, "/api/v1/leads/\(leadID)/score")
            #expect(hot.object["hot"] as? Bool == true && hot.object["handed_over_at"] is String, "\(hot.text)")

            // A day on the points have faded below 40; the page again lifts it, but a lead handed
            // over this month is not handed over again.
            api.clock.advance(by: 86_400)
            let faded = try #require(try await Self.score(api, leadID))
            #expect(faded > 38.5 && faded < 38.7, "5·½^(1/7) + 20·½^(1/14) + 15 ≈ 38.6: \(faded)")
            try await Self.track(api, key: proven, [#"{"type": "page", "userId": "b2b-9", "properties": {"path": "/pricing"}, "messageId": "p-5"}"#])
            #expect(try await Self.score(api, leadID) ?? 0 > 63, "a new day counts again")
            #expect((try await api.send(.get, "/api/v1/tasks?lead_id=\(leadID)").object["data"] as? [[String: Any]])?.count == 1, "one hand-off a month")

            // A month on it has cooled, and warming again hands it over again.
            api.clock.advance(by: 31 * 86_400)
            let cooled = try #require(try await Self.score(api, leadID))
            #expect(cooled < 40 && cooled > 15, "the download keeps its 15; the rest has faded: \(cooled)")
            try await Self.track(api, key: proven, [#"{"type": "page", "userId": "b2b-9", "properties": {"path": "/pricing/bulk"}, "messageId": "p-6"}"#])
            #expect((try await api.send(.get, "/api/v1/tasks?lead_id=\(leadID)").object["data"] as? [[String: Any]])?.count == 2)
            #expect(try await LeadAPITests.events(api).filter { $0.type == .leadScoreCrossed }.count == 2)

            // A browser key may open and warm a lead on a visitor's own new profile: the lead is
            // handed to the team's queue, but no one holds it, so no one is alerted or mailed.
            let manager = try await AlertAPITests.user(api, "boss", role: .manager)
            try await Self.track(api, key: asserted, [
                #"{"type": "identify", "anonymousId": "v-1", "traits": {"email": "visitor@example.net"}}"#,
                #"{"type": "track", "anonymousId": "v-1", "event": "Lead Created", "messageId": "l-v1"}"#,
                #"{"type": "page", "anonymousId": "v-1", "properties": {"path": "/pricing"}, "messageId": "v-p1"}"#,
                #"{"type": "track", "anonymousId": "v-1", "event": "Catalogue Downloaded", "messageId": "v-c1"}"#,
            ])
            let visitorLead = try #require(
                (try await api.send(.get, "/api/v1/leads?source=tracking").object["data"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await Self.score(api, visitorLead) == 40, "an unproven profile's own calls score it")
            let queued = try #require(try await api.send(.get, "/api/v1/tasks?lead_id=\(visitorLead)").object["data"] as? [[String: Any]])
            #expect(queued.count == 1 && queued.first?["owner_id"] is NSNull, "handed to the queue: \(queued)")
            #expect(AlertAPITests.kinds(try await manager.send(api, .get, "/api/v1/alerts")).isEmpty, "a lead no one holds alerts no manager")

            // Unknown lead: 404; the lead list carries scores.
            #expect(try await api.send(.get, "/api/v1/leads/led_01M0000000000000000000000/score").status == .notFound)
            let listed = try #require(try await api.send(.get, "/api/v1/leads").object["data"] as? [[String: Any]])
            #expect(listed.first { $0["id"] as? String == leadID }?["score"] as? Double ?? 0 >= 40)
        }
    }
}
