import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

@Suite("Privacy: export, erasure and the audit log over HTTP")
struct PrivacyAPITests {
    static func customer(_ api: APIHarness) async throws -> String {
        try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"mira@example.com","first_name":"Mira","phone":"+4915199887766"}"#)
            .object["id"] as? String)
    }

    @Test("the export is one JSON document or a ZIP of it with CSV tables; a bad format is refused", arguments: TestDatabase.available)
    func export(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let json = try await api.send(.get, "/api/v1/customers/\(id)/export")
            #expect(json.status == .ok && json.headers[.contentType] == "application/json")
            #expect(json.headers[.contentDisposition] == "attachment; filename=\"rapport-export-\(id).json\"")
            #expect(json.object["format"] as? String == "rapport.customer_export" && json.object["customer_id"] as? String == id)
            let tables = try #require(json.object["tables"] as? [String: [[String: Any]]])
            #expect(tables["customers"]?.first?["first_name"] as? String == "Mira")
            #expect(tables["customer_identities"]?.count == 2)
            #expect(tables["customers"]?.first?["created_at"] is String, "times are ISO 8601")

            let zip = try await api.send(.get, "/api/v1/customers/\(id)/export", headers: [("Accept", "application/zip")])
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            let bytes = Array(zip.body.readableBytesView)
            #expect(bytes.prefix(4) == [0x50, 0x4b, 0x03, 0x04], "a ZIP's local file header")
            // Python's zipfile reads it: every CRC checks, the document and the tables are there.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).zip")
            try Data(bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try ChildProcess.run("/usr/bin/env", ["python3", "-c", """
                import json, sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                assert z.testzip() is None
                print(json.loads(z.read("customer.json"))["customer_id"], *sorted(z.namelist()))
                """, file.path])
            let listing = result.output
            #expect(result.status == 0, "\(result.errors)")
            #expect(listing.hasPrefix(id) && listing.contains("customer.json") && listing.contains("tables/customer_identities.csv"))

            let bad = try await api.send(.get, "/api/v1/customers/\(id)/export?format=pdf")
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test("an erasure says it cannot be undone; the customer then answers 410 everywhere; a bad body changes nothing", arguments: TestDatabase.available)
    func erase(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let refused = try await api.send(.post, "/api/v1/customers/\(id)/erase", json: #"{"orders":"shred"}"#)
            #expect(refused.status == .unprocessableContent)
            let unknown = try await api.send(.post, "/api/v1/customers/\(id)/erase", json: #"{"order":"delete"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/customers/\(id)").status == .ok, "nothing was erased by a refused request")

            let erased = try await api.send(.post, "/api/v1/customers/\(id)/erase")
            #expect(erased.status == .ok)
            #expect(erased.object["irreversible"] as? Bool == true && erased.object["customer_ids"] as? [String] == [id])
            #expect((erased.object["message"] as? String)?.contains("cannot be undone") == true)
            for (method, path) in [(HTTPRequest.Method.get, ""), (.get, "/export"), (.get, "/consents"), (.post, "/erase"), (.post, "/restore")] {
                let response = try await api.send(method, "/api/v1/customers/\(id)\(path)")
                #expect(response.status == .gone, "\(method) \(path)")
            }
            let search = try await api.send(.get, "/api/v1/customers?query=mira@example.com")
            #expect((search.object["data"] as? [Any])?.isEmpty == true)
            // A returning customer with the same address is someone new.
            let again = try await api.send(.post, "/api/v1/customers", json: #"{"email":"mira@example.com"}"#)
            #expect(again.status == .created && again.object["id"] as? String != id)

            let events = try await api.services.store.read { try await $0.events.events(after: 0, limit: 1000) }
            let erasure = try #require(events.first { $0.event.type == .customerErased })
            #expect(erasure.event.payload.contains(id) && !erasure.event.payload.contains("mira@example.com"))
        }
    }

    @Test("who opened a customer, exported or erased them is in the audit log, which only admins read", arguments: TestDatabase.available)
    func audit(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            _ = try await api.send(.get, "/api/v1/customers/\(id)")
            _ = try await api.send(.get, "/api/v1/customers/\(id)/export")
            let log = try await api.send(.get, "/api/v1/audit_entries?customer_id=\(id)")
            let actions = try #require(log.object["data"] as? [[String: Any]]).map { $0["action"] as? String }
            #expect(actions == ["customer.exported", "customer.viewed"])
            let filtered = try await api.send(.get, "/api/v1/audit_entries?action=customer.viewed&limit=1")
            #expect((filtered.object["data"] as? [[String: Any]])?.first?["subject_id"] as? String == id)

            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/customers/\(id)", cookie: manager.cookie)
            #expect(page.text.contains("/customers/\(id)/export") && !page.text.contains("erase-form"), "managers export; only admins erase")
            #expect(try await WebWorkspaceTests.get(api, "/audit", cookie: manager.cookie).status == .forbidden)

            _ = try await WebWorkspaceTests.user(api, .admin)
            let admin = try await WebWorkspaceTests.signIn(api, "admin@shop.test")
            let unconfirmed = try await WebWorkspaceTests.post(
                api, "/customers/\(id)/erase", [("_csrf", admin.csrf), ("orders", "pseudonymise"), ("confirm", "yes")], cookie: admin.cookie)
            #expect(unconfirmed.status == .unprocessableContent && unconfirmed.text.contains("Type ERASE"))
            let done = try await WebWorkspaceTests.post(
                api, "/customers/\(id)/erase", [("_csrf", admin.csrf), ("orders", "delete"), ("confirm", "ERASE")], cookie: admin.cookie)
            #expect(done.status == .ok && done.text.contains("cannot be undone"))
            let auditPage = try await WebWorkspaceTests.get(api, "/audit?action=customer.erased", cookie: admin.cookie)
            #expect(auditPage.status == .ok && auditPage.text.contains("customer (erased)"))
            #expect(auditPage.text.contains("orders: delete"))
            let signIns = try await WebWorkspaceTests.get(api, "/audit?action=user.signed_in", cookie: admin.cookie)
            #expect(signIns.text.components(separatedBy: "user.signed_in</td>").count - 1 == 2, "both sign-ins")
            let exported = try await WebWorkspaceTests.get(api, "/audit/export", cookie: admin.cookie)
            #expect(exported.status == .ok && (exported.object["data"] as? [Any])?.isEmpty == false)
            #expect(try await api.services.audit.verify().isIntact)
        }
    }
}
