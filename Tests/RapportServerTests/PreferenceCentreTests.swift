import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

@Suite("Preference centre and one-click unsubscribe")
struct PreferenceCentreTests {
    static func customer(_ api: APIHarness, locale: String? = nil) async throws -> String {
        let locale = locale.map { #","locale":"\#($0)""# } ?? ""
        return try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"lena@example.com","phone":"+4915155554444","first_name":"Lena"\#(locale)}"#)
            .object["id"] as? String)
    }

    static func links(_ api: APIHarness, _ id: String) async throws -> (url: String, unsubscribe: String, response: TestResponse) {
        let response = try await api.send(.post, "/api/v1/customers/\(id)/preference_link")
        #expect(response.status == .created)
        let url = try #require(response.object["url"] as? String)
        let unsubscribe = try #require(response.object["unsubscribe_url"] as? String)
        return (url, unsubscribe, response)
    }

    /// The path of an absolute link (the harness serves every host).
    static func path(_ url: String) -> String {
        String(url.dropFirst(APIHarness.publicURL.count))
    }

    static func form(_ api: APIHarness, _ path: String, _ body: String, userAgent: String = "LenaPhone/2.0") async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.userAgent] = userAgent
        return try await api.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func consents(_ api: APIHarness, _ id: String) async throws -> [String: [String: Any]] {
        let data = try #require(try await api.send(.get, "/api/v1/customers/\(id)/consents").object["data"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: data.map { ("\($0["purpose"] ?? "") \($0["channel"] ?? "")", $0) })
    }

    @Test("a signed link opens the centre; what the customer ticks is recorded with their address and browser; frequency and pause are kept", arguments: TestDatabase.available)
    func choose(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let (url, unsubscribe, response) = try await Self.links(api, id)
            #expect(url.hasPrefix(APIHarness.publicURL + "/preferences/") && unsubscribe.hasPrefix(APIHarness.publicURL + "/unsubscribe/"))
            #expect(response.object["list_unsubscribe"] as? String == "<\(unsubscribe)>", "no e-mail inbox: no mailto: form")
            #expect(response.object["list_unsubscribe_post"] as? String == "List-Unsubscribe=One-Click")

            let page = try await api.client.execute(uri: Self.path(url), method: .get)
            #expect(page.status == .ok && page.text.contains("Hello Lena,") && page.text.contains(#"lang="en""#))
            #expect(page.text.contains(#"value="marketing:email""#) && page.text.contains(#"value="marketing:sms""#), "the channels their identities reach")
            #expect(!page.text.contains(#"value="marketing:whatsapp""#))

            let saved = try await Self.form(
                api, Self.path(url), "grant=marketing%3Aemail&grant=surveys%3Asms&frequency=weekly&pause_days=30&lang=en")
            #expect(saved.status == .ok && saved.text.contains("Your choices are saved."))
            var consents = try await Self.consents(api, id)
            #expect(consents["marketing email"]?["status"] as? String == "granted" && consents["surveys sms"]?["status"] as? String == "granted")
            #expect(consents["marketing sms"] == nil, "a box left unticked that was never answered stays unanswered")
            let change = try #require((consents["marketing email"]?["history"] as? [[String: Any]])?.first)
            #expect(change["source"] as? String == "preference_centre" && change["actor"] as? String == "customer")
            // The browser is what the request said; the address is the peer's (the in-process harness has none).
            #expect(change["user_agent"] as? String == "LenaPhone/2.0" && change.keys.contains("ip_address"))
            let preferences = try await api.services.store.read { try await $0.preferences.preferences(customerID: id, workspaceID: api.workspaceID) }
            #expect(preferences?.frequency == .weekly && preferences?.isPaused(at: api.clock.now()) == true)

            // Unticking withdraws; the withdrawal keeps the wording the customer saw.
            _ = try await Self.form(api, Self.path(url), "grant=surveys%3Asms&frequency=any&pause_days=0")
            consents = try await Self.consents(api, id)
            #expect(consents["marketing email"]?["status"] as? String == "withdrawn")
            let text = try #require((consents["marketing email"]?["history"] as? [[String: Any]])?.first?["text_hash"] as? String)
            #expect(try await api.services.consents.text(hash: text, as: .operator(workspaceID: api.workspaceID))?.hasPrefix("Offers and news") == true)

            // A box the page did not offer is refused, and changes nothing.
            let refused = try await Self.form(api, Self.path(url), "grant=marketing%3Awhatsapp")
            #expect(refused.status == .unprocessableContent)
            #expect(try await Self.consents(api, id)["marketing whatsapp"] == nil)
        }
    }

    @Test("the page speaks the customer's language, Indonesian from their locale or ?lang=id", arguments: TestDatabase.available)
    func indonesian(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api, locale: "id-ID")
            let (url, unsubscribe, _) = try await Self.links(api, id)
            let page = try await api.client.execute(uri: Self.path(url), method: .get)
            #expect(page.text.contains("Preferensi Anda") && page.text.contains("Halo Lena,") && page.text.contains(#"lang="id""#))
            let english = try await api.client.execute(uri: Self.path(url) + "?lang=en", method: .get)
            #expect(english.text.contains("Your preferences"))
            let confirm = try await api.client.execute(uri: Self.path(unsubscribe) + "?lang=id", method: .get)
            #expect(confirm.text.contains("Berhenti berlangganan"))
        }
    }

    @Test("one-click unsubscribe (RFC 8058): the POST withdraws marketing e-mail at once; opening the link changes nothing", arguments: TestDatabase.available)
    func oneClick(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form"}"#)
            let (_, unsubscribe, _) = try await Self.links(api, id)
            let opened = try await api.client.execute(uri: Self.path(unsubscribe), method: .get)
            #expect(opened.status == .ok && opened.text.contains("Stop receiving offers"))
            #expect(try await Self.consents(api, id)["marketing email"]?["status"] as? String == "granted", "a mail scanner's GET unsubscribes no one")

            let clicked = try await Self.form(api, Self.path(unsubscribe), "List-Unsubscribe=One-Click", userAgent: "Gmail")
            #expect(clicked.status == .ok)
            let state = try #require(try await Self.consents(api, id)["marketing email"])
            #expect(state["status"] as? String == "withdrawn")
            #expect((state["history"] as? [[String: Any]])?.first?["source"] as? String == "preference_centre")
        }
    }

    @Test("a forged, altered, misused or expired link is refused and changes nothing", arguments: TestDatabase.available)
    func forged(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let id = try await Self.customer(api)
            let other = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"other@example.com"}"#).object["id"] as? String)
            let (url, unsubscribe, _) = try await Self.links(api, id)
            let path = Self.path(url)
            // Another customer's id under this signature; a made-up signature; the unsubscribe token on the centre.
            let swapped = path.replacingOccurrences(of: id, with: other)
            let madeUp = String(path.prefix { $0 != "." }) + "." + api.workspaceID + "." + id + ".9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            let misused = "/preferences/" + Self.path(unsubscribe).dropFirst("/unsubscribe/".count)
            for bad in [swapped, madeUp, misused, "/preferences/x", "/unsubscribe/" + String(repeating: "a", count: 400)] {
                #expect(try await api.client.execute(uri: bad, method: .get).status == .notFound, "\(bad)")
                #expect(try await Self.form(api, bad, "grant=marketing%3Aemail").status == .notFound, "\(bad)")
            }
            #expect(try await Self.consents(api, id).isEmpty)
            #expect(try await Self.consents(api, other).isEmpty)

            api.clock.advance(by: PreferenceService.preferencesLifetime + 60)
            #expect(try await api.client.execute(uri: path, method: .get).status == .gone)
            #expect(try await Self.form(api, path, "grant=marketing%3Aemail").status == .gone)
            #expect(try await api.client.execute(uri: Self.path(unsubscribe), method: .get).status == .ok, "an unsubscribe link lasts longer")
        }
    }

    @Test("an unsubscribe e-mail (List-Unsubscribe mailto:) withdraws marketing e-mail and opens no conversation", arguments: TestDatabase.available)
    func byMail(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inbox = try await api.services.inboxes.createInbox(
                channel: .email, name: "Support",
                settings: ["address": "support@shop.test", "smtp_host": "127.0.0.1", "inbound_token": "mta-token"],
                as: .operator(workspaceID: api.workspaceID))
            let id = try await Self.customer(api)
            let (_, _, response) = try await Self.links(api, id)
            let mailto = try #require(response.object["unsubscribe_mailto"] as? String)
            #expect(mailto.hasPrefix("mailto:support@shop.test?subject=unsubscribe%20u."))
            #expect((response.object["list_unsubscribe"] as? String)?.hasSuffix("<\(mailto)>") == true)
            let token = String(mailto.split(separator: "%20").last ?? "")
            let mail = "From: Lena <lena@example.com>\r\nTo: support@shop.test\r\nSubject: unsubscribe \(token)\r\nMessage-ID: <u1@example.com>\r\n\r\nThis message will unsubscribe you.\r\n"
            let answer = try await EmailChannelTests.postRaw(api, inboxID: inbox.id, mail, token: "mta-token")
            #expect(answer.status == .ok && answer.object["unsubscribed"] as? Bool == true)
            #expect(try await Self.consents(api, id)["marketing email"]?["status"] as? String == "withdrawn")
            let conversations = try await api.send(.get, "/api/v1/conversations")
            #expect((conversations.object["data"] as? [Any])?.isEmpty == true)
        }
    }
}
