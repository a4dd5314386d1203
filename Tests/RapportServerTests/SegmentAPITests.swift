import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Segments API")
struct SegmentAPITests {
    static func order(_ api: APIHarness, number: String, email: String, placedAt: String, status: String = "paid") async throws {
        let reply = try await api.send(.post, "/api/v1/orders", json: """
            {"number":"\(number)","source":"shop","status":"\(status)","currency":"EUR","placed_at":"\(placedAt)",
             "customer":{"identities":[{"kind":"email","value":"\(email)"}]},
             "lines":[{"sku":"MUG-1","title":"Mug","quantity":1,"unit_price":2500}]}
            """)
        #expect(reply.status == .created || reply.status == .ok, "\(reply.object)")
    }

    @Test("the acceptance definitions preview, save, count and list their members page by page", arguments: TestDatabase.available)
    func acceptance(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            for index in 0..<5 {
                try await Self.order(api, number: "a\(index)", email: "c\(index)@example.com", placedAt: "1997-01-1\(index)T10:00:00Z")
                try await Self.order(api, number: "b\(index)", email: "c\(index)@example.com", placedAt: "1997-03-0\(index + 1)T10:00:00Z")
            }
            try await Self.order(api, number: "x", email: "one@example.com", placedAt: "1997-02-01T10:00:00Z")
            try await Self.order(api, number: "y", email: "one@example.com", placedAt: "1997-02-02T10:00:00Z", status: "cancelled")
            let quarter = #"{"field": "orders.count", "op": ">=", "value": 2, "placed_from": "1997-01-01", "placed_before": "1997-04-01"}"#

            let preview = try await api.send(.post, "/api/v1/segments/preview", json: #"{"definition": \#(quarter)}"#)
            #expect(preview.status == .ok)
            #expect(preview.object["count"] as? Int == 5)
            #expect((preview.object["sample"] as? [[String: Any]])?.count == 5)
            for definition in [
                #"{"field": "orders.last_placed_at", "op": "before", "value": "1997-06-01"}"#,
                #"{"field": "tags", "op": "contains", "value": "vip"}"#,
                #"{"field": "events.count", "event": "Product Viewed", "op": ">=", "value": 3, "within_days": 7}"#,
            ] {
                let reply = try await api.send(.post, "/api/v1/segments/preview", json: #"{"definition": \#(definition)}"#)
                #expect(reply.status == .ok && reply.object["count"] is Int, "\(definition): \(reply.object)")
            }

            let created = try await api.send(.post, "/api/v1/segments", json: #"{"name": "Q1 repeat buyers", "definition": \#(quarter)}"#)
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? String)
            #expect(id.hasPrefix("seg_"))
            let shown = try await api.send(.get, "/api/v1/segments/\(id)")
            #expect(shown.object["member_count"] as? Int == 5)
            #expect(shown.object["kind"] as? String == "dynamic")
            #expect((shown.object["definition"] as? [String: Any])?["placed_before"] as? String == "1997-04-01")

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.send(.get, "/api/v1/segments/\(id)/members?limit=2" + (cursor.map { "&starting_after=\($0)" } ?? ""))
                #expect(page.status == .ok)
                let items = try #require(page.object["data"] as? [[String: Any]])
                #expect(items.allSatisfy { $0["object"] as? String == "customer" })
                seen += items.compactMap { $0["id"] as? String }
                cursor = page.object["has_more"] as? Bool == true ? page.object["next_starting_after"] as? String : nil
            } while cursor != nil
            #expect(seen.count == 5 && Set(seen).count == 5 && seen == seen.sorted(by: >))

            let member = try #require(seen.first)
            let view = try await api.send(.get, "/api/v1/customers/\(member)")
            #expect((view.object["segments"] as? [[String: Any]])?.first?["id"] as? String == id, "the 360° view names the segment")
            let ofCustomer = try await api.send(.get, "/api/v1/customers/\(member)/segments")
            #expect((ofCustomer.object["data"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test("bad definitions get a 422 naming the condition at fault and save nothing", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let cases: [(String, String)] = [
                (#"{"name": "x", "definition": {"all": [{"field": "orders.count", "op": "~", "value": 2}]}}"#, "definition.all[0].op"),
                (#"{"name": "x", "definition": {"any": [{"field": "events.count", "op": ">=", "value": "many"}]}}"#, "definition.any[0].value"),
                (#"{"name": "x", "definition": {"field": "sql", "op": "=", "value": "1; DROP TABLE customers"}}"#, "definition.field"),
                (#"{"name": "", "definition": {"field": "tags", "op": "contains", "value": "vip"}}"#, "name"),
                (#"{"name": "x"}"#, "definition"),
                (#"{"name": "x", "kind": "list", "definition": {"field": "tags", "op": "contains", "value": "vip"}}"#, "definition"),
                (#"{"name": "x", "definition": {"field": "tags", "op": "contains", "value": "vip"}, "colour": "red"}"#, "colour"),
            ]
            for (body, field) in cases {
                let reply = try await api.send(.post, "/api/v1/segments", json: body)
                #expect(reply.status.code == 422, "\(body): \(reply.status)")
                let errors = reply.object["errors"] as? [[String: Any]]
                #expect(errors?.first?["field"] as? String == field, "\(body): \(reply.object)")
            }
            let list = try await api.send(.get, "/api/v1/segments")
            #expect((list.object["data"] as? [Any])?.isEmpty == true)
            let preview = try await api.send(.post, "/api/v1/segments/preview", json: #"{"definition": {"not": []}}"#)
            #expect(preview.status.code == 422)
            let missing = try await api.send(.get, "/api/v1/segments/seg_01M0000000000000000000000")
            #expect(missing.status == .notFound)
        }
    }

    @Test("lists take members by hand, freeze copies a segment; segment.entered reaches outgoing webhooks' event types", arguments: TestDatabase.available)
    func listsAndEvents(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            try await Self.order(api, number: "1", email: "l@example.com", placedAt: "2026-01-01T10:00:00Z")
            let customers = try await api.send(.get, "/api/v1/customers")
            let customerID = try #require((customers.object["data"] as? [[String: Any]])?.first?["id"] as? String)
            let list = try await api.send(.post, "/api/v1/segments", json: #"{"name": "Met at the fair", "kind": "list"}"#)
            let listID = try #require(list.object["id"] as? String)
            #expect(list.object["definition"] is NSNull)
            let added = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: #"{"customer_ids": ["\#(customerID)"]}"#)
            #expect(added.object["member_count"] as? Int == 1)
            let unknown = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: #"{"customer_ids": ["cus_01M0000000000000000000000"]}"#)
            #expect(unknown.status.code == 422)
            let removed = try await api.send(.delete, "/api/v1/segments/\(listID)/members/\(customerID)")
            #expect(removed.object["member_count"] as? Int == 0)

            let buyers = try await api.send(.post, "/api/v1/segments", json: #"{"name": "Buyers", "definition": {"field": "orders.count", "op": ">=", "value": 1}}"#)
            let buyersID = try #require(buyers.object["id"] as? String)
            let frozen = try await api.send(.post, "/api/v1/segments/\(buyersID)/freeze", json: #"{"name": "Buyers on 1 Jan"}"#)
            #expect(frozen.status == .created && frozen.object["kind"] as? String == "list" && frozen.object["member_count"] as? Int == 1)
            let toList = try await api.send(.post, "/api/v1/segments/\(buyersID)/members", json: #"{"customer_ids": ["\#(customerID)"]}"#)
            #expect(toList.status == .conflict, "a segment's members follow its definition")

            let hook = try await api.send(.post, "/api/v1/webhook_endpoints", json: #"{"url":"https://hooks.example.com/in","event_types":["segment.entered","segment.left"]}"#)
            #expect(hook.status == .created)
            let events = try await api.services.store.read { session in try await session.events.events(after: 0, limit: 1_000) }
            #expect(events.contains { $0.event.type == .segmentEntered && $0.event.subjectID == customerID })
        }
    }
}
