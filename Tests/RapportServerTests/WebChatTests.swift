import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("Web chat")
struct WebChatTests {
    @Test("the widget is served; a signed shop user joins their profile; replies reach the visitor's stream, notes never do", arguments: TestDatabase.available)
    func chat(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let widget = try await api.client.execute(uri: "/widget.js", method: .get)
            #expect(widget.status == .ok)
            #expect(widget.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(widget.text.contains("data-inbox"))

            let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Shop chat","settings":{"identity_secret":"chat-secret-0123456789abcdef"}}"#)
            let inboxID = try #require(created.object["id"] as? String)
            #expect((created.object["webhook_url"] as? String)?.hasSuffix("/widget.js?inbox=\(inboxID)") == true)
            let shopper = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"external","value":"u-42","source":"app"}],"first_name":"Lin"}"#)
            let shopperID = try #require(shopper.object["id"] as? String)

            let forged = try await api.send(.post, "/chat/\(inboxID)/sessions", json: #"{"user_id":"u-42","user_hash":"00"}"#)
            #expect(forged.status == .unauthorized)
            let hash = WebhookSignature.hexHMACSHA256(Data("u-42".utf8), secret: "chat-secret-0123456789abcdef")
            let session = try await api.send(.post, "/chat/\(inboxID)/sessions", json: #"{"user_id":"u-42","user_hash":"\#(hash)"}"#)
            #expect(session.status == .ok)
            #expect(session.object["expires_at"] is String)
            let (contact, token) = try await api.chatSession(inboxID, json: #"{"user_id":"u-42","user_hash":"\#(hash)"}"#)
            #expect(contact == "user:u-42")

            let visitorStream = try api.services.live.subscribeVisitor(workspaceID: api.workspaceID, inboxID: inboxID, contact: contact, client: nil)
            let bad = try await api.chat(.post, "/chat/\(inboxID)/messages", token: "nope", json: #"{"client_id":"c1","text":"Hi"}"#)
            #expect(bad.status == .unauthorized)
            let body = #"{"client_id":"c1","text":"Do you ship to Jakarta?"}"#
            #expect(try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: body).object["stored"] as? Int == 1)
            #expect(try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: body).object["duplicates"] as? Int == 1)

            let conversation = try #require((try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first)
            #expect(conversation["customer_id"] as? String == shopperID)
            let conversationID = try #require(conversation["id"] as? String)
            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"VIP, be nice","private":true}"#)
            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"Yes, in 3 to 5 days."}"#)
            try await api.runJobs()

            var iterator = visitorStream.updates.makeAsyncIterator()
            let own = try #require(await iterator.next())
            let reply = try #require(await iterator.next())
            #expect(own.customerJSON?.contains("\"from\":\"you\"") == true)
            #expect(reply.customerJSON?.contains("Yes, in 3 to 5 days.") == true)
            #expect(reply.customerJSON?.contains("usr_") == false)
            let sentUpdate = try #require(await iterator.next())
            #expect(sentUpdate.type == .messageUpdated)
            #expect(sentUpdate.customerJSON?.contains("VIP") == false)

            let history = try await api.chat(.get, "/chat/\(inboxID)/messages", token: token)
            let texts = (history.object["data"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
            #expect(texts == ["Do you ship to Jakarta?", "Yes, in 3 to 5 days."])
            #expect(history.headers[.accessControlAllowOrigin] == "*")

            // Rapport names each new visitor; a visitor's token renews the same contact.
            let (visitor, visitorToken) = try await api.chatSession(inboxID)
            let (other, _) = try await api.chatSession(inboxID)
            #expect(visitor.hasPrefix("visitor:") && visitor != other)
            let (renewed, _) = try await api.chatSession(inboxID, json: #"{"token":"\#(visitorToken)"}"#)
            #expect(renewed == visitor)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: visitorToken, json: #"{"client_id":"x","text":"Hello?"}"#)
            let all = try #require(try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])
            #expect(all.count == 2)
            #expect(Set(all.compactMap { $0["customer_id"] as? String }).count == 2)
        }
    }
}
