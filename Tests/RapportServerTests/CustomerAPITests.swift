import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Customer API")
struct CustomerAPITests {
    @Test("creating answers 201, the same identity again answers 200 with the same customer", arguments: TestDatabase.available)
    func upsert(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/customers",
                json: #"{"email":"Mia@Example.com","phone":"0151 2345 6789","first_name":"Mia","tags":["VIP"],"attributes":{"size":38,"vip":true}}"#)
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? String)
            #expect(id.hasPrefix("cus_"))
            #expect(created.headers[.location] == "/api/v1/customers/\(id)")
            let identities = created.object["identities"] as? [[String: Any]] ?? []
            #expect(Set(identities.compactMap { $0["value"] as? String }) == ["mia@example.com", "+4915123456789"])
            #expect(created.object["tags"] as? [String] == ["vip"])

            let updated = try await api.send(.post, "/api/v1/customers",
                json: #"{"identities":[{"kind":"phone","value":"+49 151 23456789"}],"last_name":"Roth"}"#)
            #expect(updated.status == .ok)
            #expect(updated.object["id"] as? String == id)
            #expect(updated.object["first_name"] as? String == "Mia")
            #expect(updated.object["last_name"] as? String == "Roth")

            let view = try await api.send(.get, "/api/v1/customers/\(id)")
            #expect(view.status == .ok)
            #expect((view.object["counts"] as? [String: Any])?["identities"] as? Int == 2)
            #expect(view.object["recent_interactions"] as? [Any] != nil)
        }
    }

    @Test("bad input gets a 4xx that says what to fix, and writes nothing", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let invalid = try await api.send(.post, "/api/v1/customers",
                json: #"{"identities":[{"kind":"fax","value":"1"},{"kind":"phone","value":"12ab"}],"email":"not-an-address"}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.headers[.contentType] == "application/problem+json")
            let fields = (invalid.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields == ["identities[0].kind", "identities[1].value", "identities[2].value"])

            let wrongType = try await api.send(.post, "/api/v1/customers", json: #"{"first_name":7,"shoe":"x"}"#)
            #expect(wrongType.status == .unprocessableContent)
            let wrongFields = (wrongType.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(wrongFields == ["first_name", "shoe"])

            let malformed = try await api.send(.post, "/api/v1/customers", json: #"{"email": "#)
            #expect(malformed.status == .badRequest)
            let notObject = try await api.send(.post, "/api/v1/customers", json: "[1,2]")
            #expect(notObject.status == .badRequest)
            let form = try await api.send(.post, "/api/v1/customers", json: "email=a", headers: [("Content-Type", "application/x-www-form-urlencoded")])
            #expect(form.status == .unsupportedMediaType)
            let huge = String(repeating: "a", count: (1 << 20) + 10)
            let tooLarge = try await api.send(.post, "/api/v1/customers", json: #"{"notes":"\#(huge)"}"#)
            #expect(tooLarge.status == .contentTooLarge)
            let nul = try await api.send(.post, "/api/v1/customers", json: #"{"email":"a\u0000@example.com"}"#)
            #expect(nul.status == .unprocessableContent)
            let badLimit = try await api.send(.get, "/api/v1/customers?limit=0")
            #expect(badLimit.status == .unprocessableContent)

            let list = try await api.send(.get, "/api/v1/customers")
            #expect((list.object["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("requests without a valid key are refused; every response carries a request id", arguments: TestDatabase.available)
    func authentication(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let none = try await api.client.execute(uri: "/api/v1/customers", method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] != nil)
            #expect(none.headers[HTTPField.Name("X-Request-Id")!]?.hasPrefix("req_") == true)
            let wrong = try await api.send(.get, "/api/v1/customers", key: "rpk_wrong")
            #expect(wrong.status == .unauthorized)
            let traced = try await api.send(.get, "/api/v1/customers", headers: [("X-Request-Id", "trace-42")])
            #expect(traced.headers[HTTPField.Name("X-Request-Id")!] == "trace-42")

            let second = try await api.services.keys.create(name: "to revoke", as: .operator(workspaceID: api.workspaceID))
            try await api.services.keys.revoke(id: second.key.id)
            let revoked = try await api.send(.get, "/api/v1/customers", key: second.secret)
            #expect(revoked.status == .unauthorized)
            #expect(try await api.send(.get, "/health").status == .ok)
        }
    }

    @Test("another workspace's key sees none of this workspace's customers", arguments: TestDatabase.available)
    func workspaces(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/customers", json: #"{"email":"w@example.com"}"#)
            let id = try #require(created.object["id"] as? String)
            let other = try await api.services.workspaces.create(name: "Agency client")
            let otherKey = try await api.services.keys.create(name: "client", as: .operator(workspaceID: other.id)).secret
            #expect(try await api.send(.get, "/api/v1/customers/\(id)", key: otherKey).status == .notFound)
            #expect(try await api.send(.patch, "/api/v1/customers/\(id)", json: #"{"first_name":"X"}"#, key: otherKey).status == .notFound)
            let list = try await api.send(.get, "/api/v1/customers?query=w", key: otherKey)
            #expect((list.object["data"] as? [Any])?.isEmpty == true)
            let theirs = try await api.send(.post, "/api/v1/customers", json: #"{"email":"w@example.com"}"#, key: otherKey)
            #expect(theirs.status == .created)
        }
    }

    @Test("a retried POST with the same Idempotency-Key is answered once", arguments: TestDatabase.available)
    func idempotency(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let body = #"{"email":"retry@example.com","tags":["a"]}"#
            let first = try await api.send(.post, "/api/v1/customers", json: body, headers: [("Idempotency-Key", "order-77")])
            let again = try await api.send(.post, "/api/v1/customers", json: body, headers: [("Idempotency-Key", "order-77")])
            #expect(first.status == .created)
            #expect(again.status == .created, "the first answer is replayed, not a 200 from a second upsert")
            #expect(again.text == first.text)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let reused = try await api.send(.post, "/api/v1/customers", json: #"{"email":"else@example.com"}"#,
                                            headers: [("Idempotency-Key", "order-77")])
            #expect(reused.status == .unprocessableContent)
            let events = try await api.services.store.read { try await $0.events.events(after: 0, limit: 100) }
            #expect(events.filter { $0.event.type == .customerCreated }.count == 1)
        }
    }

    @Test("profile, tags, attributes, identities, delete and restore endpoints", arguments: TestDatabase.available)
    func editing(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"e@example.com","first_name":"Eli"}"#).object["id"] as? String)
            let patched = try await api.send(.patch, "/api/v1/customers/\(id)",
                json: #"{"first_name":null,"timezone":"Europe/Vienna","addresses":[{"city":"Wien","country":"AT"}]}"#)
            #expect(patched.status == .ok)
            #expect(patched.object["first_name"] is NSNull)
            #expect(patched.object["timezone"] as? String == "Europe/Vienna")
            let badZone = try await api.send(.patch, "/api/v1/customers/\(id)", json: #"{"timezone":"Mars/Olympus"}"#)
            #expect(badZone.status == .unprocessableContent)

            let tagged = try await api.send(.post, "/api/v1/customers/\(id)/tags", json: #"{"tags":["Gold"," b2b "]}"#)
            #expect(tagged.object["tags"] as? [String] == ["b2b", "gold"])
            let untagged = try await api.send(.delete, "/api/v1/customers/\(id)/tags/gold")
            #expect(untagged.object["tags"] as? [String] == ["b2b"])
            let attributed = try await api.send(.put, "/api/v1/customers/\(id)/attributes/lifetime_orders", json: #"{"value":12}"#)
            #expect((attributed.object["attributes"] as? [String: Any])?["lifetime_orders"] as? Double == 12)
            let badKey = try await api.send(.put, "/api/v1/customers/\(id)/attributes/Bad-Key", json: #"{"value":1}"#)
            #expect(badKey.status == .unprocessableContent)
            let unattributed = try await api.send(.delete, "/api/v1/customers/\(id)/attributes/lifetime_orders")
            #expect((unattributed.object["attributes"] as? [String: Any])?.isEmpty == true)

            let withPhone = try await api.send(.post, "/api/v1/customers/\(id)/identities", json: #"{"kind":"phone","value":"+43 660 1234567"}"#)
            #expect(withPhone.status == .created)
            let phoneID = try #require((withPhone.object["identities"] as? [[String: Any]])?.first { $0["kind"] as? String == "phone" }?["id"] as? String)
            let withoutPhone = try await api.send(.delete, "/api/v1/customers/\(id)/identities/\(phoneID)")
            #expect((withoutPhone.object["identities"] as? [Any])?.count == 1)

            #expect(try await api.send(.delete, "/api/v1/customers/\(id)").status == .noContent)
            #expect(try await api.send(.get, "/api/v1/customers/\(id)").status == .notFound)
            let restored = try await api.send(.post, "/api/v1/customers/\(id)/restore")
            #expect(restored.status == .ok)
            #expect(try await api.send(.get, "/api/v1/customers/\(id)").status == .ok)
            #expect(try await api.send(.get, "/api/v1/customers/cus_doesnotexist").status == .notFound)
        }
    }
}
