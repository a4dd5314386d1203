import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The web chat is open to anyone on the shop's site, so everything it hands out is bounded:
/// who a session speaks for, which pages may use it, how long it lasts, how many a client opens.
@Suite("Security: web chat")
struct WebChatAttackTests {
    static func inbox(_ api: APIHarness, settings: String = #""identity_secret":"chat-secret-0123456789abcdef""#) async throws -> String {
        let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Chat","settings":{\#(settings)}}"#)
        return try #require(created.object["id"] as? String, "\(created.object)")
    }

    @Test("a stranger names another visitor's id, or edits a token, to read that visitor's chat", arguments: TestDatabase.available)
    func takeOverVisitor(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api)
            let otherInboxID = try await Self.inbox(api)
            let (victim, victimToken) = try await api.chatSession(inboxID)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: victimToken, json: #"{"client_id":"c1","text":"My address is Elm Street 4"}"#)

            let chosen = try await api.send(.post, "/chat/\(inboxID)/sessions", json: #"{"visitor_id":"\#(victim.dropFirst(8))"}"#)
            #expect(chosen.status == .unprocessableContent, "visitor ids are Rapport's to give")
            let (stranger, strangerToken) = try await api.chatSession(inboxID)
            #expect(stranger != victim)
            // The stranger's own token with the victim's contact put in: the signature no longer holds.
            var parts = strangerToken.split(separator: ".").map(String.init)
            parts[2] = Data(victim.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            let edited = try await api.chat(.get, "/chat/\(inboxID)/messages", token: parts.joined(separator: "."))
            #expect(edited.status == .unauthorized)
            #expect(!edited.text.contains("Elm Street"))
            // Another inbox with the same secret does not take this inbox's token.
            #expect(try await api.chat(.get, "/chat/\(otherInboxID)/messages", token: victimToken).status == .unauthorized)
            let own = try await api.chat(.get, "/chat/\(inboxID)/messages", token: strangerToken)
            #expect(own.status == .ok && !own.text.contains("Elm Street"))
        }
    }

    @Test("an admin sets a short identity secret, which any token lets a stranger guess offline", arguments: TestDatabase.available)
    func shortSecret(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let short = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Chat","settings":{"identity_secret":"shop123"}}"#)
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("settings.identity_secret"))
            #expect((try await api.send(.get, "/api/v1/inboxes").object["data"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("a page on another site uses the shop's chat, with or without an Origin", arguments: TestDatabase.available)
    func foreignOrigin(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api, settings: #""identity_secret":"s-secret-0123456789abcdefgh","allowed_origin":"https://shop.example, https://www.shop.example""#)
            let foreign = try await api.send(.post, "/chat/\(inboxID)/sessions", json: "{}", headers: [("Origin", "https://evil.example")])
            #expect(foreign.status == .forbidden)
            #expect(foreign.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await api.send(.options, "/chat/\(inboxID)/messages", headers: [("Origin", "https://evil.example")])
            #expect(preflight.status == .forbidden)
            #expect(try await api.send(.post, "/chat/\(inboxID)/sessions", json: "{}").status == .forbidden, "no Origin")

            let allowed = try await api.send(.post, "/chat/\(inboxID)/sessions", json: "{}", headers: [("Origin", "https://www.shop.example")])
            #expect(allowed.status == .ok)
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://www.shop.example")
            #expect(allowed.headers[.vary] == "Origin")
            let token = try #require(allowed.object["token"] as? String)
            let sent = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"c","text":"Hi"}"#, origin: "https://evil.example")
            #expect(sent.status == .forbidden)
            #expect((try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.isEmpty == true)
            let refused = try await api.chat(.get, "/chat/\(inboxID)/messages", token: "nope", origin: "https://shop.example")
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.accessControlAllowOrigin] == "https://shop.example", "the widget can read why")
        }
    }

    @Test("a chat token leaked in a URL or an old one keeps reading the conversation", arguments: TestDatabase.available)
    func leakedToken(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api)
            let (contact, token) = try await api.chatSession(inboxID)
            let inURL = try await api.client.execute(uri: "/chat/\(inboxID)/messages?contact=\(contact)&token=\(token)", method: .get)
            #expect(inURL.status == .unauthorized)

            let visitor = try #require(ChatContact(address: contact))
            func signed(expired seconds: TimeInterval, for contact: ChatContact = visitor) -> String {
                ChatSessionToken(inboxID: inboxID, contact: contact, expiresAt: api.clock.now() - seconds).encoded(secret: "chat-secret-0123456789abcdef")
            }
            #expect(try await api.chat(.get, "/chat/\(inboxID)/messages", token: signed(expired: 60)).status == .unauthorized, "expired")
            #expect(try await api.chat(.get, "/chat/\(inboxID)/stream", token: signed(expired: 60)).status == .unauthorized)
            let renewed = try await api.chatSession(inboxID, json: #"{"token":"\#(signed(expired: 86400))"}"#)
            #expect(renewed.contact == contact, "a visitor back the next day keeps the conversation")
            let tooOld = try await api.send(.post, "/chat/\(inboxID)/sessions", json: #"{"token":"\#(signed(expired: 31 * 86400))"}"#)
            #expect(tooOld.status == .unauthorized)
            let user = try await api.send(.post, "/chat/\(inboxID)/sessions", json: #"{"token":"\#(signed(expired: 60, for: .user("u-1")))"}"#)
            #expect(user.status == .unauthorized, "a shop user signs in again with the shop's hash")
        }
    }

    @Test("a script mints chat visitors in a loop, each a customer, conversation and bot job waiting to happen", arguments: TestDatabase.available)
    func visitorFlood(database: TestDatabase) async throws {
        let limits = RateLimits(
            tracking: nil, chat: nil, webhooks: nil,
            chatVisitors: RateLimit(count: 3, period: 3600), chatVisitorsPerWorkspace: RateLimit(count: 4, period: 3600))
        try await APIHarness.run(on: database, limits: limits) { api in
            let inboxID = try await Self.inbox(api)
            var statuses: [HTTPResponse.Status] = []
            var tokens: [String] = []
            for _ in 0..<4 {
                let response = try await api.send(.post, "/chat/\(inboxID)/sessions", json: "{}")
                statuses.append(response.status)
                if let token = response.object["token"] as? String { tokens.append(token) }
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
            let renewal = try await api.send(.post, "/chat/\(inboxID)/sessions", json: #"{"token":"\#(tokens[0])"}"#)
            #expect(renewal.status == .ok, "renewing is not a new visitor")
            // The workspace's own share: a fourth address may come, then nobody new this hour.
            let secondInbox = try await Self.inbox(api)
            #expect(try await api.send(.post, "/chat/\(secondInbox)/sessions", json: "{}").status == .ok)
            let overWorkspace = try await api.send(.post, "/chat/\(secondInbox)/sessions", json: "{}")
            #expect(overWorkspace.status == .tooManyRequests)
            #expect(overWorkspace.headers[.retryAfter] != nil)
        }
    }

    @Test("a script opens chat streams until the server runs out; a closed stream frees its place")
    func streamFlood() async throws {
        let hub = LiveHub(visitorStreamsPerClient: 2, visitorStreamsPerWorkspace: 3)
        func open(_ client: String, workspace: String = "wsp_a") throws -> LiveHub.Subscription {
            try hub.subscribeVisitor(workspaceID: workspace, inboxID: "inb_1", contact: "visitor:\(UUID())", client: client)
        }
        var first: LiveHub.Subscription? = try open("10.0.0.1")
        let second = try open("10.0.0.1")
        #expect(throws: RapportError.self) { try open("10.0.0.1") }
        let third = try open("10.0.0.2")
        #expect(throws: RapportError.self, "the workspace's share is used") { try open("10.0.0.3") }
        #expect(try open("10.0.0.3", workspace: "wsp_b").id != third.id, "another workspace has its own")
        first = nil
        #expect(await Eventually.holds { (try? open("10.0.0.1")) != nil }, "the ended stream's place is free again")
        _ = (first, second)

        // One stolen token used from many addresses: its own streams are capped as well.
        let shared = LiveHub()
        var held: [LiveHub.Subscription] = []
        for index in 0..<4 {
            held.append(try shared.subscribeVisitor(workspaceID: "wsp_a", inboxID: "inb_1", contact: "visitor:one", client: "10.1.0.\(index)"))
        }
        #expect(throws: RapportError.self) {
            try shared.subscribeVisitor(workspaceID: "wsp_a", inboxID: "inb_1", contact: "visitor:one", client: "10.1.0.9")
        }
        #expect(held.count == 4)
    }

    @Test("an IPv6 host rotates through its /64 to get a new share of chat visitors each time")
    func ipv6Rotation() {
        #expect(ClientNetwork.key("2001:db8:1:2::1") == ClientNetwork.key("2001:db8:1:2:ffff:1:2:3"))
        #expect(ClientNetwork.key("2001:db8:1:2::1") != ClientNetwork.key("2001:db8:1:3::1"))
        #expect(ClientNetwork.key("203.0.113.7") == "203.0.113.7")
    }

    @Test("an update reaches its own visitor's stream only, and agents of its workspace")
    func fanOut() async throws {
        let hub = LiveHub()
        let agent = hub.subscribe(workspaceID: "wsp_a")
        let outsider = hub.subscribe(workspaceID: "wsp_b")
        let visitor = try hub.subscribeVisitor(workspaceID: "wsp_a", inboxID: "inb_1", contact: "visitor:v1", client: nil)
        let neighbour = try hub.subscribeVisitor(workspaceID: "wsp_a", inboxID: "inb_1", contact: "visitor:v2", client: nil)
        let update = LiveUpdate(
            workspaceID: "wsp_a", type: .messageCreated, conversationID: "cnv_1", inboxID: "inb_1", teamID: nil, assigneeID: nil,
            json: #"{"id":"m1"}"#, contact: "visitor:v1", customerJSON: #"{"id":"m1"}"#)
        hub.deliverLocally([update])
        var agentUpdates = agent.updates.makeAsyncIterator()
        var visitorUpdates = visitor.updates.makeAsyncIterator()
        #expect(await agentUpdates.next()?.conversationID == "cnv_1")
        #expect(await visitorUpdates.next()?.conversationID == "cnv_1")
        hub.deliverLocally([LiveUpdate(
            workspaceID: "wsp_a", type: .messageUpdated, conversationID: "cnv_2", inboxID: "inb_1", teamID: nil, assigneeID: nil,
            json: "{}", contact: "visitor:v2", customerJSON: "{}")])
        var neighbourUpdates = neighbour.updates.makeAsyncIterator()
        #expect(await neighbourUpdates.next()?.conversationID == "cnv_2", "v2 sees only its own: the first update never came")
        hub.deliverLocally([LiveUpdate(
            workspaceID: "wsp_b", type: .messageUpdated, conversationID: "cnv_b", inboxID: "inb_b", teamID: nil, assigneeID: nil,
            json: "{}", contact: nil, customerJSON: nil)])
        var outsiderUpdates = outsider.updates.makeAsyncIterator()
        #expect(await outsiderUpdates.next()?.conversationID == "cnv_b", "the other workspace saw none of wsp_a's")
    }
}
