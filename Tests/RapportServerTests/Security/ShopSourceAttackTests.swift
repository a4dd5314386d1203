import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Crypto
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Attacks on connected shops: whoever holds a shop's signing secret can write orders for
/// anyone, so only admins connect shops, and a leaked secret can be rotated or the shop removed.
@Suite("Security: shop sources")
struct ShopSourceAttackTests {
    static func signedOrder(_ api: APIHarness, path: String, webhookID: String) async throws -> HTTPResponse.Status {
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Shopify-Hmac-Sha256")!] = "+P1eXg15rR/Mx35UlqfJHi2ceogG93HaWb6v1fsuL0o="  // the fixture's, with secret "hush"
        headers[HTTPField.Name("X-Shopify-Topic")!] = "orders/create"
        headers[HTTPField.Name("X-Shopify-Webhook-Id")!] = webhookID
        headers[.contentType] = "application/json"
        return try await api.client.execute(uri: path, method: .post, headers: headers, body: try ShopWebhookTests.fixture()).status
    }

    @Test("a marketer connects a shop with a secret of their own choosing to invent orders", arguments: TestDatabase.available)
    func marketerConnectsShop(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let marketer = Actor(workspaceID: api.workspaceID, role: .marketer, userID: "usr_1", teamIDs: [], label: "user:usr_1")
            await #expect(throws: RapportError.self) {
                _ = try await api.services.sources.create(kind: .shopify, name: "Mine", secret: "hush", as: marketer)
            }
            let connected = try await api.services.sources.sources(as: .operator(workspaceID: api.workspaceID))
            #expect(connected.isEmpty)
        }
    }

    @Test("a shop's leaked signing secret keeps signing orders after it is rotated, or after the shop is removed", arguments: TestDatabase.available)
    func leakedSecret(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/sources", json: #"{"kind":"shopify","secret":"hush","name":"Main"}"#)
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? String)
            let path = "/webhooks/shopify/\(id)"
            #expect(try await Self.signedOrder(api, path: path, webhookID: "w1") == .ok)

            let empty = try await api.send(.post, "/api/v1/sources/\(id)/secret", json: #"{"secret":"  "}"#)
            #expect(empty.status == .unprocessableContent)
            #expect(try await Self.signedOrder(api, path: path, webhookID: "w1b") == .ok, "a refused rotation changes nothing")
            let rotated = try await api.send(.post, "/api/v1/sources/\(id)/secret", json: #"{"secret":"a-new-secret"}"#)
            #expect(rotated.status == .ok)
            #expect(try await Self.signedOrder(api, path: path, webhookID: "w2") == .unauthorized, "the old secret no longer signs")
            let listed = try await api.send(.get, "/api/v1/sources")
            #expect((listed.object["data"] as? [[String: Any]])?.count == 1)
            #expect(!listed.text.contains("a-new-secret"), "secrets are never shown back")

            #expect(try await api.send(.delete, "/api/v1/sources/\(id)").status == .noContent)
            #expect(try await Self.signedOrder(api, path: path, webhookID: "w3") == .notFound)
            #expect(try await api.send(.delete, "/api/v1/sources/\(id)").status == .notFound)
            let counts = try await api.services.commerce.counts(as: .operator(workspaceID: api.workspaceID))
            #expect(counts.orders == 1)
        }
    }
}

extension ShopSourceAttackTests {
    /// The Shopify fixture with its change time and state replaced, signed with `secret`.
    static func report(updatedAt: String, cancelledAt: String?, financialStatus: String, secret: String) throws -> (ByteBuffer, String) {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: try ShopWebhookTests.fixture())) as? [String: Any])
        json["updated_at"] = updatedAt
        json["cancelled_at"] = cancelledAt ?? NSNull()
        json["financial_status"] = financialStatus
        let body = try JSONSerialization.data(withJSONObject: json)
        let signature = Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))).base64EncodedString()
        return (ByteBuffer(data: body), signature)
    }

    @Test("a late orders/updated from before the cancellation moves a cancelled order back to paid", arguments: TestDatabase.available)
    func outOfOrderWebhooks(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let source = try await api.services.sources.create(kind: .shopify, name: "Shop", secret: "hush", as: .operator(workspaceID: api.workspaceID))
            func deliver(_ topic: String, id: String, updatedAt: String, cancelledAt: String?, status: String) async throws {
                let (body, signature) = try Self.report(updatedAt: updatedAt, cancelledAt: cancelledAt, financialStatus: status, secret: "hush")
                var headers = HTTPFields()
                headers[HTTPField.Name("X-Shopify-Hmac-Sha256")!] = signature
                headers[HTTPField.Name("X-Shopify-Topic")!] = topic
                headers[HTTPField.Name("X-Shopify-Webhook-Id")!] = id
                headers[.contentType] = "application/json"
                let response = try await api.client.execute(uri: SiteURL.source(source).path, method: .post, headers: headers, body: body)
                #expect(response.status == .ok)
            }
            try await deliver("orders/create", id: "d1", updatedAt: "2026-11-01T10:00:00Z", cancelledAt: nil, status: "paid")
            try await deliver("orders/cancelled", id: "d3", updatedAt: "2026-11-01T12:00:00Z", cancelledAt: "2026-11-01T12:00:00Z", status: "paid")
            // Sent at 11:00, delivered after the cancellation.
            try await deliver("orders/updated", id: "d2", updatedAt: "2026-11-01T11:00:00Z", cancelledAt: nil, status: "paid")
            let order = try #require(try await api.services.commerce.orders(number: "1001", as: .operator(workspaceID: api.workspaceID)).first)
            #expect(order.status == .cancelled)
            // A newer report still applies.
            try await deliver("orders/updated", id: "d4", updatedAt: "2026-11-01T13:00:00Z", cancelledAt: nil, status: "refunded")
            let newer = try #require(try await api.services.commerce.orders(number: "1001", as: .operator(workspaceID: api.workspaceID)).first)
            #expect(newer.status == .refunded)
        }
    }

    @Test("an agent, who may not refund, marks an order refunded through the order API", arguments: TestDatabase.available)
    func refundThroughStatus(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let order = try await api.send(.post, "/api/v1/orders", json: """
                {"customer":{"email":"ann@example.com"},"number":"R-9","currency":"EUR","status":"paid","lines":[{"title":"Mug","quantity":1,"unit_price":1500}]}
                """)
            let orderID = try #require(order.object["id"] as? String)
            let agent = Actor(workspaceID: api.workspaceID, role: .agent, userID: "usr_a", teamIDs: [], label: "user:usr_a")
            await #expect(throws: RapportError.self) { _ = try await api.services.commerce.changeStatus(orderID: orderID, to: .refunded, as: agent) }
            await #expect(throws: RapportError.self) {
                _ = try await api.services.commerce.upsertOrders(
                    [OrderInput(customer: CustomerInput(identities: [IdentityInput(kind: "email", value: "ann@example.com")]), number: "R-10",
                                status: .refunded, currency: "EUR", lines: [OrderLineInput(title: "Mug", quantity: 1, unitPrice: 1500)])],
                    as: agent)
            }
            let shipped = try await api.services.commerce.changeStatus(orderID: orderID, to: .fulfilled, as: agent)
            #expect(shipped.status == .fulfilled, "other changes stay the agent's")
        }
    }
}
