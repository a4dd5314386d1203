import Foundation
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// `/api/v1/tasks`: made, read, listed by filter, changed (null clears what may be cleared,
/// and only that), completed; bad input is a 422 naming the field and changes nothing.
@Suite("Tasks API")
struct WorkTaskAPITests {
    @Test("a task is made, listed, cleared of its due time, completed and opened again; bad input is a 422 naming the field and changes nothing", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities": [{"kind": "email", "value": "b2b@example.com"}]}"#)
            let customerID = try #require(customer.object["id"] as? String, "\(customer.text)")
            let created = try await api.send(.post, "/api/v1/tasks", json: """
                {"kind": "call", "title": "Quote for 200 mugs", "due_at": "2026-12-10T09:00:00Z", "customer_id": "\(customerID)"}
                """)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.object["id"] as? String)
            #expect(id.hasPrefix("tsk_") && created.object["status"] as? String == "open" && (created.object["due_at"] as? String)?.hasPrefix("2026-12-10T09:00:00") == true, "\(created.text)")
            #expect(created.object["owner_id"] is NSNull && created.object["journey_id"] is NSNull && created.object["object"] as? String == "task")

            for (body, field) in [
                (#"{"title": null}"#, "title"), (#"{"kind": "fax"}"#, "kind"), (#"{"status": null}"#, "status"), (#"{"due_at": "soon"}"#, "due_at"),
                (#"{"owner_id": "cus_1"}"#, "owner_id"), (#"{"colour": "red"}"#, "colour"),
            ] {
                let refused = try await api.send(.patch, "/api/v1/tasks/\(id)", json: body)
                #expect(refused.status == .unprocessableContent && refused.text.contains(field), "\(body): \(refused.text)")
            }
            let unchanged = try await api.send(.get, "/api/v1/tasks/\(id)")
            #expect(unchanged.object["title"] as? String == "Quote for 200 mugs" && unchanged.object["kind"] as? String == "call")

            let cleared = try await api.send(.patch, "/api/v1/tasks/\(id)", json: #"{"due_at": null}"#)
            #expect(cleared.status == .ok && cleared.object["due_at"] is NSNull && cleared.object["customer_id"] as? String == customerID)
            let done = try await api.send(.patch, "/api/v1/tasks/\(id)", json: #"{"status": "done"}"#)
            #expect(done.object["status"] as? String == "done" && done.object["completed_at"] is String && done.object["completed_by"] is String)
            let listed = try await api.send(.get, "/api/v1/tasks?status=done&customer_id=\(customerID)")
            #expect((listed.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            #expect(try await api.send(.get, "/api/v1/tasks?status=later").status == .unprocessableContent)
            let reopened = try await api.send(.patch, "/api/v1/tasks/\(id)", json: #"{"status": "open"}"#)
            #expect(reopened.object["status"] as? String == "open" && reopened.object["completed_at"] is NSNull)
            #expect(try await api.send(.get, "/api/v1/tasks/tsk_01M00000000000000000000000").status == .notFound)
        }
    }

    @Test("a task about a lead, a deal or a company: it takes the lead's customer, lists by each link, refuses another workspace's or a made-up record, and is let go when the deal is deleted", arguments: TestDatabase.available)
    func links(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let lead = try await api.send(.post, "/api/v1/leads", json: #"{"email": "buyer@hotel.example", "company": {"name": "Hotel", "domain": "hotel.example"}}"#)
            let leadID = try #require(lead.object["id"] as? String, "\(lead.text)")
            let customerID = try #require(lead.object["customer_id"] as? String)
            let companyID = try #require(lead.object["company_id"] as? String)
            _ = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Wholesale", "currency": "EUR", "stages": [{"name": "Enquiry", "probability": 10}]}"#)
            let deal = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Towels", "amount": 5000}"#)
            let dealID = try #require(deal.object["id"] as? String, "\(deal.text)")

            let call = try await api.send(.post, "/api/v1/tasks", json: """
                {"kind": "call", "title": "Call about the sample", "lead_id": "\(leadID)", "company_id": "\(companyID)",
                 "due_at": "2026-12-10T09:00:00Z", "remind_at": "2026-12-10T08:30:00Z"}
                """)
            #expect(call.status == .created, "\(call.text)")
            let callID = try #require(call.object["id"] as? String)
            #expect(call.object["customer_id"] as? String == customerID, "a lead's task is about the lead's customer: \(call.text)")
            #expect(call.object["lead_id"] as? String == leadID && call.object["company_id"] as? String == companyID && call.object["deal_id"] is NSNull)
            #expect((call.object["remind_at"] as? String)?.hasPrefix("2026-12-10T08:30:00") == true)

            let quote = try await api.send(.post, "/api/v1/tasks", json: #"{"title": "Send the quote", "deal_id": "\#(dealID)"}"#)
            let quoteID = try #require(quote.object["id"] as? String, "\(quote.text)")
            #expect(quote.object["customer_id"] is NSNull, "a deal about no one gives the task no customer")

            for (query, expected) in [("lead_id=\(leadID)", [callID]), ("company_id=\(companyID)", [callID]), ("deal_id=\(dealID)", [quoteID]), ("customer_id=\(customerID)", [callID])] {
                let listed = try await api.send(.get, "/api/v1/tasks?\(query)")
                #expect((listed.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == expected, "\(query): \(listed.text)")
            }
            for (body, field) in [
                (#"{"deal_id": "dea_01M00000000000000000000000"}"#, "deal_id"), (#"{"lead_id": "led_01M00000000000000000000000"}"#, "lead_id"),
                (#"{"company_id": "com_01M00000000000000000000000"}"#, "company_id"), (#"{"deal_id": "led_1"}"#, "deal_id"), (#"{"remind_at": "later"}"#, "remind_at"),
            ] {
                let refused = try await api.send(.patch, "/api/v1/tasks/\(quoteID)", json: body)
                #expect(refused.status == .unprocessableContent && refused.text.contains(field), "\(body): \(refused.text)")
            }
            #expect(try await api.send(.get, "/api/v1/tasks?deal_id=led_1").status == .unprocessableContent)
            let unchanged = try await api.send(.get, "/api/v1/tasks/\(quoteID)")
            #expect(unchanged.object["deal_id"] as? String == dealID && unchanged.object["lead_id"] is NSNull && unchanged.object["remind_at"] is NSNull)

            let otherWorkspace = try await api.services.workspaces.create(name: "Agency client")
            let other = try await api.services.keys.create(name: "client", as: .operator(workspaceID: otherWorkspace.id)).secret
            let elsewhere = try await api.send(.post, "/api/v1/tasks", json: #"{"title": "Theirs", "deal_id": "\#(dealID)"}"#, key: other)
            #expect(elsewhere.status == .unprocessableContent && elsewhere.text.contains("deal_id"), "\(elsewhere.text)")

            #expect(try await api.send(.delete, "/api/v1/deals/\(dealID)").status == .noContent)
            let letGo = try await api.send(.get, "/api/v1/tasks/\(quoteID)")
            #expect(letGo.status == .ok && letGo.object["deal_id"] is NSNull && letGo.object["title"] as? String == "Send the quote", "\(letGo.text)")
        }
    }
}
