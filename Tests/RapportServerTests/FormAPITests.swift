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

/// Forms and quizzes: built through the API, drawn by the snippet from the public data, answered
/// from the shop's pages with a browser key. Answers land on the visitor's profile and timeline,
/// a quiz scores a result with products, and a ticked consent box starts a double opt-in.
@Suite("Forms and quizzes")
struct FormAPITests {
    static let shop = "https://shop.example"

    static let quiz = """
        {"name": "Which coffee suits you?", "kind": "quiz", "status": "draft", "intro": "Three questions.",
         "allowed_origins": ["https://Shop.example:443/"], "thank_you": "Enjoy your coffee.",
         "questions": [
           {"key": "roast", "label": "How do you like it?", "kind": "choice", "required": true, "attribute": "coffee_roast",
            "options": [{"value": "light", "label": "Bright and fruity", "results": ["fruity"]},
                        {"value": "dark", "label": "Deep and bold", "results": ["bold"]}]},
           {"key": "milk", "label": "With what?", "kind": "choices", "attribute": "coffee_milk",
            "options": [{"value": "oat", "label": "Oat", "results": ["fruity"]}, {"value": "cow", "label": "Cow's milk", "results": ["bold"]},
                        {"value": "none", "label": "Nothing"}]},
           {"key": "cups", "label": "Cups a day", "kind": "number"},
           {"key": "email", "label": "Your e-mail, for the result", "kind": "email"}],
         "results": [{"key": "fruity", "title": "An Ethiopian", "text": "Light and floral.", "product_ids": ["ETH-1", "GONE-1"]},
                     {"key": "bold", "title": "A Sumatran", "product_ids": []}],
         "consent": {"purposes": ["marketing"], "text": "Send me coffee news and offers by e-mail."}}
        """

    static func submit(
        _ api: APIHarness, key: String, form: String, _ json: String, origin: String? = shop, userAgent: String = "QuizBrowser/1.0"
    ) async throws -> TestResponse {
        var headers = TrackingAPITests.basic(key)
        headers[.userAgent] = userAgent
        if let origin { headers[.origin] = origin }
        return try await api.client.execute(uri: "/v1/forms/\(form)/responses", method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    static func answers(_ api: APIHarness, form: String) async throws -> [[String: Any]] {
        try #require(try await api.send(.get, "/api/v1/forms/\(form)/responses").object["data"] as? [[String: Any]])
    }

    @Test("a quiz scores its answers into a result with products; the answers land on the visitor's profile, timeline and segments", arguments: TestDatabase.available)
    func quizLifecycle(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            _ = try await EmailChannelTests.inbox(api, sink: sink)
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let product = try await api.send(.post, "/api/v1/products", json: #"{"external_id":"ETH-1","title":"Yirgacheffe","price":1450,"currency":"EUR"}"#)
            #expect(product.status == .created)
            let created = try await api.send(.post, "/api/v1/forms", json: Self.quiz)
            #expect(created.status == .created, "\(created.text)")
            let formID = try #require(created.object["id"] as? String)
            #expect(formID.hasPrefix("frm_"))
            #expect(created.object["allowed_origins"] as? [String] == [Self.shop], "the origin is kept as browsers send it (no default port, no slash)")

            // A draft is not shown and takes no answers.
            #expect(try await api.client.execute(uri: "/f/\(api.workspaceID)/\(formID)", method: .get).status == .notFound)
            let early = try await Self.submit(api, key: browser, form: formID, #"{"answers": {"roast": "light"}, "anonymous_id": "v-1"}"#)
            #expect(early.status == .notFound)

            var live = Self.quiz.replacingOccurrences(of: #""status": "draft""#, with: #""status": "live""#)
            live = live.replacingOccurrences(of: "Three questions.", with: "Three quick questions.")
            let updated = try await api.send(.put, "/api/v1/forms/\(formID)", json: live)
            #expect(updated.status == .ok && updated.object["status"] as? String == "live", "\(updated.text)")

            let script = try await api.client.execute(uri: "/form.js", method: .get)
            #expect(script.text.contains("function anonymousID(") && !script.text.contains("@include"), "the shared helpers are included")
            let data = try await api.client.execute(uri: "/f/\(api.workspaceID)/\(formID)", method: .get)
            #expect(data.status == .ok)
            #expect(data.headers[.accessControlAllowOrigin] == "*")
            #expect(data.object["intro"] as? String == "Three quick questions.")
            #expect((data.object["questions"] as? [[String: Any]])?.count == 4)
            #expect(data.object["consent_text"] as? String == "Send me coffee news and offers by e-mail.")
            let options = (data.object["questions"] as? [[String: Any]])?.flatMap { $0["options"] as? [[String: Any]] ?? [] } ?? []
            #expect(options.count == 5 && options.allSatisfy { $0["results"] == nil }, "which answer counts towards which result stays on the server")
            #expect(data.object["results"] == nil && !data.text.contains("An Ethiopian"))

            // Bad answers are named and store nothing.
            for (json, field) in [
                (#"{"answers": {"roast": "medium"}, "anonymous_id": "v-1"}"#, "answers.roast"),
                (#"{"answers": {"milk": ["oat"]}, "anonymous_id": "v-1"}"#, "answers.roast"),
                (#"{"answers": {"roast": "light", "shoe": "42"}, "anonymous_id": "v-1"}"#, "answers.shoe"),
                (#"{"answers": {"roast": "light", "milk": "oat"}, "anonymous_id": "v-1"}"#, "answers.milk"),
                (#"{"answers": {"roast": "light", "cups": "two"}, "anonymous_id": "v-1"}"#, "answers.cups"),
                (#"{"answers": {"roast": "light", "email": "not-an-address"}, "anonymous_id": "v-1"}"#, "answers.email"),
                (#"{"answers": {"roast": "light"}, "anonymous_id": "v-1", "consent": true}"#, "answers.email"),
                (#"{"answers": {"roast": "light"}}"#, "anonymous_id"),
                (#"{"anonymous_id": "v-1"}"#, "answers"),
            ] {
                let refused = try await Self.submit(api, key: browser, form: formID, json)
                #expect(refused.status == .unprocessableContent, "\(json): \(refused.text)")
                let fields = (refused.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                #expect(fields.contains(field), "\(json): \(refused.text)")
            }
            // A browser key may not name the shop's signed-in customer: anyone could.
            let named = try await Self.submit(api, key: browser, form: formID, #"{"answers": {"roast": "light"}, "user_id": "u-1"}"#)
            #expect(named.status == .unprocessableContent && named.text.contains("user_id"), "\(named.text)")
            // Another site's page may not send answers, and a server key in a page is refused.
            let elsewhere = try await Self.submit(api, key: browser, form: formID, #"{"answers": {"roast": "light"}, "anonymous_id": "v-1"}"#, origin: "https://evil.example")
            #expect(elsewhere.status == .forbidden, "\(elsewhere.text)")
            let server = try await api.services.keys.create(name: "backend", kind: .server, as: .operator(workspaceID: api.workspaceID)).secret
            let leaked = try await Self.submit(api, key: server, form: formID, #"{"answers": {"roast": "light"}, "anonymous_id": "v-1"}"#)
            #expect(leaked.status == .forbidden)
            #expect(try await Self.answers(api, form: formID).isEmpty, "nothing refused was stored")

            // The preflight names the page's origin.
            var preflight = HTTPFields()
            preflight[.origin] = Self.shop
            let asked = try await api.client.execute(uri: "/v1/forms/\(formID)/responses", method: .options, headers: preflight)
            #expect(asked.status == .noContent && asked.headers[.accessControlAllowOrigin] == Self.shop)

            let body = """
                {"answers": {"roast": "light", "milk": ["oat", "cow", "oat"], "cups": 2, "email": "Lea@Example.com"},
                 "anonymous_id": "visitor-7", "submission_id": "sub-1", "consent": true, "locale": "en"}
                """
            let answered = try await Self.submit(api, key: browser, form: formID, body)
            #expect(answered.status == .created, "\(answered.text)")
            #expect(answered.headers[.accessControlAllowOrigin] == Self.shop)
            let result = try #require(answered.object["result"] as? [String: Any])
            #expect(result["key"] as? String == "fruity", "light and oat count twice for fruity, cow once for bold")
            let products = try #require(answered.object["products"] as? [[String: Any]])
            #expect(products.map { $0["external_id"] as? String } == ["ETH-1"], "a product the shop does not have is left out")
            #expect(products.first?["price"] as? Int == 1450)
            #expect(answered.object["confirmation_requested"] as? Bool == true)
            #expect(answered.object["thank_you"] as? String == "Enjoy your coffee.")

            // A retry of the same submission answers the same and stores nothing more.
            let retried = try await Self.submit(api, key: browser, form: formID, body)
            #expect(retried.status == .created && retried.object["id"] as? String == answered.object["id"] as? String)
            let stored = try await Self.answers(api, form: formID)
            #expect(stored.count == 1)
            let response = try #require(stored.first)
            #expect((response["answers"] as? [String: Any])?["milk"] as? [String] == ["oat", "cow"])
            #expect((response["answers"] as? [String: Any])?["email"] as? String == "lea@example.com")
            #expect(response["result"] as? String == "fruity" && response["origin"] as? String == Self.shop)
            #expect(try await api.send(.get, "/api/v1/forms/\(formID)").object["answers"] as? Int == 1)

            // The visitor's profile holds the answers as attributes (asserted: built from the form).
            let customerID = try #require(response["customer_id"] as? String)
            let customer = try await api.send(.get, "/api/v1/customers/\(customerID)")
            let attributes = try #require(customer.object["attributes"] as? [String: Any])
            #expect(attributes["coffee_roast"] as? String == "light" && attributes["coffee_milk"] as? String == "oat, cow")
            #expect(try await SignUpTests.customer(api, email: "lea@example.com") == nil, "a typed address goes to the double opt-in, not onto the visitor's profile")
            let events = try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }.map(\.event)
            let submitted = try #require(events.first { $0.type == .formSubmitted })
            #expect(submitted.payload.contains(#""result":"fruity""#) && submitted.payload.contains(#""customer_id":"\#(customerID)""#))

            // The completion is an event segments count, with its result.
            let segment = #"{"definition": {"field": "events.count", "event": "Quiz Completed", "where": {"result": "fruity"}, "op": ">=", "value": 1}}"#
            let preview = try await api.send(.post, "/api/v1/segments/preview", json: segment)
            #expect(preview.object["count"] as? Int == 1, "\(preview.text)")
            let sample = try #require(preview.object["sample"] as? [[String: Any]])
            #expect(sample.first?["id"] as? String == customerID)

            // The consent box started a double opt-in with the form's own words; the link grants.
            #expect(try await api.runJobs() >= 1)
            let mails = try SignUpTests.mails(sink)
            #expect(mails.count == 1 && mails.first?.to == "lea@example.com")
            let path = try SignUpTests.link(in: try #require(mails.first).text)
            let confirmed = try await SignUpTests.page(api, .post, path)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            let proven = try #require(try await SignUpTests.customer(api, email: "lea@example.com"))
            #expect(proven["proven"] as? Bool == true)
            let provenID = try #require(proven["id"] as? String)
            // Whoever typed the address does not become its owner: the confirmed customer holds
            // none of the form's browser's profile.
            #expect(provenID != customerID)
            let provenProfile = try await api.send(.get, "/api/v1/customers/\(provenID)")
            #expect((provenProfile.object["attributes"] as? [String: Any])?["coffee_roast"] == nil)
            #expect(!provenProfile.text.contains("visitor-7"))
            let consents = try #require(try await api.send(.get, "/api/v1/customers/\(provenID)/consents").object["data"] as? [[String: Any]])
            let marketing = try #require(consents.first { $0["purpose"] as? String == "marketing" })
            let change = try #require((marketing["history"] as? [[String: Any]])?.first)
            #expect(change["source"] as? String == "form")
            #expect(change["text_hash"] as? String == SHA256SecretHasher().hash("Send me coffee news and offers by e-mail."), "the form's wording is the evidence")
            #expect((change["sign_up"] as? [String: Any])?["user_agent"] as? String == "QuizBrowser/1.0")

            // Closed, it takes no new answers; a retry of one it took still gets its outcome.
            var closed = live.replacingOccurrences(of: #""status": "live""#, with: #""status": "closed""#)
            closed = closed.replacingOccurrences(of: "https://Shop.example:443/", with: Self.shop)
            #expect(try await api.send(.put, "/api/v1/forms/\(formID)", json: closed).status == .ok)
            let replayed = try await Self.submit(api, key: browser, form: formID, body)
            #expect(replayed.status == .created && replayed.object["id"] as? String == answered.object["id"] as? String, "\(replayed.text)")
            let late = try await Self.submit(api, key: browser, form: formID, #"{"answers": {"roast": "dark"}, "anonymousId": "visitor-8", "anonymous_id": "visitor-8"}"#)
            #expect(late.status == .notFound, "\(late.text)")

            // The typed address is its owner's: erasing them erases the answers it came with,
            // though the typing visitor's profile holds them.
            #expect(try await api.send(.post, "/api/v1/customers/\(provenID)/erase").status == .ok)
            #expect(try await Self.answers(api, form: formID).isEmpty)

            // Deleting the form removes it and its answers.
            #expect(try await api.send(.delete, "/api/v1/forms/\(formID)").status == .noContent)
            #expect(try await api.send(.get, "/api/v1/forms/\(formID)/responses").status == .notFound)
            #expect(try await Self.submit(api, key: browser, form: formID, body).status == .notFound)
        }
    }

    @Test("a browser's answers never change a customer who holds proof; a server key's do", arguments: TestDatabase.available)
    func provenCustomers(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let server = try await api.services.keys.create(name: "backend", kind: .server, as: .operator(workspaceID: api.workspaceID)).secret
            let form = try await api.send(.post, "/api/v1/forms", json: """
                {"name": "Your size", "status": "live", "allowed_origins": ["https://shop.example"],
                 "questions": [{"key": "size", "label": "Shoe size", "kind": "number", "required": true, "attribute": "shoe_size"}]}
                """)
            let formID = try #require(form.object["id"] as? String, "\(form.text)")
            // The shop's back end says visitor-9 is its signed-in customer u-1.
            var headers = TrackingAPITests.basic(server)
            let identify = #"{"userId": "u-1", "anonymousId": "visitor-9", "traits": {"email": "kim@example.com", "shoe_size": 40}}"#
            #expect(try await api.client.execute(uri: "/v1/identify", method: .post, headers: headers, body: ByteBuffer(string: identify)).status == .ok)
            let kim = try #require(try await SignUpTests.customer(api, email: "kim@example.com"))
            let kimID = try #require(kim["id"] as? String)

            // Anyone holding the browser key could send visitor-9's id: the proven profile stays as it was.
            let asserted = try await Self.submit(api, key: browser, form: formID, #"{"answers": {"size": 46}, "anonymous_id": "visitor-9"}"#)
            #expect(asserted.status == .created, "\(asserted.text)")
            let attributes = try await api.send(.get, "/api/v1/customers/\(kimID)").object["attributes"] as? [String: Any]
            #expect(attributes?["shoe_size"] as? Double == 40)

            // The shop's back end relays its signed-in customer's answer: trusted.
            headers[.userAgent] = "ShopBackend/1.0"
            let relayed = try await api.client.execute(
                uri: "/v1/forms/\(formID)/responses", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"answers": {"size": 41}, "user_id": "u-1", "context": {"ip": "203.0.113.9", "userAgent": "Phone/2"}}"#))
            #expect(relayed.status == .created, "\(relayed.text)")
            let after = try await api.send(.get, "/api/v1/customers/\(kimID)").object["attributes"] as? [String: Any]
            #expect(after?["shoe_size"] as? Double == 41)
            let stored = try await Self.answers(api, form: formID)
            #expect(stored.count == 2)
            #expect(stored.first?["customer_id"] as? String == kimID)
        }
    }

    @Test("a form is checked whole: every wrong part is named and nothing is stored")
    func badForms() async throws {
        try await APIHarness.run(on: .sqlite) { api in
            for (json, field) in [
                (#"{"name": "Q", "kind": "quiz", "status": "live", "questions": [{"key": "a", "label": "A", "kind": "text"}]}"#, "results"),
                (#"{"name": "F", "status": "live", "questions": []}"#, "questions"),
                (#"{"name": "F", "questions": [{"key": "a", "label": "A", "kind": "choice", "options": [{"value": "x", "label": "X"}]}]}"#, "questions[0].options"),
                (#"{"name": "F", "questions": [{"key": "a", "label": "A", "kind": "choice", "options": [{"value": "x", "label": "X", "results": ["nope"]}, {"value": "y", "label": "Y"}]}]}"#, "questions[0].options[0].results"),
                (#"{"name": "F", "questions": [{"key": "a", "label": "A", "kind": "text"}, {"key": "a", "label": "B", "kind": "text"}]}"#, "questions[1].key"),
                (#"{"name": "F", "questions": [{"key": "a", "label": "A", "kind": "text", "attribute": "email"}]}"#, "questions[0].attribute"),
                (#"{"name": "F", "questions": [{"key": "result", "label": "A", "kind": "text"}]}"#, "questions[0].key"),
                (#"{"name": "F", "questions": [{"key": "a", "label": "A", "kind": "text"}], "consent": {"purposes": ["marketing"], "text": "Yes"}}"#, "consent"),
                (#"{"name": "F", "questions": [], "allowed_origins": ["https://shop.example/path"]}"#, "allowed_origins[0]"),
                (#"{"name": "F", "questions": [], "allowed_origins": ["javascript:alert(1)"]}"#, "allowed_origins[0]"),
                (#"{"name": "F", "kind": "poll"}"#, "kind"),
                (#"{"name": "F", "questions": [{"key": "a", "label": "A", "kind": "slider"}]}"#, "questions[0].kind"),
                (#"{"name": "", "questions": []}"#, "name"),
                (#"{"name": "F", "status": "live", "questions": [{"key": "a", "label": "A", "kind": "text"}]}"#, "allowed_origins"),
                // No e-mail inbox in this workspace: a live consent box could mail no confirmation.
                (#"{"name": "F", "status": "live", "allowed_origins": ["https://a.example"], "questions": [{"key": "e", "label": "E", "kind": "email"}], "consent": {"purposes": ["marketing"], "text": "Yes"}}"#, "consent"),
            ] {
                let refused = try await api.send(.post, "/api/v1/forms", json: json)
                #expect(refused.status == .unprocessableContent, "\(json): \(refused.text)")
                let fields = (refused.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                #expect(fields.contains(field), "\(json): \(refused.text)")
            }
            let listed = try await api.send(.get, "/api/v1/forms")
            #expect((listed.object["data"] as? [Any])?.isEmpty == true)
        }
    }
}
