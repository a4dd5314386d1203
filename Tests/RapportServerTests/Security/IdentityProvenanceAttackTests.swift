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

/// Attacks with the public browser write key (`rwk_…`), which sits in every shop page: each
/// test is named after what a stranger holding it tries, and shows it fails. The same calls
/// with a server key (`rsk_…`, secret) are trusted, which the last tests show.
@Suite("Security: identity provenance")
struct IdentityProvenanceAttackTests {
    static let strangerPhone = "6281234567890"

    static func track(_ api: APIHarness, _ call: String, path: String = "identify", key: String) async throws {
        let response = try await api.client.execute(
            uri: "/v1/\(path)", method: .post, headers: TrackingAPITests.basic(key), body: ByteBuffer(string: call))
        #expect(response.status == .ok)
    }

    static func browserKey(_ api: APIHarness) async throws -> String {
        try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
    }

    static func serverKey(_ api: APIHarness) async throws -> String {
        try await api.services.keys.create(name: "shop backend", kind: .server, as: .operator(workspaceID: api.workspaceID)).secret
    }

    static func customerID(_ api: APIHarness, email: String) async throws -> String {
        let found = try await api.send(.get, "/api/v1/customers?query=\(email)")
        return try #require((found.object["data"] as? [[String: Any]])?.first?["id"] as? String)
    }

    @Test("a stranger with the browser key adds their phone to a customer's e-mail, then asks the bot on WhatsApp for her order", arguments: TestDatabase.available)
    func strangerPhoneOnVictimEmail(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            let victimID = try await Self.customerID(api, email: "sam@example.com")
            let write = try await Self.browserKey(api)
            try await Self.track(api, #"{"anonymousId":"x","traits":{"email":"sam@example.com","phone":"+\#(Self.strangerPhone)"}}"#, key: write)

            let victim = try await api.send(.get, "/api/v1/customers/\(victimID)")
            let values = (victim.object["identities"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
            #expect(!values.contains("+\(Self.strangerPhone)"), "the stranger's phone never joins her profile")
            let suggestions = try await api.send(.get, "/api/v1/merge-suggestions")
            #expect((suggestions.object["data"] as? [[String: Any]])?.contains { $0["customer_id"] as? String == victimID } == true,
                    "a person is asked instead")

            try await BotTranscriptTests.say(api, inboxID: inboxID, "where is my order?", id: "wamid.s1", from: Self.strangerPhone)
            let (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.customerID != victimID)
            let replies = BotTranscriptTests.botReplies(messages)
            #expect(!replies.isEmpty)
            #expect(!replies.isEmpty && !replies.contains { $0.contains("dhl.example") || $0.contains("JJD0001") || $0.contains("delivered") }, "\(replies)")
        }
    }

    @Test("a stranger with the browser key ties their shop user id to a customer's e-mail, then asks the bot in a signed web chat for her order", arguments: TestDatabase.available)
    func strangerUserIDOnVictimEmail(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, _, _ in
            let victimID = try await Self.customerID(api, email: "sam@example.com")
            let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Chat","settings":{"identity_secret":"chat-secret-0123456789abcdef"}}"#)
            let chatID = try #require(created.object["id"] as? String)
            var settings = try await api.services.bot.settings(as: .operator(workspaceID: api.workspaceID))
            settings.inboxIDs.append(chatID)
            try await api.services.bot.saveSettings(settings, as: .operator(workspaceID: api.workspaceID))

            let write = try await Self.browserKey(api)
            try await Self.track(api, #"{"userId":"u-mallory","traits":{"email":"sam@example.com"}}"#, key: write)
            // The shop signs Mallory's own user id: she has an account there.
            let hash = WebhookSignature.hexHMACSHA256(Data("u-mallory".utf8), secret: "chat-secret-0123456789abcdef")
            let (_, token) = try await api.chatSession(chatID, json: #"{"user_id":"u-mallory","user_hash":"\#(hash)"}"#)
            _ = try await api.chat(.post, "/chat/\(chatID)/messages", token: token, json: #"{"client_id":"m1","text":"where is my order?"}"#)
            try await api.runJobs()

            let (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.channel == .webchat)
            #expect(conversation.customerID != victimID)
            let replies = BotTranscriptTests.botReplies(messages)
            #expect(!replies.isEmpty && !replies.contains { $0.contains("dhl.example") || $0.contains("JJD0001") || $0.contains("delivered") }, "\(replies)")
        }
    }

    @Test("a stranger with the browser key names two customers' e-mail and phone together to merge them", arguments: TestDatabase.available)
    func browserKeyMergesTwoCustomers(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let first = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"ann@example.com"}]}"#)
            let second = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"phone","value":"+4915112345678"}]}"#)
            let firstID = try #require(first.object["id"] as? String)
            let secondID = try #require(second.object["id"] as? String)
            let write = try await Self.browserKey(api)
            try await Self.track(api, #"{"userId":"u-1","traits":{"email":"ann@example.com","phone":"+4915112345678"}}"#, key: write)
            for id in [firstID, secondID] {
                let customer = try await api.send(.get, "/api/v1/customers/\(id)")
                #expect(customer.status == .ok, "\(id) was merged away")
                #expect(customer.object["merged_into_id"] as? String == nil)
            }
            let count = try await api.send(.get, "/api/v1/stats").object["customers"] as? Int
            #expect(count == 3, "the assertions went to a profile of their own")
        }
    }

    @Test("a stranger with the browser key renames a customer and flips her marketing consent", arguments: TestDatabase.available)
    func browserKeyOverwritesProfileAndConsent(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/customers", json: """
                {"identities":[{"kind":"email","value":"eve@example.com"}],"first_name":"Eve","attributes":{"accepts_marketing":false}}
                """)
            let id = try #require(created.object["id"] as? String)
            let write = try await Self.browserKey(api)
            try await Self.track(api, #"{"anonymousId":"a-1","traits":{"email":"eve@example.com","firstName":"Mallory","accepts_marketing":true}}"#, key: write)
            try await Self.track(api, #"{"userId":"u-2","traits":{"email":"eve@example.com","first_name":"Mallory","accepts_marketing":true}}"#, key: write)
            let after = try await api.send(.get, "/api/v1/customers/\(id)")
            #expect(after.object["first_name"] as? String == "Eve")
            #expect((after.object["attributes"] as? [String: Any])?["accepts_marketing"] as? Bool == false)
        }
    }

    @Test("a stranger with the browser key invents an order and a refund for a customer", arguments: TestDatabase.available)
    func browserKeyInventsOrders(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let write = try await Self.browserKey(api)
            try await Self.track(api, """
                {"userId":"u-3","event":"Order Completed","messageId":"oc-1",
                 "properties":{"order_id":"fake-1","total":999,"currency":"EUR","email":"eve@example.com",
                               "products":[{"product_id":"p1","price":999,"quantity":1}]}}
                """, path: "track", key: write)
            try await Self.track(api, #"{"userId":"u-3","event":"Order Refunded","messageId":"or-1","properties":{"order_id":"fake-1","total":999}}"#, path: "track", key: write)
            let stats = try await api.send(.get, "/api/v1/stats")
            #expect(stats.object["orders"] as? Int == 0)
            #expect(stats.object["tracked_events"] as? Int == 2, "kept as behaviour")

            let server = try await Self.serverKey(api)
            try await Self.track(api, """
                {"userId":"u-3","event":"Order Completed","messageId":"oc-2",
                 "properties":{"order_id":"real-1","total":999,"currency":"EUR",
                               "products":[{"product_id":"p1","price":999,"quantity":1}]}}
                """, path: "track", key: server)
            #expect(try await api.send(.get, "/api/v1/stats").object["orders"] as? Int == 1, "a server key's order is real")
        }
    }

    @Test("a server key's identify is trusted: the visitor's history joins the customer with proof", arguments: TestDatabase.available)
    func serverKeyIsTrusted(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"kim@example.com"}]}"#)
            let id = try #require(created.object["id"] as? String)
            let server = try await Self.serverKey(api)
            try await Self.track(api, #"{"userId":"u-kim","traits":{"email":"kim@example.com","phone":"+4915199999999"}}"#, key: server)
            let after = try await api.send(.get, "/api/v1/customers/\(id)")
            let identities = after.object["identities"] as? [[String: Any]] ?? []
            #expect(Set(identities.compactMap { $0["value"] as? String }) == ["kim@example.com", "u-kim", "+4915199999999"])
            #expect(identities.allSatisfy { $0["provenance"] as? String == "proven" })
        }
    }

    @Test("a proven sender on a number only asserted for a customer with proof gets a profile of its own", arguments: TestDatabase.available)
    func provenSenderTakesAnAssertedNumber(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let workspaceID = services.workspaceID
            let phone = IdentityInput(kind: "phone", value: "+4915188888888")
            // A browser asserts a visitor's phone; later the shop proves the visitor is Zoe
            // (her e-mail and that visitor id): the profile is adopted, the phone stays asserted.
            _ = try await services.tracking.ingest(
                [TrackingMessage(type: .identify, messageID: "i1", anonymousID: "a-9", properties: ["phone": .string(phone.value)])],
                workspaceID: workspaceID, provenance: .asserted)
            let profileID = try #require(try await services.customers.customerID(for: phone, as: .operator(workspaceID: workspaceID)))
            let zoe = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "zoe@example.com"), IdentityInput(kind: "anonymous", value: "a-9")]), as: .operator(workspaceID: workspaceID))
            #expect(zoe.customer.id == profileID)
            #expect(zoe.customer.identities.first { $0.kind == .phone }?.provenance == .asserted)
            #expect(zoe.customer.identities.first { $0.kind == .anonymous }?.provenance == .proven)

            // The phone's real holder proves it: the number leaves Zoe for a customer of its own.
            let holder = try await services.customers.upsert(CustomerInput(identities: [phone]), as: .operator(workspaceID: workspaceID))
            #expect(holder.customer.id != profileID && holder.takenIdentityCount == 1)
            #expect(holder.customer.identities.map(\.provenance) == [.proven])
            let after = try await services.customers.view(id: profileID, as: .operator(workspaceID: workspaceID))
            #expect(!after.customer.identities.contains { $0.kind == .phone })
            let suggestions = try await services.customers.mergeSuggestions(page: try PageRequest(), as: .operator(workspaceID: workspaceID))
            #expect(suggestions.items.contains { $0.customerID == holder.customer.id && $0.candidateID == profileID })
        }
    }

    @Test("the voice menu reads no order on a caller id alone, which anyone can forge", arguments: TestDatabase.available)
    func forgedCallerID(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"voice","name":"Hotline","settings":{"account_sid":"AC1","auth_token":"voice-token","phone_number":"+18005551212"}}
                """)
            let inboxID = try #require(created.object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/orders", json: """
                {"customer":{"phone":"+14158675309"},"number":"1001","currency":"EUR","status":"fulfilled",
                 "lines":[{"title":"Mug","quantity":1,"unit_price":1500}],"fulfillments":[{"carrier":"DHL","tracking_number":"JD01"}]}
                """)
            let call = "CallSid=CA7&From=%2B14158675309&To=%2B18005551212&CallStatus=ringing"
            #expect(try await MetaAndTwilioChannelTests.postTwilio(api, path: "/webhooks/twilio/voice/\(inboxID)", form: call, token: "voice-token").status == .ok)
            let forged = call + "&Digits=1"
            let menu = try await MetaAndTwilioChannelTests.postTwilio(
                api, path: "/webhooks/twilio/voice/\(inboxID)/menu", form: forged, token: "voice-token")
            #expect(menu.status == .ok)
            #expect(!menu.text.contains("1001") && !menu.text.contains("DHL") && !menu.text.contains("J D 0 1"), "\(menu.text)")
        }
    }

    @Test("a stranger with the browser key strips a deleted customer's e-mail by naming it", arguments: TestDatabase.available)
    func assertedCannotReclaim(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let workspaceID = services.workspaceID
            let email = IdentityInput(kind: "email", value: "gone@example.com")
            let gone = try await services.customers.upsert(CustomerInput(identities: [email]), as: .operator(workspaceID: workspaceID)).customer
            try await services.customers.delete(id: gone.id, as: .operator(workspaceID: workspaceID))
            _ = try await services.tracking.ingest(
                [TrackingMessage(type: .identify, messageID: "s1", anonymousID: "x", properties: ["email": .string(email.value)])],
                workspaceID: workspaceID, provenance: .asserted)
            let restored = try await services.customers.restore(id: gone.id, as: .operator(workspaceID: workspaceID))
            #expect(restored.identities.map(\.value) == ["gone@example.com"], "the deleted record keeps its e-mail")
        }
    }

    @Test("a stranger with the browser key adds page views to a deleted customer by naming their user id", arguments: TestDatabase.available)
    func trackingOnDeletedCustomer(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let workspaceID = services.workspaceID
            let user = IdentityInput(kind: "external", value: "u-gone", source: "app")
            let gone = try await services.customers.upsert(CustomerInput(identities: [user]), as: .operator(workspaceID: workspaceID)).customer
            try await services.customers.delete(id: gone.id, as: .operator(workspaceID: workspaceID))
            func owner(of messageID: String) async throws -> String? {
                try await store.texts("SELECT customer_id FROM tracked_events WHERE message_id = '\(messageID)'").first?.first ?? nil
            }

            let asserted = try await services.tracking.ingest(
                [TrackingMessage(type: .track, messageID: "b1", userID: "u-gone", event: "Product Viewed")], workspaceID: workspaceID, provenance: .asserted)
            #expect(asserted.stored == 1, "kept as behaviour")
            #expect(try await owner(of: "b1") == nil, "not on the deleted record")
            #expect(try await services.customers.customerID(for: user, as: .operator(workspaceID: workspaceID)) == gone.id, "the id stays with the deleted record")

            _ = try await services.tracking.ingest(
                [TrackingMessage(type: .track, messageID: "s1", userID: "u-gone", event: "Product Viewed")], workspaceID: workspaceID, provenance: .proven)
            let back = try #require(try await services.customers.customerID(for: user, as: .operator(workspaceID: workspaceID)))
            #expect(back != gone.id)
            #expect(try await owner(of: "s1") == back, "a server key's call lands on the live customer the id moved to")
        }
    }

    @Test("an unsigned web-chat visitor whose id a browser tied to a customer with proof chats as that customer", arguments: TestDatabase.available)
    func visitorOnProvenCustomer(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let write = try await Self.browserKey(api)
            try await Self.track(api, #"{"anonymousId":"v-chain","traits":{"email":"dana@example.com"}}"#, key: write)
            // The shop later proves the e-mail: the profile is adopted, the visitor id stays asserted.
            let proven = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"dana@example.com"}]}"#)
            let danaID = try #require(proven.object["id"] as? String)
            let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Chat","settings":{"identity_secret":"s-secret-0123456789abcdefgh"}}"#)
            let inboxID = try #require(created.object["id"] as? String)
            let (_, token) = try await api.chatSession(inboxID)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"c1","text":"Hi, I am Dana"}"#)
            let conversation = try #require((try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first)
            #expect(conversation["customer_id"] as? String != danaID)
        }
    }
}
