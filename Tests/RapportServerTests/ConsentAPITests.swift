import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Consent per purpose and channel, with evidence")
struct ConsentAPITests {
    static func customer(_ api: APIHarness, _ email: String = "ann@example.com") async throws -> String {
        try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"\#(email)","first_name":"Ann"}"#).object["id"] as? String)
    }

    static func consents(_ api: APIHarness, _ id: String) async throws -> [[String: Any]] {
        try #require(try await api.send(.get, "/api/v1/customers/\(id)/consents").object["data"] as? [[String: Any]])
    }

    @Test("a grant and its withdrawal are both kept, newest first, with source, actor and wording; each is a consent.changed event", arguments: TestDatabase.available)
    func history(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let wording = "Send me news and offers by e-mail. I can unsubscribe at any time."
            let granted = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                {"purpose":"marketing","channel":"email","status":"granted","source":"form","text":"\(wording)"}
                """)
            #expect(granted.status == .created)
            #expect(granted.object["effect"] as? String == "granted")
            #expect(granted.object["source"] as? String == "form")
            let hash = try #require((granted.object["history"] as? [[String: Any]])?.first?["text_hash"] as? String)
            #expect(hash.count == 64)
            #expect(try await api.services.consents.text(hash: hash, as: .operator(workspaceID: api.workspaceID)) == wording)

            let withdrawn = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"marketing","channel":"email","status":"withdrawn"}"#)
            #expect(withdrawn.status == .created)
            let history = try #require(withdrawn.object["history"] as? [[String: Any]])
            #expect(history.map { $0["status"] as? String } == ["withdrawn", "granted"])
            #expect(history.first?["source"] as? String == "api", "an API key's change without a source is the API's")
            #expect((history.first?["actor"] as? String)?.hasPrefix("api_key:") == true)
            #expect(history.first?["ip_address"] is NSNull, "a key relays a change made elsewhere: no address of a person")

            let again = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"marketing","channel":"email","status":"withdrawn"}"#)
            #expect((again.object["history"] as? [Any])?.count == 2, "the same answer from the same source again adds nothing")
            _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"loyalty_club","channel":"sms","status":"denied","source":"shop"}"#)
            let relayed = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                {"purpose":"surveys","channel":"email","status":"granted","source":"form","text":"\(wording)","ip_address":"198.51.100.4","user_agent":"Mozilla/5.0"}
                """)
            let relayedChange = try #require((relayed.object["history"] as? [[String: Any]])?.first)
            #expect(relayedChange["text_hash"] as? String == hash, "the same wording is stored once and referenced by the same hash")
            #expect(relayedChange["ip_address"] as? String == "198.51.100.4")
            #expect(relayedChange["user_agent"] as? String == "Mozilla/5.0")
            let listed = try await Self.consents(api, id)
            #expect(
                listed.map { "\($0["purpose"] ?? "") \($0["channel"] ?? "") \($0["status"] ?? "")" }
                    == ["loyalty_club sms denied", "marketing email withdrawn", "surveys email granted"])

            let view = try await api.send(.get, "/api/v1/customers/\(id)")
            #expect((view.object["consents"] as? [[String: Any]])?.count == 3, "the 360° view shows consent")

            let events = try await api.services.store.read { try await $0.events.events(after: 0, limit: 1000) }
                .filter { $0.event.type == .consentChanged && $0.event.subjectID == id }
            #expect(events.count == 4)
            #expect(events.first?.event.payload.contains(#""status":"granted""#) == true)
            #expect(events.allSatisfy { !$0.event.payload.contains("ip_address") })
        }
    }

    @Test("bad input is a 422 naming each field and stores nothing", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let past = ISO8601DateFormatter().string(from: api.clock.now().addingTimeInterval(-60))
            for (body, field) in [
                (#"{"purpose":"Marketing!","channel":"email","status":"granted"}"#, "purpose"),
                (#"{"purpose":"marketing","channel":"fax","status":"granted"}"#, "channel"),
                (#"{"purpose":"marketing","channel":"email","status":"maybe"}"#, "status"),
                (#"{"purpose":"marketing","channel":"email","status":"denied","expires_at":"2099-01-01T00:00:00Z"}"#, "expires_at"),
                (#"{"purpose":"marketing","channel":"email","status":"granted","expires_at":"\#(past)"}"#, "expires_at"),
                (#"{"purpose":"marketing","channel":"email","status":"granted","source":"preference_centre"}"#, "source"),
                (#"{"purpose":"marketing","channel":"email","status":"granted","source":"agent"}"#, "source"),
                (#"{"purpose":"marketing","channel":"email","status":"granted","occurred_at":"2099-01-01T00:00:00Z"}"#, "occurred_at"),
                (#"{"purpose":"marketing","channel":"email","status":"granted","opt_in_level":"single"}"#, "opt_in_level"),
                (#"{"purpose":"marketing","channel":"email","status":"granted","text":"\#(String(repeating: "x", count: 20_001))"}"#, "text"),
            ] {
                let response = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: body)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(response.text.contains(#""field":"\#(field)""#), "\(body) names \(field)")
            }
            #expect(try await Self.consents(api, id).isEmpty)
            #expect(try await api.send(.post, "/api/v1/customers/cus_nobody/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted"}"#).status == .notFound)
        }
    }

    @Test("a grant that has expired no longer counts; a time a little ahead counts as now, so a later answer still wins", arguments: TestDatabase.available)
    func expiry(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let ahead = ISO8601DateFormatter().string(from: api.clock.now().addingTimeInterval(240))
            _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                {"purpose":"marketing","channel":"sms","status":"granted","occurred_at":"\(ahead)"}
                """)
            api.clock.advance(by: 1)
            _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"marketing","channel":"sms","status":"withdrawn"}"#)
            #expect(try await Self.consents(api, id).first { $0["purpose"] as? String == "marketing" }?["status"] as? String == "withdrawn")
            let inAnHour = ISO8601DateFormatter().string(from: api.clock.now().addingTimeInterval(3600))
            let granted = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                {"purpose":"surveys","channel":"sms","status":"granted","expires_at":"\(inAnHour)"}
                """)
            #expect(granted.object["effect"] as? String == "granted")
            api.clock.advance(by: 7200)
            let later = try await Self.consents(api, id).first { $0["purpose"] as? String == "surveys" }
            #expect(later?["status"] as? String == "granted")
            #expect(later?["effect"] as? String == "expired")
        }
    }

    @Test("consent follows a merge to the survivor, the latest answer holds, and an unmerge takes it back", arguments: TestDatabase.available)
    func merges(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let a = try await Self.customer(api, "a@example.com")
            let b = try await Self.customer(api, "b@example.com")
            _ = try await api.send(.post, "/api/v1/customers/\(a)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted"}"#)
            api.clock.advance(by: 60)
            _ = try await api.send(.post, "/api/v1/customers/\(b)/consents", json: #"{"purpose":"marketing","channel":"email","status":"withdrawn"}"#)
            let merge = try await api.send(.post, "/api/v1/customers/\(a)/merge", json: #"{"from_customer_id":"\#(b)"}"#)
            let mergeID = try #require(merge.object["id"] as? String)
            let merged = try await Self.consents(api, a)
            #expect(merged.first?["status"] as? String == "withdrawn")
            #expect((merged.first?["history"] as? [Any])?.count == 2)
            let onMergedID = try await api.send(.post, "/api/v1/customers/\(b)/consents", json: #"{"purpose":"surveys","channel":"email","status":"denied"}"#)
            #expect(onMergedID.status == .created, "a change for a merged-away id lands on the survivor")
            _ = try await api.send(.post, "/api/v1/customers/\(a)/unmerge", json: #"{"merge_id":"\#(mergeID)"}"#)
            let backOnB = try await Self.consents(api, b)
            #expect(backOnB.map { "\($0["purpose"] ?? "") \($0["status"] ?? "")" } == ["marketing withdrawn", "surveys denied"],
                    "an unmerge gives back what was sent for the merged id, too")
            #expect(try await Self.consents(api, a).map { "\($0["purpose"] ?? "") \($0["status"] ?? "")" } == ["marketing granted"])
        }
    }

    @Test("an agent records what the customer said on the customer page: source agent, the agent as actor", arguments: TestDatabase.available)
    func agentOnPage(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let agent = try await WebWorkspaceTests.user(api, .agent)
            let browser = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let saved = try await WebWorkspaceTests.post(
                api, "/customers/\(id)/consents", [("_csrf", browser.csrf), ("purpose", "marketing"), ("channel", "whatsapp"), ("status", "granted")],
                cookie: browser.cookie)
            #expect(saved.status == .seeOther)
            let listed = try await Self.consents(api, id)
            let change = try #require((listed.first?["history"] as? [[String: Any]])?.first)
            #expect(change["source"] as? String == "agent")
            #expect(change["actor"] as? String == "user:\(agent.id)")
            let refused = try await WebWorkspaceTests.post(
                api, "/customers/\(id)/consents", [("_csrf", browser.csrf), ("purpose", "marketing"), ("channel", "fax"), ("status", "granted")],
                cookie: browser.cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Channel must be one of"))
            let forged = try await WebWorkspaceTests.post(
                api, "/customers/\(id)/consents", [("_csrf", "forged"), ("purpose", "marketing"), ("channel", "sms"), ("status", "granted")],
                cookie: browser.cookie)
            #expect(forged.status == .forbidden)
            let page = try await WebWorkspaceTests.get(api, "/customers/\(id)", cookie: browser.cookie)
            #expect(page.text.contains("History of marketing by whatsapp"))
            #expect(try await Self.consents(api, id).count == 1)
        }
    }
}
