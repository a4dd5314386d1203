import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Shopify's record of marketing consent, from its consent topics and from the customer bodies
/// older API versions send, joins the customer's consent history (source `shop`).
@Suite("Consent from Shopify")
struct ShopConsentTests {
    static func deliver(_ api: APIHarness, _ source: ShopSource, topic: String, file: String, id: String) async throws -> TestResponse {
        let body = try ChannelFixtures.text(file, "json", in: "shopify")
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Shopify-Hmac-Sha256")!] = WebhookSignatureVector.sign(body, secret: "hush")
        headers[HTTPField.Name("X-Shopify-Topic")!] = topic
        headers[HTTPField.Name("X-Shopify-Webhook-Id")!] = id
        headers[.contentType] = "application/json"
        return try await api.client.execute(uri: SiteURL.source(source).path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func consents(_ api: APIHarness, external: String) async throws -> [String: [String: Any]] {
        let id = try #require(try await api.services.customers.customerID(
            for: IdentityInput(kind: "external", value: external, source: "shopify"), as: .operator(workspaceID: api.workspaceID)), "no customer \(external)")
        let data = try #require(try await api.send(.get, "/api/v1/customers/\(id)/consents").object["data"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: data.map { ("\($0["purpose"] ?? "") \($0["channel"] ?? "")", $0) })
    }

    @Test("the consent topics of API 2025-01 on, with Shopify's 18-digit customer id intact, and the consent objects older versions put in customers/update", arguments: TestDatabase.available)
    func topics(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let source = try await api.services.sources.create(kind: .shopify, name: "Shop", secret: "hush", as: .operator(workspaceID: api.workspaceID))
            #expect(try await Self.deliver(api, source, topic: "customers_email_marketing_consent/update",
                                           file: "customers-email-marketing-consent-update-webhook-body", id: "d1").status == .ok)
            var consents = try await Self.consents(api, external: "706405506930370084")
            #expect(consents["marketing email"]?["status"] as? String == "denied", "not_subscribed")
            #expect((consents["marketing email"]?["history"] as? [[String: Any]])?.first?["source"] as? String == "shop")
            // The SMS topic's sample has no state: it says nothing, and nothing is recorded.
            #expect(try await Self.deliver(api, source, topic: "customers_marketing_consent/update",
                                           file: "customers-marketing-consent-update-webhook-body", id: "d2").status == .ok)
            consents = try await Self.consents(api, external: "706405506930370084")
            #expect(consents["marketing sms"] == nil)

            #expect(try await Self.deliver(api, source, topic: "customers/update", file: "customer-2024-10-with-marketing-consent", id: "d3").status == .ok)
            consents = try await Self.consents(api, external: "207119551")
            #expect(consents["marketing email"]?["status"] as? String == "granted")
            #expect(consents["marketing sms"]?["status"] as? String == "denied")
            let change = try #require((consents["marketing email"]?["history"] as? [[String: Any]])?.first)
            #expect(change["occurred_at"] as? String == "2023-12-30T14:13:25.000Z", "when Shopify says the customer consented")
            let wording = try #require(change["text_hash"] as? String)
            #expect(try await api.services.consents.text(hash: wording, as: .operator(workspaceID: api.workspaceID))
                == "Shopify email_marketing_consent: subscribed (confirmed_opt_in)")
            // The same record again (a re-sent webhook under a new id) adds nothing.
            _ = try await Self.deliver(api, source, topic: "customers/update", file: "customer-2024-10-with-marketing-consent", id: "d4")
            #expect((try await Self.consents(api, external: "207119551")["marketing email"]?["history"] as? [Any])?.count == 1)

            // From API 2025-01 customers/create carries no consent: the customer, and no consent.
            #expect(try await Self.deliver(api, source, topic: "customers/create", file: "customers-create-webhook-body-2026-07", id: "d5").status == .ok)
        }
    }
}
