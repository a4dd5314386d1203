import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Merge and timeline API")
struct MergeAPITests {
    @Test("merge, follow the merged id, record on it, unmerge", arguments: TestDatabase.available)
    func mergeFlow(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let a = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"a@example.com","first_name":"Ada"}"#).object["id"] as? String)
            let b = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"phone":"+4930555000","last_name":"Byron"}"#).object["id"] as? String)
            let touch = try await api.send(.post, "/api/v1/customers/\(b)/interactions",
                json: #"{"channel":"phone","direction":"inbound","kind":"call","summary":"Order question","payload":{"duration_s":95}}"#)
            #expect(touch.status == .created)

            let merge = try await api.send(.post, "/api/v1/customers/\(a)/merge", json: #"{"from_customer_id":"\#(b)"}"#)
            #expect(merge.status == .created)
            let mergeID = try #require(merge.object["id"] as? String)

            let redirected = try await api.send(.get, "/api/v1/customers/\(b)")
            #expect(redirected.status == .movedPermanently)
            #expect(redirected.headers[.location] == "/api/v1/customers/\(a)")
            #expect(redirected.object["id"] as? String == a)
            #expect(redirected.object["last_name"] as? String == "Byron")
            #expect(try await api.send(.patch, "/api/v1/customers/\(b)", json: #"{"notes":"x"}"#).status == .conflict)

            let later = try await api.send(.post, "/api/v1/customers/\(b)/interactions", json: #"{"channel":"web","kind":"page_view"}"#)
            #expect(later.object["customer_id"] as? String == a, "a touchpoint for a merged id lands on the survivor")

            let merges = try await api.send(.get, "/api/v1/customers/\(a)/merges")
            #expect((merges.object["data"] as? [[String: Any]])?.first?["id"] as? String == mergeID)

            let unmerged = try await api.send(.post, "/api/v1/customers/\(a)/unmerge", json: #"{"merge_id":"\#(mergeID)"}"#)
            #expect(unmerged.status == .ok)
            #expect(unmerged.object["undone_at"] as? String != nil)
            let back = try await api.send(.get, "/api/v1/customers/\(b)")
            #expect(back.status == .ok)
            #expect((back.object["counts"] as? [String: Any])?["interactions"] as? Int == 1)
            let call = (back.object["recent_interactions"] as? [[String: Any]])?.first
            #expect(call?["summary"] as? String == "Order question")
            #expect((call?["payload"] as? [String: Any])?["duration_s"] as? Int == 95, "payload JSON comes back as JSON")
            #expect(call?["customer_id"] as? String == b)
            #expect((back.object["identities"] as? [[String: Any]])?.first?["value"] as? String == "+4930555000")
            let survivor = try await api.send(.get, "/api/v1/customers/\(a)")
            #expect(survivor.object["last_name"] is NSNull)
            #expect((survivor.object["recent_interactions"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["page_view"])
            #expect(try await api.send(.post, "/api/v1/customers/\(a)/unmerge").status == .conflict)
        }
    }

    @Test("a platform id named with a known e-mail becomes a merge suggestion", arguments: TestDatabase.available)
    func suggestions(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await api.send(.post, "/api/v1/customers", json: #"{"email":"s@example.com"}"#)
            _ = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"instagram","value":"17841400000"}]}"#)
            _ = try await api.send(.post, "/api/v1/customers",
                json: #"{"email":"s@example.com","identities":[{"kind":"instagram","value":"17841400000"}]}"#)
            let suggestions = try await api.send(.get, "/api/v1/merge-suggestions")
            let items = suggestions.object["data"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(items.first?["identity_kind"] as? String == "instagram")
        }
    }

    @Test("the timeline pages newest first and the list searches", arguments: TestDatabase.available)
    func timelineAndSearch(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"t@example.com","first_name":"Theo","last_name":"Kranz"}"#).object["id"] as? String)
            for day in 1...3 {
                _ = try await api.send(.post, "/api/v1/customers/\(id)/interactions",
                    json: #"{"channel":"email","direction":"outbound","kind":"email_sent","occurred_at":"2026-10-0\#(day)T10:00:00Z"}"#)
            }
            let page = try await api.send(.get, "/api/v1/customers/\(id)/timeline?limit=2")
            let items = page.object["data"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["occurred_at"] as? String } == ["2026-10-03T10:00:00.000Z", "2026-10-02T10:00:00.000Z"])
            let cursor = try #require(page.object["next_starting_after"] as? String)
            let rest = try await api.send(.get, "/api/v1/customers/\(id)/timeline?limit=2&starting_after=\(cursor)")
            #expect((rest.object["data"] as? [[String: Any]])?.compactMap { $0["occurred_at"] as? String } == ["2026-10-01T10:00:00.000Z"])
            #expect(rest.object["has_more"] as? Bool == false)

            let found = try await api.send(.get, "/api/v1/customers?query=kran")
            #expect((found.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            let badDate = try await api.send(.post, "/api/v1/customers/\(id)/interactions", json: #"{"channel":"email","kind":"x","occurred_at":"yesterday"}"#)
            #expect(badDate.status == .unprocessableContent)
        }
    }

    @Test("the OpenAPI document is served and names every route", arguments: [TestDatabase.sqlite])
    func openAPI(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let response = try await api.client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let paths = try #require(response.object["paths"] as? [String: Any])
            for path in ["/api/v1/customers", "/api/v1/customers/{id}", "/api/v1/customers/{id}/merge",
                         "/api/v1/customers/{id}/unmerge", "/api/v1/customers/{id}/timeline", "/api/v1/merge-suggestions",
                         "/api/v1/customers/{id}/interactions", "/health"] {
                #expect(paths[path] != nil, "\(path) is documented")
            }
            let health = try await api.client.execute(uri: "/health", method: .get)
            #expect((health.object["database"] as? [String: Any])?["engine"] as? String == database.rawValue)
        }
    }
}
