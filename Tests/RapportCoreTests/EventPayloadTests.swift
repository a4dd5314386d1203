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

    @Test("a customer's payload keeps the order, the nulls and the sorted attributes its hand-written writer had")
    func customer() {
        let customer = Customer(
            id: "cus_1", workspaceID: "wsp_1",
            profile: CustomerProfile(
                firstName: "Ann", addresses: [Address(city: "Köln", postalCode: "50667", country: "DE")], tags: ["vip"],
                attributes: ["n": .number(1.5), "b": .boolean(true)]),
            identities: [Identity(id: "idn_1", kind: .email, value: "a@example.com", source: nil, createdAt: Date(timeIntervalSince1970: 1), provenance: .proven)],
            createdAt: Date(timeIntervalSince1970: 1), updatedAt: Date(timeIntervalSince1970: 2), mergedIntoID: "cus_0")
        #expect(CustomerEventPayload(customer).json == Self.customerGolden)
    }

    static let customerGolden = #"{"id":"cus_1","workspace_id":"wsp_1","first_name":"Ann","last_name":null,"locale":null,"timezone":null,"notes":null,"#
        + #""addresses":[{"city":"Köln","country":"DE","postal_code":"50667"}],"tags":["vip"],"attributes":{"b":true,"n":1.5},"#
        + #""identities":[{"id":"idn_1","kind":"email","value":"a@example.com","source":null,"created_at":"1970-01-01T00:00:01.000Z","provenance":"proven"}],"#
        + #""created_at":"1970-01-01T00:00:01.000Z","updated_at":"1970-01-01T00:00:02.000Z","deleted_at":null,"merged_into_id":"cus_0"}"#

    @Test("a missed SLA target carries the conversation as its own payload, then the target")
    func slaBreach() {
        let conversation = Conversation(
            id: "cnv_1", workspaceID: "wsp_1", inboxID: "inb_1", customerID: "cus_1", channel: .sms, contact: "+4930123456",
            subject: nil, status: .open, assigneeID: nil, teamID: nil, priority: .normal, labels: [], lastMessageAt: Self.at,
            createdAt: Self.at, updatedAt: Self.at)
        let payload = ConversationChange(.slaBreached(.firstResponse), conversation).payload
        #expect(payload.json == #"{"conversation":"# + ConversationEventPayload(conversation).json + #","target":"first_response"}"#)
    }
}
