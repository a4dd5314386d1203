import Foundation
@testable import RapportCore
@testable import RapportServer
import Testing

extension ResponseSamples {
    static func render(_ value: some Encodable) throws -> String {
        try JSONDocumentEncoder.encode(value)
    }
}

@Suite("The API's responses are Encodable types, written byte for byte as before")
struct ResponseEncodingTests {
    @Test("every response type writes exactly what its hand-written writer did", arguments: ResponseSamples.all.map(\.name))
    func sameBytes(name: String) throws {
        let sample = try #require(ResponseSamples.all.first { $0.name == name })
        let expected = try #require(ResponseGoldens.bytes[name], "no golden for \(name)")
        #expect(try sample.json() == expected)
    }

    @Test("a conversation and a message read the same through the API as in their events and live updates")
    func conversationAndMessageMatchTheirEvents() throws {
        let at = Date(timeIntervalSince1970: 1_790_000_000.125)
        var conversation = Conversation(
            id: "cnv_1", workspaceID: "wsp_1", inboxID: "inb_1", customerID: "cus_1", channel: .whatsapp, contact: "+4930123456",
            subject: ResponseSamples.awkward, status: .pending, assigneeID: "usr_1", teamID: nil, priority: .high, labels: ["a", "b"],
            lastMessageAt: at, createdAt: at, updatedAt: at)
        conversation.firstResponseDue = at.addingTimeInterval(60)
        conversation.slaBreaches = ["resolution"]
        #expect(try JSONDocumentEncoder.encode(ConversationResponse(conversation)) == ConversationEventPayload(conversation).json)
        let message = Message(
            id: "mes_1", workspaceID: "wsp_1", conversationID: "cnv_1", inboxID: "inb_1", direction: .incoming, kind: .image,
            author: .customer, authorID: "cus_1", text: ResponseSamples.awkward,
            attachments: [Attachment(type: "image", url: "https://cdn.example/a.jpg", providerMediaID: "m1", mimeType: "image/jpeg", size: 2048)],
            content: .object(["lat": .number(52.5), "name": .string("x")]), providerMessageID: "wamid.1", sentiment: -0.25,
            createdAt: at, updatedAt: at)
        #expect(try JSONDocumentEncoder.encode(MessageResponse(message)) == MessageEventPayload(message).json)
        var note = message
        note.isPrivate = true
        note.deliveryStatus = .failed
        note.failureReason = "no"
        note.sentiment = nil
        note.attachments = []
        note.content = nil
        #expect(try JSONDocumentEncoder.encode(MessageResponse(note)) == MessageEventPayload(note).json)
    }

    @Test("orders, shipments, returns and products read the same through the API as in their events")
    func commerceMatchesItsEvents() throws {
        let at = Date(timeIntervalSince1970: 1_790_000_000.125)
        let shipment = Fulfillment(
            id: "ful_1", orderID: "ord_1", carrier: "DHL", trackingNumber: "JJD1", trackingURL: "https://dhl.example/t?n=JJD1",
            externalID: nil, createdAt: at, deliveredAt: at.addingTimeInterval(86_400))
        let order = Order(
            id: "ord_1", workspaceID: "wsp_1", customerID: "cus_1", number: "#1001", source: "shopify", externalID: "4501",
            status: .fulfilled, channel: .web, currency: "EUR",
            lines: [
                OrderLine(id: "lin_1", productID: "prd_1", variantID: nil, sku: "MUG", title: ResponseSamples.awkward, quantity: 2, unitPrice: 1_250, discount: 100),
                OrderLine(id: "lin_2", productID: nil, variantID: nil, sku: nil, title: "Gift", quantity: 1, unitPrice: 0, discount: 0),
            ],
            totals: OrderTotals(subtotal: 2_400, discount: 100, tax: 380, shipping: 495, total: 3_175, refunded: 500),
            discountCodes: ["WELCOME"], shippingAddress: Address(line1: "Hauptstr. 1", city: "Köln", postalCode: "50667", country: "DE"),
            email: nil, fulfillments: [shipment], placedAt: at, paidAt: at, fulfilledAt: at, createdAt: at, updatedAt: at)
        #expect(try JSONDocumentEncoder.encode(OrderResponse(order: order)) == OrderEventPayload(order: order).json)
        var bare = order
        bare.shippingAddress = nil
        bare.fulfillments = []
        bare.lines = []
        #expect(try JSONDocumentEncoder.encode(OrderResponse(order: bare)) == OrderEventPayload(order: bare).json)
        #expect(try JSONDocumentEncoder.encode(FulfillmentResponse(fulfillment: shipment)) == FulfillmentEventPayload(fulfillment: shipment).json)
        let orderReturn = OrderReturn(
            id: "ret_1", workspaceID: "wsp_1", orderID: "ord_1", customerID: "cus_1", status: .approved, reason: ResponseSamples.awkward,
            items: [ReturnItem(lineID: "lin_1", quantity: 1)], refundAmount: nil, currency: "EUR", createdAt: at, updatedAt: at)
        #expect(try JSONDocumentEncoder.encode(ReturnResponse(orderReturn: orderReturn)) == ReturnEventPayload(orderReturn: orderReturn).json)
        let product = Product(
            id: "prd_1", workspaceID: "wsp_1", source: "api", externalID: "MUG", title: "Mug", description: nil,
            categories: ["kitchen"], imageURL: "https://cdn.example/mug.jpg", active: true,
            variants: [ProductVariant(id: "var_1", productID: "prd_1", sku: "MUG-B", title: "Blue", price: 1_250, currency: "EUR", externalID: nil)],
            createdAt: at, updatedAt: at)
        #expect(try JSONDocumentEncoder.encode(ProductResponse(product: product)) == ProductEventPayload(product: product).json)
    }

    @Test("problem documents leave out what they do not have, as RFC 9457 readers expect")
    func problemDocuments() throws {
        let bare = ProblemDetails(detail: "d", errors: nil, instance: nil, requestId: "req_1", status: 404, title: "Not Found", type: "/docs/api#not-found")
        #expect(try JSONDocumentEncoder.encode(bare) == #"{"detail":"d","request_id":"req_1","status":404,"title":"Not Found","type":"/docs/api#not-found"}"#)
        let invalid = ProblemDetails(
            detail: "d", errors: [FieldError(field: "email", message: "is not an e-mail address")], instance: "/x", requestId: "r",
            status: 422, title: "Unprocessable Content", type: "/docs/api#validation")
        #expect(try JSONDocumentEncoder.encode(invalid).contains(#""errors":[{"field":"email","message":"is not an e-mail address"}],"instance":"/x","#))
    }
}

@Suite("The document encoder")
struct JSONDocumentEncoderTests {
    @Test("keys become snake_case as Foundation's strategy makes them", arguments: [
        ("customerID", "customer_id"), ("webhookURL", "webhook_url"), ("line1", "line1"), ("createdAt", "created_at"),
        ("urlValue", "url_value"), ("URLValue", "url_value"), ("already_snake", "already_snake"), ("a", "a"),
        ("memberIDs", "member_i_ds"), ("asdfĆqer", "asdf_ćqer"), ("äöÜber", "äö_über"),
    ])
    func snakeCase(key: String, expected: String) {
        #expect(JSONDocumentEncoder.snakeCase(key) == expected)
    }

    struct Nested: Encodable {
        struct Inner: Encodable {
            let values: [Int?]
            let when: Date
        }

        let inner: Inner
        let list: [[String]]
        let name: String?
        @OmittedWhenNil var hidden: String?
        let raw: DocumentJSON
        let tail: Bool
    }

    @Test("nested objects and arrays close in the right places; nil is null unless omitted; JSON text is kept")
    func nesting() throws {
        let value = Nested(
            inner: .init(values: [1, nil, 3], when: Date(timeIntervalSince1970: 0)), list: [["a"], [], ["b", "c"]], name: nil, hidden: nil,
            raw: DocumentJSON(#"{"x":[1]}"#), tail: true)
        #expect(try JSONDocumentEncoder.encode(value)
            == #"{"inner":{"values":[1,null,3],"when":"1970-01-01T00:00:00.000Z"},"list":[["a"],[],["b","c"]],"name":null,"raw":{"x":[1]},"tail":true}"#)
    }

    @Test("its text reads back as JSON with every value where Foundation's encoder puts it")
    func agreesWithFoundation() throws {
        let value = Nested(
            inner: .init(values: [Int.max, -1], when: Date(timeIntervalSince1970: 1_790_000_000.5)), list: [["\u{1}\"\\"]], name: "ä🛒",
            hidden: "shown", raw: DocumentJSON("[]"), tail: false)
        let ours = try JSONSerialization.jsonObject(with: Data(try JSONDocumentEncoder.encode(value).utf8)) as? NSDictionary
        let foundation = try JSONSerialization.jsonObject(with: try JSONCoding.makeEncoder().encode(value)) as? NSDictionary
        #expect(ours == foundation)
    }

    class Base: Encodable {
        let id = "b1"
    }

    final class Derived: Base {
        let extra = true

        private enum CodingKeys: String, CodingKey { case extra }

        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(extra, forKey: .extra)
            try super.encode(to: container.superEncoder())
        }
    }

    struct Flattened: Encodable {
        let first = 1
        let second = 2

        private enum FirstKeys: String, CodingKey { case first }
        private enum SecondKeys: String, CodingKey { case second }

        func encode(to encoder: any Encoder) throws {
            var one = encoder.container(keyedBy: FirstKeys.self)
            try one.encode(first, forKey: .first)
            var two = encoder.container(keyedBy: SecondKeys.self)
            try two.encode(second, forKey: .second)
        }
    }

    struct Omissions: Encodable {
        @OmittedWhenNil var gone: String?
        let list: [OmittedWhenNil<String>]
    }

    @Test("a base type under super, a type asking for its container twice, and omission only where a key can go")
    func codablePatterns() throws {
        #expect(try JSONDocumentEncoder.encode(Derived()) == #"{"extra":true,"super":{"id":"b1"}}"#)
        #expect(try JSONDocumentEncoder.encode(Flattened()) == #"{"first":1,"second":2}"#)
        let omissions = Omissions(gone: nil, list: [OmittedWhenNil(wrappedValue: nil), OmittedWhenNil(wrappedValue: "x")])
        #expect(try JSONDocumentEncoder.encode(omissions) == #"{"list":[null,"x"]}"#)
        #expect(try JSONDocumentEncoder.encode(OmittedWhenNil<String>(wrappedValue: nil)) == "null")
    }
}
