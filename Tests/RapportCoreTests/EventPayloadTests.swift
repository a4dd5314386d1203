import Foundation
@testable import RapportCore
import Testing

@Suite("Event payloads are typed, versioned and written as they always were")
struct EventPayloadTests {
    static let at = Date(timeIntervalSince1970: 1_790_000_000.125)

    /// What the log stored before payloads were typed: Foundation's encoder over the record.
    static func foundationJSON(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
    }

    @Test("an identity's payload is the bytes the record's Codable form gave, with and without a source")
    func identity() throws {
        let sourced = Identity(id: "idn_1", kind: .external, value: "4501", source: "shopify", createdAt: Self.at, provenance: .proven)
        #expect(IdentityEventPayload(sourced).json == (try Self.foundationJSON(sourced)))
        let bare = Identity(id: "idn_2", kind: .email, value: "a@example.com", source: nil, createdAt: Self.at, provenance: .asserted)
        #expect(IdentityEventPayload(bare).json == (try Self.foundationJSON(bare)))
        #expect(!IdentityEventPayload(bare).json.contains("source"))
    }

    @Test("a touchpoint's payload is the bytes the record's Codable form gave")
    func interaction() throws {
        let full = Interaction(
            id: "int_1", workspaceID: "wsp_1", customerID: "cus_1", channel: .web, direction: .inbound, kind: InteractionKind(rawValue: "page_view"),
            summary: "Viewed \"Mug\"", occurredAt: Self.at, payload: .object(["url": .string("https://shop.example/mug"), "b": .number(2)]),
            createdAt: Self.at)
        #expect(InteractionEventPayload(full).json == (try Self.foundationJSON(full)))
        var bare = full
        bare.summary = nil
        bare.payload = nil
        #expect(InteractionEventPayload(bare).json == (try Self.foundationJSON(bare)))
    }

    @Test("a merge's payload keeps its keys")
    func merge() {
        let payload = MergeEventPayload(mergeID: "mrg_1", survivorID: "cus_1", mergedID: "cus_2", actor: "usr_1", reason: "same e-mail")
        #expect(payload.json == #"{"actor":"usr_1","merge_id":"mrg_1","merged_id":"cus_2","reason":"same e-mail","survivor_id":"cus_1"}"#)
    }

    @Test("a shop's payload never carries its secret and says only what changed")
    func source() {
        #expect(SourceEventPayload(id: "src_1", kind: .shopify).json == #"{"id":"src_1","kind":"shopify"}"#)
        #expect(SourceEventPayload(id: "src_1", secretRotated: true).json == #"{"id":"src_1","secret_rotated":true}"#)
        #expect(SourceEventPayload(id: "src_1").json == #"{"id":"src_1"}"#)
    }

    @Test("an order's status change and refund say what changed")
    func orderChanges() {
        let order = Order(
            id: "ord_1", workspaceID: "wsp_1", customerID: "cus_1", number: "#1001", source: "api", externalID: "1001", status: .fulfilled,
            channel: .web, currency: "EUR", lines: [], totals: OrderTotals(subtotal: 1_000, discount: 0, tax: 0, shipping: 0, total: 1_000, refunded: 300),
            discountCodes: [], shippingAddress: nil, email: nil, fulfillments: [], placedAt: Self.at, paidAt: nil, fulfilledAt: nil,
            createdAt: Self.at, updatedAt: Self.at)
        #expect(
            OrderChange(.statusChanged(from: .paid, at: Self.at), order).payload.json
                == ##"{"from":"paid","number":"#1001","order_id":"ord_1","to":"fulfilled"}"##)
        let refund = Refund(
            id: "rfd_1", workspaceID: "wsp_1", orderID: "ord_1", amount: 300, reason: nil, source: "api", externalID: "r1", createdAt: Self.at)
        #expect(
            OrderChange(.refunded(refund), order).payload.json
                == #"{"amount":300,"currency":"EUR","id":"rfd_1","order_id":"ord_1","reason":null,"refunded_total":300,"source":"api"}"#)
    }

    @Test("an inbox's payload names it and its channel, never its credentials")
    func inbox() {
        let inbox = Inbox(
            id: "inb_1", workspaceID: "wsp_1", channel: .sms, name: "SMS", settings: ["auth_token": "secret"], teamID: nil,
            slaPolicyID: nil, createdAt: Self.at)
        let payload = InboxChange(created: true, inbox).payload
        #expect(type(of: payload).version == 1)
        #expect(payload.json == #"{"channel":"sms","id":"inb_1"}"#)
    }
}
