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

@Suite("Shop webhooks")
struct ShopWebhookTests {
    static func fixture() throws -> ByteBuffer {
        let url = try #require(Bundle.module.url(forResource: "orders-create-webhook-body", withExtension: "json", subdirectory: "shopify"))
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }

    @Test("Shopify's signed orders/create lands once with its lines, totals, code, tracking and customer", arguments: TestDatabase.available)
    func shopifyOrder(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let source = try await api.services.sources.create(kind: .shopify, name: "Main shop", secret: "hush", as: .operator(workspaceID: api.workspaceID))
            let body = try Self.fixture()
            var headers = HTTPFields()
            headers[HTTPField.Name("X-Shopify-Hmac-Sha256")!] = "+P1eXg15rR/Mx35UlqfJHi2ceogG93HaWb6v1fsuL0o="
            headers[HTTPField.Name("X-Shopify-Topic")!] = "orders/create"
            headers[HTTPField.Name("X-Shopify-Webhook-Id")!] = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"
            headers[.contentType] = "application/json"
            for _ in 0..<2 {
                let response = try await api.client.execute(uri: SiteURL.source(source).path, method: .post, headers: headers, body: body)
                #expect(response.status == .ok)
            }
            let orders = try await api.services.commerce.orders(number: "1001", as: .operator(workspaceID: api.workspaceID))
            #expect(orders.count == 1)
            let order = try #require(orders.first)
            #expect(order.lines.count == 3)
            #expect(order.totals.total == 40_994 && order.currency == "USD")
            #expect(order.discountCodes == ["TENOFF"])
            #expect(order.fulfillments.map(\.trackingNumber) == ["1Z2345"])
            #expect(order.source == "shopify" && order.externalID == "450789469")
            let customer = try await api.services.customers.view(id: order.customerID, as: .operator(workspaceID: api.workspaceID))
            #expect(customer.customer.identities.contains { $0.kind == .email && $0.value == "bob.norman@hostmail.com" })
            #expect(customer.customer.identities.contains { $0.kind == .external && $0.value == "207119551" })
            #expect(customer.customer.profile.firstName == "Bob")
            let counts = try await api.services.commerce.counts(as: .operator(workspaceID: api.workspaceID))
            #expect(counts.orders == 1)
        }
    }

    @Test("a wrong signature is refused and changes nothing", arguments: TestDatabase.available)
    func badSignature(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let source = try await api.services.sources.create(kind: .shopify, name: nil, secret: "not-hush-at-all", as: .operator(workspaceID: api.workspaceID))
            var headers = HTTPFields()
            headers[HTTPField.Name("X-Shopify-Hmac-Sha256")!] = "+P1eXg15rR/Mx35UlqfJHi2ceogG93HaWb6v1fsuL0o="
            headers[HTTPField.Name("X-Shopify-Topic")!] = "orders/create"
            let response = try await api.client.execute(uri: SiteURL.source(source).path, method: .post, headers: headers, body: try Self.fixture())
            #expect(response.status == .unauthorized)
            #expect(try await api.services.commerce.counts(as: .operator(workspaceID: api.workspaceID)).orders == 0)
        }
    }

    @Test("WooCommerce's signed order.created makes an order for the billing e-mail", arguments: TestDatabase.available)
    func wooCommerceOrder(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let source = try await api.services.sources.create(kind: .woocommerce, name: "Woo", secret: "woo-secret-1", as: .operator(workspaceID: api.workspaceID))
            let json = """
                {"id": 727, "number": "727", "status": "processing", "currency": "EUR", "date_created_gmt": "2026-03-22T16:28:02",
                 "discount_total": "0.00", "shipping_total": "10.00", "total": "29.35", "total_tax": "1.35", "customer_id": 0,
                 "billing": {"first_name": "John", "last_name": "Doe", "email": "john.doe@example.com", "phone": "(555) 555-5555"},
                 "line_items": [{"id": 315, "name": "Woo Single #1", "product_id": 93, "variation_id": 0, "quantity": 2,
                                 "subtotal": "6.00", "total": "6.00", "sku": "", "price": 3},
                                {"id": 316, "name": "Ship Your Idea", "product_id": 22, "variation_id": 23, "quantity": 1,
                                 "subtotal": "12.00", "total": "12.00", "sku": "SYI-B", "price": 12}]}
                """
            var headers = HTTPFields()
            headers[HTTPField.Name("X-WC-Webhook-Signature")!] = WebhookSignatureVector.sign(json, secret: "woo-secret-1")
            headers[HTTPField.Name("X-WC-Webhook-Topic")!] = "order.created"
            headers[HTTPField.Name("X-WC-Webhook-Delivery-ID")!] = "1"
            let response = try await api.client.execute(uri: SiteURL.source(source).path, method: .post, headers: headers, body: ByteBuffer(string: json))
            #expect(response.status == .ok)
            let order = try #require(try await api.services.commerce.orders(number: "727", as: .operator(workspaceID: api.workspaceID)).first)
            #expect(order.status == .paid && order.totals.total == 2_935 && order.totals.shipping == 1_000)
            #expect(order.lines.map(\.quantity) == [2, 1] && order.lines.first?.unitPrice == 300)
            let customer = try await api.services.customers.view(id: order.customerID, as: .operator(workspaceID: api.workspaceID))
            #expect(customer.customer.identities.map(\.value).contains("john.doe@example.com"))
        }
    }

    @Test("the signature check matches the published Shopify vector")
    func signatureVector() throws {
        let body = try Self.fixture()
        #expect(WebhookSignature.isValidBase64HMACSHA256("+P1eXg15rR/Mx35UlqfJHi2ceogG93HaWb6v1fsuL0o=", body: body.readableBytesView, secret: "hush"))
        #expect(!WebhookSignature.isValidBase64HMACSHA256("+P1eXg15rR/Mx35UlqfJHi2ceogG93HaWb6v1fsuL0o=", body: body.readableBytesView, secret: "hush!"))
    }
}
