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
}
