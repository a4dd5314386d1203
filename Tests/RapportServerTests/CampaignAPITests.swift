import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Campaigns API")
struct CampaignAPITests {
    /// An e-mail inbox and a list, made through the API: their ids.
    static func setUp(_ api: APIHarness) async throws -> (inboxID: String, segmentID: String) {
        let inbox = try await api.send(.post, "/api/v1/inboxes", json: """
            {"channel":"email","name":"Mail","settings":{"address":"shop@example.net","smtp_host":"127.0.0.1"}}
            """)
        let segment = try await api.send(.post, "/api/v1/segments", json: #"{"name":"Newsletter","kind":"list"}"#)
        return (try #require(inbox.object["id"] as? String, "\(inbox.object)"), try #require(segment.object["id"] as? String))
    }

    @Test("the issue's short form makes a draft; it reads back, changes, lists page by page and deletes", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, segmentID) = try await Self.setUp(api)
            let created = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name": "Welcome", "channel": "email", "inbox_id": "\(inboxID)", "segment_id": "\(segmentID)",
                 "subject": "Hello", "body": "Hi {{customer.first_name}}, have a look at our mugs."}
                """)
            #expect(created.status == .created, "\(created.object)")
            let id = try #require(created.object["id"] as? String)
            #expect(id.hasPrefix("cmp_") && created.object["object"] as? String == "campaign")
            #expect(created.object["status"] as? String == "draft" && created.object["channel"] as? String == "email")
            #expect(created.object["inbox_id"] as? String == inboxID && (created.object["created_by"] as? String)?.hasPrefix("api_key:key_") == true)
            let definition = try #require(created.object["definition"] as? [String: Any])
            #expect((definition["audience"] as? [String: Any])?["segment_ids"] as? [String] == [segmentID])
            #expect(((definition["content"] as? [String: Any])?["en"] as? [String: Any])?["body"] as? String == "Hi {{customer.first_name}}, have a look at our mugs.")
            #expect(definition["holdout_share"] as? Double == 0.05 && definition["default_locale"] as? String == "en")
            #expect((definition["frequency_cap"] as? [String: Any])?["messages"] as? Int == 3 && definition["schedule"] is NSNull)

            let shown = try await api.send(.get, "/api/v1/campaigns/\(id)")
            #expect(shown.status == .ok && shown.object["name"] as? String == "Welcome" && shown.object["status"] as? String == "draft")
            #expect((shown.object["definition"] as? NSDictionary) == (created.object["definition"] as? NSDictionary), "the definition reads back as saved")

            let changed = try await api.send(.patch, "/api/v1/campaigns/\(id)", json: """
                {"name": "Welcome, in two languages", "definition": {"audience": {"segment_ids": ["\(segmentID)"]},
                 "content": {"en": {"subject": "Hello", "body": "Hi"}, "id": {"subject": "Halo", "body": "Hai"}}, "default_locale": "id",
                 "schedule": {"local_time": "2099-01-05T09:00"}, "throttle": {"messages_per_second": 20}}}
                """)
            #expect(changed.status == .ok, "\(changed.object)")
            #expect(changed.object["name"] as? String == "Welcome, in two languages")
            let redefined = try #require(changed.object["definition"] as? [String: Any])
            #expect(redefined["default_locale"] as? String == "id" && (redefined["schedule"] as? [String: Any])?["local_time"] as? String == "2099-01-05T09:00")
            #expect((redefined["throttle"] as? [String: Any])?["messages_per_second"] as? Int == 20)

            for index in 0..<3 {
                let more = try await api.send(.post, "/api/v1/campaigns", json: """
                    {"name": "More \(index)", "channel": "email", "inbox_id": "\(inboxID)", "segment_id": "\(segmentID)", "subject": "S", "text": "T"}
                    """)
                #expect(more.status == .created)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.send(.get, "/api/v1/campaigns?limit=3" + (cursor.map { "&starting_after=\($0)" } ?? ""))
                #expect(page.status == .ok)
                let items = try #require(page.object["data"] as? [[String: Any]])
                #expect(items.allSatisfy { $0["object"] as? String == "campaign" })
                seen += items.compactMap { $0["id"] as? String }
                cursor = page.object["has_more"] as? Bool == true ? page.object["next_starting_after"] as? String : nil
            } while cursor != nil
            #expect(seen.count == 4 && Set(seen).count == 4 && seen == seen.sorted(by: >) && seen.contains(id))
            let drafts = try await api.send(.get, "/api/v1/campaigns?status=draft")
            #expect((drafts.object["data"] as? [Any])?.count == 4)
            let sent = try await api.send(.get, "/api/v1/campaigns?status=sent")
            #expect((sent.object["data"] as? [Any])?.isEmpty == true)

            #expect(try await api.send(.delete, "/api/v1/campaigns/\(id)").status == .noContent)
            #expect(try await api.send(.get, "/api/v1/campaigns/\(id)").status == .notFound)
            #expect(try await api.send(.delete, "/api/v1/campaigns/\(id)").status == .notFound)
        }
    }

    @Test("bad requests get a 422 naming the field at fault, and save nothing", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, segmentID) = try await Self.setUp(api)
            let base = #""name": "x", "channel": "email", "inbox_id": "\#(inboxID)""#
            let cases: [(String, String)] = [
                (#"{"channel": "email", "inbox_id": "\#(inboxID)", "segment_id": "\#(segmentID)", "subject": "s", "body": "b"}"#, "name"),
                (#"{"name": "x", "channel": "fax", "inbox_id": "\#(inboxID)", "segment_id": "\#(segmentID)", "subject": "s", "body": "b"}"#, "channel"),
                (#"{"name": "x", "channel": "email", "segment_id": "\#(segmentID)", "subject": "s", "body": "b"}"#, "inbox_id"),
                (#"{"name": "x", "channel": "sms", "inbox_id": "\#(inboxID)", "segment_id": "\#(segmentID)", "text": "t"}"#, "inbox_id"),
                (#"{\#(base)}"#, "definition"),
                (#"{\#(base), "segment_id": "\#(segmentID)", "body": "b"}"#, "subject"),
                (#"{\#(base), "segment_id": "seg_01M00000000000000000000000", "subject": "s", "body": "b"}"#, "segment_id"),
                (#"{\#(base), "segment_id": "\#(segmentID)", "subject": "s", "body": "b", "colour": "red"}"#, "colour"),
                (#"{\#(base), "definition": {"audience": {"segment_ids": ["\#(segmentID)"]}, "content": {"en": {"subject": "s"}}}}"#, "definition.content.en.body"),
                (#"{\#(base), "definition": {"audience": {"segment_ids": ["\#(segmentID)", "seg_01M00000000000000000000000"]}, "content": {"en": {"subject": "s", "body": "b"}}}}"#,
                 "definition.audience.segment_ids[1]"),
                (#"{\#(base), "definition": {"audience": {"segment_ids": ["\#(segmentID)"]}, "content": {"en": {"subject": "s", "body": "b"}}, "holdout_share": 2}}"#,
                 "definition.holdout_share"),
                (#"{\#(base), "definition": {"audience": {"segment_ids": ["\#(segmentID)"]}, "content": {"en": {"subject": "s", "body": "b"}}, "schedule": {"at": "2001-01-01T00:00:00Z"}}}"#,
                 "definition.schedule.at"),
                (#"{\#(base), "definition": {"audience": {"segment_ids": ["\#(segmentID)"]}, "content": {"en": {"subject": "s", "body": "b\u0000"}}}}"#,
                 "definition.content.en.body"),
                (#"{\#(base), "definition": "everyone"}"#, "definition"),
            ]
            for (body, field) in cases {
                let reply = try await api.send(.post, "/api/v1/campaigns", json: body)
                #expect(reply.status.code == 422, "\(body): \(reply.status)")
                let errors = reply.object["errors"] as? [[String: Any]]
                #expect(errors?.first?["field"] as? String == field, "\(body): \(reply.object)")
            }
            let list = try await api.send(.get, "/api/v1/campaigns")
            #expect((list.object["data"] as? [Any])?.isEmpty == true)
            #expect(try await api.send(.get, "/api/v1/campaigns?status=lost").status.code == 422)
            #expect(try await api.send(.get, "/api/v1/campaigns/cmp_01M00000000000000000000000").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/campaigns/seg_01M00000000000000000000000").status == .notFound)

            let created = try await api.send(.post, "/api/v1/campaigns", json: #"{\#(base), "segment_id": "\#(segmentID)", "subject": "s", "body": "b"}"#)
            let id = try #require(created.object["id"] as? String)
            let shortForm = try await api.send(.patch, "/api/v1/campaigns/\(id)", json: #"{"subject": "changed"}"#)
            #expect(shortForm.status.code == 422 && (shortForm.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "subject",
                    "a change replaces the whole definition; the short form only creates")
            let toSMS = try await api.send(.patch, "/api/v1/campaigns/\(id)", json: #"{"channel": "sms"}"#)
            #expect(toSMS.status.code == 422 && (toSMS.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "definition.content.en.subject")
        }
    }

    @Test("a campaign that started sending is a 409 to change or delete", arguments: TestDatabase.available)
    func sending(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, segmentID) = try await Self.setUp(api)
            let created = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name": "Launch", "channel": "email", "inbox_id": "\(inboxID)", "segment_id": "\(segmentID)", "subject": "s", "body": "b"}
                """)
            let id = try #require(created.object["id"] as? String)
            try await api.services.store.execute("UPDATE campaigns SET status = 'sending' WHERE id = '\(id)'")
            let patch = try await api.send(.patch, "/api/v1/campaigns/\(id)", json: #"{"name": "Relaunch"}"#)
            #expect(patch.status == .conflict && patch.headers[.contentType] == "application/problem+json")
            #expect(try await api.send(.delete, "/api/v1/campaigns/\(id)").status == .conflict)
            let shown = try await api.send(.get, "/api/v1/campaigns/\(id)")
            #expect(shown.object["status"] as? String == "sending" && shown.object["name"] as? String == "Launch")
        }
    }

    @Test("another workspace's key finds none of this workspace's campaigns", arguments: TestDatabase.available)
    func workspaces(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, segmentID) = try await Self.setUp(api)
            let created = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name": "Ours", "channel": "email", "inbox_id": "\(inboxID)", "segment_id": "\(segmentID)", "subject": "s", "body": "b"}
                """)
            let id = try #require(created.object["id"] as? String)
            let other = try await api.services.workspaces.create(name: "Agency client")
            let otherKey = try await api.services.keys.create(name: "client", as: .operator(workspaceID: other.id)).secret
            #expect(try await api.send(.get, "/api/v1/campaigns/\(id)", key: otherKey).status == .notFound)
            #expect(try await api.send(.patch, "/api/v1/campaigns/\(id)", json: #"{"name": "Theirs"}"#, key: otherKey).status == .notFound)
            #expect(try await api.send(.delete, "/api/v1/campaigns/\(id)", key: otherKey).status == .notFound)
            let list = try await api.send(.get, "/api/v1/campaigns", key: otherKey)
            #expect((list.object["data"] as? [Any])?.isEmpty == true)
            // Nor may they send through this workspace's inbox, or to its segment.
            let borrowed = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name": "Borrowed", "channel": "email", "inbox_id": "\(inboxID)", "segment_id": "\(segmentID)", "subject": "s", "body": "b"}
                """, key: otherKey)
            #expect(borrowed.status.code == 422 && (borrowed.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "inbox_id")
            #expect(try await api.send(.get, "/api/v1/campaigns/\(id)").object["name"] as? String == "Ours")
        }
    }
}
