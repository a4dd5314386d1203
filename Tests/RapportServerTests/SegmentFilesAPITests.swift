import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// Segments over HTTP as filters of customers, the inbox and insights, members as a CSV
/// download, and lists filled from a CSV of identities.
@Suite("Segments API: filters and files")
struct SegmentFilesAPITests {
    static func ids(_ response: TestResponse, key: String = "id") -> [String] {
        (response.object["data"] as? [[String: Any]] ?? []).compactMap { $0[key] as? String }
    }

    @Test("customers, conversations and insights filter by a segment, over the API and on the pages; an unknown one is a 422", arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let actor = Actor.operator(workspaceID: api.workspaceID)
            let inbox = try await api.services.inboxes.createInbox(
                channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930100000000"], teamID: nil,
                as: actor)
            var customers: [String] = []
            var conversations: [String] = []
            for (index, phone) in ["+4915100000011", "+4915100000012", "+4915100000013"].enumerated() {
                let outcome = try await api.services.conversations.receive(
                    ChannelPayload(messages: [InboundMessage(providerMessageID: "SMF\(index)", from: phone, fromName: "Person \(index)", kind: .text, text: "Hi")]),
                    inbox: inbox)
                let conversation = try await api.services.conversations.conversation(id: outcome.stored[0].conversationID, as: actor)
                customers.append(conversation.customerID)
                conversations.append(conversation.id)
                let order = try await api.send(.post, "/api/v1/orders", json: """
                    {"customer_id":"\(conversation.customerID)","number":"F-\(index)","currency":"EUR","status":"paid",
                     "lines":[{"title":"Mug","quantity":1,"unit_price":1500}]}
                    """)
                #expect(order.status == .created, "\(order.object)")
            }
            let list = try await api.send(.post, "/api/v1/segments", json: #"{"name": "Picked", "kind": "list"}"#)
            let listID = try #require(list.object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: #"{"customer_ids": ["\#(customers[0])", "\#(customers[2])"]}"#)
            let members = Set([customers[0], customers[2]])

            let listed = try await api.send(.get, "/api/v1/customers?segment=\(listID)&limit=100")
            #expect(listed.status == .ok && Set(Self.ids(listed)) == members)
            let inbox2 = try await api.send(.get, "/api/v1/conversations?segment=\(listID)")
            #expect(inbox2.status == .ok && Set(Self.ids(inbox2, key: "customer_id")) == members)
            let metrics = try await api.send(.get, "/api/v1/insights/metrics?segment=\(listID)")
            #expect(metrics.status == .ok && metrics.object["customers"] as? Int == 2 && metrics.object["orders"] as? Int == 2)
            #expect(try await api.send(.get, "/api/v1/insights/metrics").object["customers"] as? Int == 3)
            #expect(try await api.send(.get, "/api/v1/insights/cohorts?segment=\(listID)").status == .ok)

            for path in ["/api/v1/customers", "/api/v1/conversations", "/api/v1/insights/metrics", "/api/v1/insights/cohorts"] {
                for unknown in ["seg_01M0000000000000000000000", "seg_nope"] {
                    let refused = try await api.send(.get, "\(path)?segment=\(unknown)")
                    #expect(refused.status == .unprocessableContent, "\(path)?segment=\(unknown): \(refused.status)")
                    #expect((refused.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "segment")
                }
            }
            // The RFM segments keep their names in the same parameter.
            #expect(try await api.send(.get, "/api/v1/customers?segment=champions").status == .ok)

            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/customers?segment=\(listID)", cookie: manager.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("<option value=\"\(listID)\" selected>") && page.text.contains("Segment: <strong>Picked</strong>"))
            #expect(page.text.contains("href=\"/customers/\(customers[0])\"") && page.text.contains("href=\"/customers/\(customers[2])\""))
            #expect(!page.text.contains("href=\"/customers/\(customers[1])\""))
            let unknownPage = try await WebWorkspaceTests.get(api, "/customers?segment=seg_01M0000000000000000000000", cookie: manager.cookie)
            #expect(unknownPage.status == .ok && unknownPage.text.contains("href=\"/customers/\(customers[1])\""), "a page shows everyone for a segment it does not know")
            let inboxPage = try await WebWorkspaceTests.get(api, "/inbox?segment=\(listID)", cookie: manager.cookie)
            #expect(inboxPage.status == .ok && inboxPage.text.contains("<option value=\"\(listID)\" selected>"))
            #expect(inboxPage.text.contains("data-id=\"\(conversations[0])\"") && inboxPage.text.contains("data-id=\"\(conversations[2])\""))
            #expect(!inboxPage.text.contains("data-id=\"\(conversations[1])\""))
            let insightsPage = try await WebWorkspaceTests.get(api, "/insights?segment=\(listID)", cookie: manager.cookie)
            #expect(insightsPage.status == .ok && insightsPage.text.contains("<option value=\"\(listID)\" selected>"))
        }
    }

    @Test("members.csv holds exactly the members, escaped, over the API and from the workspace; agents are refused; each download is audited", arguments: TestDatabase.available)
    func export(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let odd = try await api.send(.post, "/api/v1/customers", json: #"""
                {"identities":[{"kind":"email","value":"odd@example.com"},{"kind":"phone","value":"+4915112345678"}],
                 "first_name":"=cmd|' /C calc'!A0","last_name":"Doe, \"Jr\"","tags":["vip"]}
                """#)
            let oddID = try #require(odd.object["id"] as? String, "\(odd.object)")
            let plain = try await api.send(.post, "/api/v1/customers", json: #"{"email":"plain@example.com","first_name":"Plain","tags":["vip"]}"#)
            let plainID = try #require(plain.object["id"] as? String, "\(plain.object)")
            let outside = try await api.send(.post, "/api/v1/customers", json: #"{"email":"outside@example.com"}"#)
            let outsideID = try #require(outside.object["id"] as? String)
            let segment = try await api.send(.post, "/api/v1/segments", json: #"{"name": "VIPs", "definition": {"field": "tags", "op": "contains", "value": "vip"}}"#)
            let segmentID = try #require(segment.object["id"] as? String)

            let download = try await api.send(.get, "/api/v1/segments/\(segmentID)/members.csv")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(download.headers[.contentDisposition]?.contains("attachment") == true)
            let records = CSVReader.records(download.text)
            #expect(records.first?.fields == ["customer_id", "first_name", "last_name", "email", "phone", "created_at", "entered_at"])
            let rows = Array(records.dropFirst())
            #expect(Set(rows.map { $0.fields[0] }) == [oddID, plainID] && rows.count == 2)
            #expect(!download.text.contains(outsideID))
            let oddRow = try #require(rows.first { $0.fields[0] == oddID }?.fields)
            #expect(oddRow[1] == "'=cmd|' /C calc'!A0", "a formula is defused with a leading quote mark")
            #expect(oddRow[2] == "Doe, \"Jr\"" && download.text.contains(#""Doe, ""Jr""""#))
            #expect(oddRow[3] == "odd@example.com" && oddRow[4] == "+4915112345678")
            #expect(try await api.send(.get, "/api/v1/segments/seg_01M0000000000000000000000/members.csv").status == .notFound)

            _ = try await WebWorkspaceTests.user(api, .marketer)
            _ = try await WebWorkspaceTests.user(api, .agent)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let fromWorkspace = try await WebWorkspaceTests.get(api, "/segments/\(segmentID)/members.csv", cookie: marketer.cookie)
            #expect(fromWorkspace.status == .ok && CSVReader.records(fromWorkspace.text).count == 3)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            #expect(try await WebWorkspaceTests.get(api, "/segments/\(segmentID)/members.csv", cookie: agent.cookie).status == .forbidden)
            let agentAPI = try await api.client.execute(
                uri: "/api/v1/segments/\(segmentID)/members.csv", method: .get, headers: [.cookie: agent.cookie])
            #expect(agentAPI.status == .forbidden)

            let audited = try await api.services.audit.entries(
                filter: AuditFilter(action: "segment.exported"), page: try PageRequest(), as: .operator(workspaceID: api.workspaceID)).items
            #expect(audited.count == 2 && audited.allSatisfy { $0.subjectID == segmentID })
        }
    }

    @Test("a CSV of identities fills a list and answers what became of each row; a segment, JSON, a file too big or without an identity column are refused", arguments: TestDatabase.available)
    func importList(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let ada = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"ada@example.com","phone":"+4915100000021"}"#).object["id"] as? String)
            let bo = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"bo@example.com"}"#).object["id"] as? String)
            let list = try await api.send(.post, "/api/v1/segments", json: #"{"name": "From the fair", "kind": "list"}"#)
            let listID = try #require(list.object["id"] as? String)
            let csv = [("Content-Type", "text/csv")]

            let file = "email,phone,customer_id\nada@example.com,,\n,+4915100000021,\nnobody@example.com,,\nbroken,,\n,,\(bo)\n"
            let imported = try await api.send(.post, "/api/v1/segments/\(listID)/members/import", json: file, headers: csv)
            #expect(imported.status == .ok, "\(imported.object)")
            #expect(imported.object["object"] as? String == "segment_import")
            #expect(imported.object["added"] as? Int == 2 && imported.object["already_member"] as? Int == 1)
            #expect(imported.object["not_found"] as? Int == 1 && imported.object["not_found_lines"] as? [Int] == [4])
            #expect(imported.object["invalid"] as? Int == 1)
            #expect((imported.object["invalid_lines"] as? [[String: Any]])?.first?["line"] as? Int == 5)
            let members = try await api.send(.get, "/api/v1/segments/\(listID)/members")
            #expect(Set(Self.ids(members)) == [ada, bo])

            let segment = try await api.send(.post, "/api/v1/segments", json: #"{"name": "Everyone", "definition": {"all": []}}"#)
            let segmentID = try #require(segment.object["id"] as? String)
            #expect(try await api.send(.post, "/api/v1/segments/\(segmentID)/members/import", json: "email\nada@example.com\n", headers: csv).status == .conflict)
            #expect(try await api.send(.post, "/api/v1/segments/\(listID)/members/import", json: #"{"email":"ada@example.com"}"#).status == .unsupportedMediaType)
            let header = try await api.send(.post, "/api/v1/segments/\(listID)/members/import", json: "name\nAda\n", headers: csv)
            #expect(header.status == .unprocessableContent && (header.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "csv")
            let huge = "email\n" + String(repeating: "a", count: 10 << 20)
            #expect(try await api.send(.post, "/api/v1/segments/\(listID)/members/import", json: huge, headers: csv).status == .contentTooLarge)
            #expect(try await api.send(.post, "/api/v1/segments/seg_01M0000000000000000000000/members/import", json: "email\na@b.co\n", headers: csv).status == .notFound)
            #expect(try await api.send(.get, "/api/v1/segments/\(listID)").object["member_count"] as? Int == 2, "refusals change nothing")
        }
    }
}
