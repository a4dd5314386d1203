import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// Double opt-in: a sign-up form's call grants nothing; the confirmation link mailed to the
/// address does, keeping the sign-up's and the confirmation's address, browser and time.
@Suite("Double opt-in sign-ups")
struct SignUpTests {
    static func subscribe(_ api: APIHarness, key: String, _ json: String, userAgent: String = "SignUpForm/1.0") async throws -> TestResponse {
        var headers = TrackingAPITests.basic(key)
        headers[.userAgent] = userAgent
        return try await api.client.execute(uri: "/v1/subscribe", method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    /// The confirmation mails the sink received, as (recipient, subject, decoded text).
    static func mails(_ sink: SMTPSink) throws -> [(to: String, subject: String, text: String)] {
        try sink.received().map { received in
            let raw = String(decoding: received.message, as: UTF8.self)
            let parts = raw.components(separatedBy: "\r\n\r\n")
            let headers = parts[0].components(separatedBy: "\r\n")
            let subject = headers.first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) } ?? ""
            let body = Data(base64Encoded: parts.dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")) ?? Data()
            let to = (received.envelope["to"] as? [String])?.first ?? ""
            return (to, subject, String(decoding: body, as: UTF8.self))
        }
    }

    /// The path of the confirmation link in a mail's text.
    static func link(in text: String) throws -> String {
        let line = try #require(text.split(separator: "\n").first { $0.contains("/confirm/") }, "no link in \(text)")
        let url = try #require(URL(string: line.trimmingCharacters(in: .whitespaces)))
        return url.path
    }

    static func page(_ api: APIHarness, _ method: HTTPRequest.Method, _ path: String, userAgent: String = "ConfirmingBrowser/2.0") async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.userAgent] = userAgent
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await api.client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: method == .post ? "lang=" : ""))
    }

    /// The customer who owns the address, and whether it is proven.
    static func customer(_ api: APIHarness, email: String) async throws -> [String: Any]? {
        let key = IdentityKey(kind: .email, namespace: "", value: email)
        let owner = try await api.services.store.read { session in
            try await session.customers.owners(of: [key], workspaceID: api.workspaceID)[key]
        }
        guard let owner else { return nil }
        return ["id": owner.customerID, "proven": owner.provenance == .proven]
    }

    @Test("a browser key's sign-up grants nothing until the mailed link is confirmed; both halves are kept as evidence", arguments: TestDatabase.available)
    func confirmedSignUp(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            // The loyalty programme gives points for signing up (with the confirmation, once).
            let program = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"points_for_sign_up": 100}"#)
            #expect(program.object["points_for_sign_up"] as? Int == 100 && program.object["points_for_review_verified_only"] as? Bool == true)
            let form = #"{"email":"Rani@Example.com","purposes":["marketing","surveys"],"locale":"id","anonymousId":"a-1"}"#
            // No e-mail inbox yet: nothing to send the confirmation from.
            let early = try await Self.subscribe(api, key: browser, form)
            #expect(early.status == .conflict, "\(early.text)")
            _ = try await EmailChannelTests.inbox(api, sink: sink)

            let accepted = try await Self.subscribe(api, key: browser, form)
            #expect(accepted.status == .accepted, "\(accepted.text)")
            #expect(accepted.object["status"] as? String == "pending")
            try await api.runJobs()
            #expect(try await Self.customer(api, email: "rani@example.com") == nil, "a sign-up alone creates no customer")
            let mails = try Self.mails(sink)
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.to == "rani@example.com")
            #expect(mail.subject == "Mohon konfirmasi langganan Anda", "the sign-up's language")
            #expect(mail.text.contains("Shop Support"))
            let path = try Self.link(in: mail.text)

            // The same address again within minutes: answered alike, not mailed again.
            #expect(try await Self.subscribe(api, key: browser, form).status == .accepted)
            try await api.runJobs()
            #expect(try Self.mails(sink).count == 1)

            // Opening the link (a mail scanner does) asks; it grants nothing.
            let shown = try await Self.page(api, .get, path)
            #expect(shown.status == .ok)
            #expect(shown.text.contains("rani@example.com") && shown.text.contains("Apakah Anda ingin menerima penawaran dan berita, survei lewat e-mail?"))
            #expect(try await Self.customer(api, email: "rani@example.com") == nil)

            let confirmed = try await Self.page(api, .post, path)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            #expect(confirmed.text.contains("langganan Anda telah dikonfirmasi"))
            let customer = try #require(try await Self.customer(api, email: "rani@example.com"))
            let id = try #require(customer["id"] as? String)
            #expect(customer["proven"] as? Bool == true, "following the link proves the address")
            let consents = try #require(try await api.send(.get, "/api/v1/customers/\(id)/consents").object["data"] as? [[String: Any]])
            #expect(Set(consents.compactMap { $0["purpose"] as? String }) == ["marketing", "surveys"])
            for consent in consents {
                #expect(consent["channel"] as? String == "email" && consent["effect"] as? String == "granted")
                let history = try #require(consent["history"] as? [[String: Any]])
                #expect(history.count == 1)
                let change = try #require(history.first)
                #expect(change["source"] as? String == "form")
                #expect(change["user_agent"] as? String == "ConfirmingBrowser/2.0", "the confirmation's browser")
                // A browser key states no wording: the question the person confirmed is kept.
                #expect(change["text_hash"] as? String == SHA256SecretHasher().hash("Apakah Anda ingin menerima penawaran dan berita, survei lewat e-mail? [id]"))
                let signUp = try #require(change["sign_up"] as? [String: Any], "the sign-up's half is kept")
                #expect(signUp["user_agent"] as? String == "SignUpForm/1.0")
                #expect(signUp["signed_up_at"] as? String != nil)
            }
            // Confirming again changes nothing.
            #expect(try await Self.page(api, .post, path).status == .ok)
            let again = try #require(try await api.send(.get, "/api/v1/customers/\(id)/consents").object["data"] as? [[String: Any]])
            #expect(again.allSatisfy { ($0["history"] as? [Any])?.count == 1 })
            let points = try await api.send(.get, "/api/v1/customers/\(id)/loyalty").object
            #expect(points["balance"] as? Int == 100, "the sign-up's points: \(points)")
            #expect(((points["entries"] as? [[String: Any]])?.map { $0["origin"] as? String }) == ["sign_up:\(id)"])
        }
    }

    @Test("forged and expired confirmation links grant nothing; bad sign-ups are refused; only a server key relays the visitor", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            _ = try await EmailChannelTests.inbox(api, sink: sink)
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: operatorActor).secret
            let server = try await api.services.keys.create(name: "shop", kind: .server, as: operatorActor).secret

            // Bad input: a 4xx, and nothing is mailed.
            for bad in [#"{}"#, #"{"email":"not an address"}"#, #"{"email":"a@example.com","purposes":["Not Valid"]}"#,
                        #"{"email":"a@example.com","granted":true}"#, #"{"email":"a@example.com","inbox_id":"inb_nope"}"#,
                        #"{"email":"a@example.com","text":"Call 0800 to claim your prize"}"#, #"{"email":"a@example.com","purposes":["vip_club"]}"#] {
                let refused = try await Self.subscribe(api, key: browser, bad)
                #expect(refused.status == .unprocessableContent || refused.status == .badRequest, "\(bad): \(refused.status)")
            }
            #expect(try await Self.subscribe(api, key: api.key, #"{"email":"a@example.com"}"#).status == .unauthorized, "not with a secret key")
            try await api.runJobs()
            #expect(try sink.received().isEmpty)

            // A browser key's `context` is not believed; a server key's is.
            #expect(try await Self.subscribe(api, key: browser, #"{"email":"b@example.com","context":{"ip":"198.51.100.7"}}"#).status == .accepted)
            let relayed = #"{"email":"c@example.com","purposes":["marketing","vip_club"],"text":"Join the VIP club","context":{"ip":"203.0.113.9","userAgent":"Visitor/1","library":{"name":"analytics-python"}}}"#
            #expect(try await Self.subscribe(api, key: server, relayed).status == .accepted, "a server key states the store's own purposes and wording")
            try await api.runJobs()
            let mails = try Self.mails(sink)
            #expect(mails.count == 2)
            let links = try Dictionary(mails.map { ($0.to, try Self.link(in: $0.text)) }, uniquingKeysWith: { first, _ in first })
            let linkB = try #require(links["b@example.com"])
            let linkC = try #require(links["c@example.com"])
            #expect(try await Self.page(api, .post, linkC).status == .ok)
            let c = try #require(try await Self.customer(api, email: "c@example.com")?["id"] as? String)
            let cConsent = try await api.send(.get, "/api/v1/customers/\(c)/consents")
            #expect(cConsent.text.contains("203.0.113.9") && cConsent.text.contains("Visitor/1") && cConsent.text.contains("vip_club"))
            #expect(cConsent.text.contains(SHA256SecretHasher().hash("Join the VIP club")))

            // A forged link: another sign-up's id under this signature, or an altered signature.
            let token = String(linkB.split(separator: "/").last ?? "")
            let parts = token.split(separator: ".").map(String.init)
            let otherID = String(linkC.split(separator: "/").last ?? "").split(separator: ".").map(String.init)[2]
            let swapped = [parts[0], parts[1], otherID, parts[3], parts[4]].joined(separator: ".")
            // A character inside the signature (the last one may carry only padding bits).
            var characters = Array(token)
            characters[characters.count - 8] = characters[characters.count - 8] == "A" ? "B" : "A"
            let altered = String(characters)
            let preferences = ["p", parts[1], "cus_0000000000000000", parts[3], parts[4]].joined(separator: ".")
            for forged in [swapped, altered, preferences, "c.x.y.z.w"] {
                #expect(try await Self.page(api, .get, "/confirm/\(forged)").status == .notFound, "\(forged)")
                #expect(try await Self.page(api, .post, "/confirm/\(forged)").status == .notFound, "\(forged)")
            }
            // A sign-up held for coming too soon does not hold the next one back.
            let mailedBefore = try Self.mails(sink).count
            #expect(try await Self.subscribe(api, key: browser, #"{"email":"d@example.com"}"#).status == .accepted)
            api.clock.advance(by: 300)
            #expect(try await Self.subscribe(api, key: browser, #"{"email":"d@example.com"}"#).status == .accepted)
            api.clock.advance(by: 360)
            #expect(try await Self.subscribe(api, key: browser, #"{"email":"d@example.com"}"#).status == .accepted)
            try await api.runJobs()
            #expect(try Self.mails(sink).count == mailedBefore + 2, "mailed at 0 and 11 minutes; held at 5")

            // Expired: past its week, the link is gone and grants nothing.
            api.clock.advance(by: SignUpService.confirmationLifetime + 60)
            #expect(try await Self.page(api, .get, linkB).status == .gone)
            #expect(try await Self.page(api, .post, linkB).status == .gone)
            #expect(try await Self.customer(api, email: "b@example.com") == nil)

            // A month after that, the unconfirmed address is forgotten.
            api.clock.advance(by: SignUpService.unconfirmedGrace + 60)
            let report = try await api.services.retention.run(RetentionPolicy())
            #expect(report.unconfirmedSignUps == 4, "b's and d's three; c's was confirmed")
        }
    }
}
