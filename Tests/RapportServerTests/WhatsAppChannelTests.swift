import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("WhatsApp channel")
struct WhatsAppChannelTests {
    static func createInbox(_ api: APIHarness, graph: FakeProvider) async throws -> [String: Any] {
        let response = try await api.send(.post, "/api/v1/inboxes", json: """
            {"channel":"whatsapp","name":"Support WhatsApp","settings":{"phone_number_id":"1122334455667","access_token":"EAAG-test",
             "app_secret":"wa-secret","verify_token":"let-me-in","api_base_url":"\(graph.baseURL)"}}
            """)
        #expect(response.status == .created)
        return response.object
    }

    static func post(_ api: APIHarness, inboxID: String, _ body: String, signature: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let signature { headers[HTTPField.Name("X-Hub-Signature-256")!] = signature }
        return try await api.client.execute(
            uri: "/webhooks/whatsapp/\(inboxID)", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("the subscription handshake echoes the challenge only for the inbox's verify token", arguments: TestDatabase.available)
    func handshake(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        try await APIHarness.run(on: database) { api in
            let inbox = try await Self.createInbox(api, graph: graph)
            let id = try #require(inbox["id"] as? String)
            #expect((inbox["webhook_url"] as? String)?.hasSuffix("/webhooks/whatsapp/\(id)") == true)
            let settings = try #require(inbox["settings"] as? [String: String])
            #expect(settings["access_token"]?.contains("EAAG") == false)
            let good = try await api.client.execute(
                uri: "/webhooks/whatsapp/\(id)?hub.mode=subscribe&hub.verify_token=let-me-in&hub.challenge=1158201444", method: .get)
            #expect(good.status == .ok)
            #expect(good.text == "1158201444")
            let bad = try await api.client.execute(
                uri: "/webhooks/whatsapp/\(id)?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", method: .get)
            #expect(bad.status == .forbidden)
        }
    }

    @Test("inbound text, image, location and reaction are stored once; forged or missing signatures store nothing", arguments: TestDatabase.available)
    func inbound(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try #require(try await Self.createInbox(api, graph: graph)["id"] as? String)
            let text = try ChannelFixtures.whatsApp("messages", "text")
            let unsigned = try await Self.post(api, inboxID: inboxID, text, signature: nil)
            #expect(unsigned.status == .unauthorized)
            let forged = try await Self.post(api, inboxID: inboxID, text, signature: ChannelFixtures.metaSignature(text, secret: "wrong"))
            #expect(forged.status == .unauthorized)
            #expect(try await api.services.conversations.conversations(
                filter: ConversationFilter(), page: PageRequest(), as: .operator(workspaceID: api.workspaceID)).items.isEmpty)

            let first = try await Self.post(api, inboxID: inboxID, text, signature: ChannelFixtures.metaSignature(text, secret: "wa-secret"))
            #expect(first.status == .ok)
            #expect(first.object["stored"] as? Int == 1)
            let again = try await Self.post(api, inboxID: inboxID, text, signature: ChannelFixtures.metaSignature(text, secret: "wa-secret"))
            #expect(again.object["duplicates"] as? Int == 1)
            #expect(again.object["stored"] as? Int == 0)
            for (key, id) in [("image", "wamid.image"), ("current_location", "wamid.location"), ("reaction", "wamid.reaction")] {
                let body = try ChannelFixtures.whatsApp("messages", key, id: id)
                let response = try await Self.post(api, inboxID: inboxID, body, signature: ChannelFixtures.metaSignature(body, secret: "wa-secret"))
                #expect(response.object["stored"] as? Int == 1)
            }
            // A type Rapport does not read is kept as `unsupported` with the raw payload.
            let unknown = text.replacingOccurrences(of: "\"type\":\"text\"", with: "\"type\":\"order\"")
                .replacingOccurrences(of: "wamid.xyzxyz", with: "wamid.order")
            #expect(unknown.contains("\"type\":\"order\""))
            _ = try await Self.post(api, inboxID: inboxID, unknown, signature: ChannelFixtures.metaSignature(unknown, secret: "wa-secret"))

            let list = try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)")
            let conversations = try #require(list.object["data"] as? [[String: Any]])
            #expect(conversations.count == 1)
            let conversation = try #require(conversations.first)
            #expect(conversation["contact"] as? String == "972987654321")
            #expect(conversation["status"] as? String == "open")
            let conversationID = try #require(conversation["id"] as? String)
            let messages = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])
            #expect(messages.map { $0["kind"] as? String } == ["text", "image", "location", "reaction", "unsupported"])
            #expect(messages[0]["text"] as? String == "Body Text")
            let image = try #require((messages[1]["attachments"] as? [[String: Any]])?.first)
            #expect(image["provider_media_id"] as? String == "65463453")
            #expect(image["mime_type"] as? String == "image/jpeg")
            let location = try #require((messages[2]["content"] as? [String: Any])?["location"] as? [String: Any])
            #expect(location["latitude"] as? Double == 12.25089)
            #expect(messages[3]["text"] as? String == "😮")
            let stored = try await api.services.conversations.messages(
                conversationID: conversationID, page: PageRequest(), as: .operator(workspaceID: api.workspaceID)).items
            #expect(stored[4].raw?.contains("\"type\":\"order\"") == true)

            // One customer, known by WhatsApp id and phone, named by the profile, with the messages on the timeline.
            let customerID = try #require(conversation["customer_id"] as? String)
            let customer = try await api.send(.get, "/api/v1/customers/\(customerID)").object
            #expect(customer["first_name"] as? String == "Test")
            let kinds = (customer["identities"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }.sorted()
            #expect(kinds == ["phone", "whatsapp"])
            let timeline = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)/timeline").object["data"] as? [[String: Any]])
            #expect(timeline.filter { $0["channel"] as? String == "whatsapp" }.count == 5)
        }
    }

    @Test("replies go to the Graph API inside the 24-hour window, templates outside it; statuses move them forward", arguments: TestDatabase.available)
    func outbound(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        graph.script("/messages", body: #"{"messaging_product":"whatsapp","contacts":[{"input":"972987654321","wa_id":"972987654321"}],"messages":[{"id":"wamid.sent1"}]}"#)
        try await APIHarness.run(on: database) { api in
            let inboxID = try #require(try await Self.createInbox(api, graph: graph)["id"] as? String)
            // The fixture's message is from 2023: the window is long closed.
            let old = try ChannelFixtures.whatsApp("messages", "text")
            _ = try await Self.post(api, inboxID: inboxID, old, signature: ChannelFixtures.metaSignature(old, secret: "wa-secret"))
            let conversationID = try #require(
                (try await api.send(.get, "/api/v1/conversations").object["data"] as? [[String: Any]])?.first?["id"] as? String)
            let refused = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"Hello again"}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("24-hour"))
            let template = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: """
                {"template":{"name":"order_update","language":"en_US","parameters":["1001"]}}
                """)
            #expect(template.status == .created)
            #expect(template.object["delivery_status"] as? String == "pending")
            #expect(try await api.runJobs() >= 1)
            let sent = try #require(graph.requests.last)
            #expect(sent.path == "/v21.0/1122334455667/messages")
            #expect(sent.headers["authorization"] == "Bearer EAAG-test")
            #expect(sent.json["messaging_product"] as? String == "whatsapp")
            #expect(sent.json["to"] as? String == "972987654321")
            #expect(sent.json["type"] as? String == "template")
            let sentTemplate = try #require(sent.json["template"] as? [String: Any])
            #expect(sentTemplate["name"] as? String == "order_update")
            #expect((sentTemplate["language"] as? [String: Any])?["code"] as? String == "en_US")

            // The customer writes now: free-form replies are allowed again.
            let fresh = try ChannelFixtures.whatsApp("messages", "text", id: "wamid.fresh", timestamp: api.clock.now())
            _ = try await Self.post(api, inboxID: inboxID, fresh, signature: ChannelFixtures.metaSignature(fresh, secret: "wa-secret"))
            graph.script("/messages", body: #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.sent2"}]}"#)
            let reply = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"Your order ships today"}"#)
            #expect(reply.status == .created)
            let replyID = try #require(reply.object["id"] as? String)
            try await api.runJobs()
            let body = try #require(graph.requests.last?.json)
            #expect(body["type"] as? String == "text")
            #expect((body["text"] as? [String: Any])?["body"] as? String == "Your order ships today")

            for status in ["delivered", "read", "sent"] {
                let update = try ChannelFixtures.whatsApp("statuses", status, id: "wamid.sent2")
                let answer = try await Self.post(api, inboxID: inboxID, update, signature: ChannelFixtures.metaSignature(update, secret: "wa-secret"))
                #expect(answer.status == .ok)
            }
            let messages = try await api.services.conversations.messages(
                conversationID: conversationID, page: PageRequest(), as: .operator(workspaceID: api.workspaceID)).items
            let delivered = try #require(messages.first { $0.id == replyID })
            // `sent` arriving after `read` does not move the status back.
            #expect(delivered.deliveryStatus == .read)
            #expect(delivered.providerMessageID == "wamid.sent2")

            let failed = try ChannelFixtures.whatsApp("statuses", "failed", id: "wamid.sent1")
            _ = try await Self.post(api, inboxID: inboxID, failed, signature: ChannelFixtures.metaSignature(failed, secret: "wa-secret"))
            let templateMessage = try await api.services.conversations.messages(
                conversationID: conversationID, page: PageRequest(), as: .operator(workspaceID: api.workspaceID)).items.first { $0.providerMessageID == "wamid.sent1" }
            #expect(templateMessage?.deliveryStatus == .failed)
            #expect(templateMessage?.failureReason?.contains("130472") == true)
        }
    }

    @Test("a send the Graph API refuses shows failed with its reason; a 5xx is retried", arguments: TestDatabase.available)
    func failedSend(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try #require(try await Self.createInbox(api, graph: graph)["id"] as? String)
            let fresh = try ChannelFixtures.whatsApp("messages", "text", id: "wamid.in", timestamp: api.clock.now())
            _ = try await Self.post(api, inboxID: inboxID, fresh, signature: ChannelFixtures.metaSignature(fresh, secret: "wa-secret"))
            let conversationID = try #require(
                (try await api.send(.get, "/api/v1/conversations").object["data"] as? [[String: Any]])?.first?["id"] as? String)

            graph.script("/messages", status: .badRequest, body: #"{"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030}}"#)
            let refused = try #require(try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"hi"}"#).object["id"] as? String)
            try await api.runJobs()
            let deadMessage = try #require(try await api.services.conversations.messages(
                conversationID: conversationID, page: PageRequest(), as: .operator(workspaceID: api.workspaceID)).items.first { $0.id == refused })
            #expect(deadMessage.deliveryStatus == .failed)
            #expect(deadMessage.failureReason?.contains("131030") == true)
            #expect(try await api.services.jobs.list(status: .dead, kind: .messageSend, limit: 10).count == 1)

            graph.script("/messages", status: .serviceUnavailable, body: #"{"error":{"message":"Service temporarily unavailable","code":2}}"#)
            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"still there?"}"#)
            try await api.runJobs()
            let queued = try await api.services.jobs.list(status: .queued, kind: .messageSend, limit: 10)
            #expect(queued.count == 1)
            #expect(queued.first?.lastError?.contains("503") == true)
        }
    }
}
