import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Campaign e-mails personalised beyond the profile, through the real sender on both engines:
/// the latest order, the RFM segment and value band, recommended products with tracked links,
/// and nothing read that the content does not name. The transport records what it is handed
/// (`CampaignAudienceTests`).
@Suite("Campaign personalisation")
struct CampaignPersonalisationTests {
    static func list(_ services: Services, _ customers: [String], actor: Actor) async throws -> String {
        let list = try await services.segments.create(SegmentDraft(name: "List \(UUID().uuidString.prefix(6))", kind: .list), as: actor)
        _ = try await services.segments.addToList(id: list.id, customerIDs: customers, as: actor)
        return list.id
    }

    static func campaign(_ services: Services, inbox: Inbox, segment: String, body: String, actor: Actor) async throws -> Campaign {
        let definition: JSONValue = .object([
            "audience": .object(["segment_ids": .array([.string(segment)])]), "default_locale": .string("en"), "holdout_share": .number(0),
            "content": .object(["en": .object(["subject": .string("Hi"), "body": .string(body)])]),
        ])
        return try await services.campaigns.create(
            CampaignDraft(name: "Personal \(UUID().uuidString.prefix(6))", channel: .email, inboxID: inbox.id, definition: definition), as: actor)
    }

    static func sendAll(_ campaign: Campaign, services: Services, sender: CampaignDispatcher, actor: Actor) async throws {
        _ = try await services.campaigns.send(id: campaign.id, as: actor)
        while try await services.campaigns.find(id: campaign.id, as: actor).status == .sending { _ = try await sender.runDue() }
    }

    /// A buyer with an older paid order, a newer shipped one and a still newer cancelled one,
    /// and a newcomer without orders; both may be mailed, and RFM has scored the buyer.
    static func shoppers(_ services: Services, actor: Actor) async throws -> (buyer: String, newcomer: String) {
        let buyer = try await CampaignAudienceTests.customer(services, "buyer@example.com", consent: "granted", actor: actor)
        let newcomer = try await CampaignAudienceTests.customer(services, "newcomer@example.com", consent: "granted", actor: actor)
        let now = services.clock.now()
        let daysAgo = { (days: Double) in now.addingTimeInterval(-days * 86_400) }
        _ = try await services.commerce.upsertOrders([
            OrderInput(
                customerID: buyer, number: "1001", status: .paid, currency: "EUR", lines: [OrderLineInput(title: "Old Cup", quantity: 1, unitPrice: 900)],
                placedAt: daysAgo(30)),
            OrderInput(
                customerID: buyer, number: "1002", status: .fulfilled, currency: "EUR",
                lines: [OrderLineInput(title: "Blue Mug", quantity: 2, unitPrice: 1_200), OrderLineInput(title: "Tea Towel", quantity: 1, unitPrice: 600)],
                fulfillments: [FulfillmentInput(carrier: "UPS", trackingNumber: "1Z999", trackingURL: "https://track.test/1Z999")], placedAt: daysAgo(2)),
            OrderInput(
                customerID: buyer, number: "1003", status: .cancelled, currency: "EUR", lines: [OrderLineInput(title: "Mistake", quantity: 1, unitPrice: 100)],
                placedAt: daysAgo(1)),
        ], as: actor)
        _ = try await services.rfm.recompute(as: actor)
        return (buyer, newcomer)
    }

    static let orderBody = """
        Order {{order.number | default: none}}: {{order.items}} for {{order.total}}, {{order.status}}, tracking {{order.tracking_number}} at {{order.tracking_url}}.

        Segment {{customer.rfm_segment | default: unscored}}, band {{customer.value_band | default: unbanded}}.
        """

    @Test("the latest order that is not cancelled fills the order variables; RFM fills segment and band; a customer without orders gets the fallbacks; a preview reads the same", arguments: TestDatabase.available)
    func latestOrderAndInsights(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links())
            let (buyer, newcomer) = try await Self.shoppers(services, actor: actor)
            let segment = try await Self.list(services, [buyer, newcomer], actor: actor)
            let campaign = try await Self.campaign(services, inbox: inbox, segment: segment, body: Self.orderBody, actor: actor)
            try await Self.sendAll(campaign, services: services, sender: sender, actor: actor)

            let scores = try #require(try await services.rfm.customer(id: buyer, as: actor))
            let band = CustomerValueBand(monetaryScore: scores.monetaryScore).rawValue
            let toBuyer = try #require(transport.emails.first { $0.address == "buyer@example.com" })
            #expect(toBuyer.text.contains(
                "Order 1002: 2 × Blue Mug, Tea Towel for 30.00 EUR, fulfilled, tracking 1Z999 at https://track.test/1Z999."), "\(toBuyer.text)")
            #expect(toBuyer.text.contains("Segment \(scores.segment.rawValue), band \(band)."), "\(toBuyer.text)")
            #expect(toBuyer.html.contains("Order 1002: 2 × Blue Mug, Tea Towel for 30.00 EUR"), "\(toBuyer.html)")
            let toNewcomer = try #require(transport.emails.first { $0.address == "newcomer@example.com" })
            #expect(toNewcomer.text.contains("Order none:") && !toNewcomer.text.contains("1002"), "\(toNewcomer.text)")
            #expect(toNewcomer.text.contains("Segment unscored, band unbanded."), "\(toNewcomer.text)")

            let preview = try await sender.preview(id: campaign.id, customerID: buyer, locale: nil, as: actor)
            #expect(preview.email.text.contains("Order 1002: 2 × Blue Mug") && preview.email.text.contains("band \(band)."))
            let sample = try await sender.preview(id: campaign.id, customerID: nil, locale: nil, as: actor)
            #expect(sample.email.text.contains("Order none:") && sample.email.text.contains("Segment unscored"))
        }
    }

    @Test("a campaign reads only what it names: nothing for the profile's variables, only the orders for order variables", arguments: TestDatabase.available)
    func readsOnlyWhatIsNamed(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links())
            let (buyer, _) = try await Self.shoppers(services, actor: actor)
            let segment = try await Self.list(services, [buyer], actor: actor)
            let claim = CampaignSendClaim(sendID: "snd_probe", customerID: buyer, address: "buyer@example.com", variant: nil, firstName: nil, lastName: nil, locale: nil)

            let plain = try await Self.campaign(services, inbox: inbox, segment: segment, body: "Hi {{customer.first_name | default: there}}", actor: actor)
            #expect(CampaignPersonalisationNeeds(plain.definition).isEmpty)
            #expect(try await sender.personalisation(for: [claim], of: plain) == CampaignPersonalisation.none)

            let ordersOnly = try await Self.campaign(services, inbox: inbox, segment: segment, body: "Your order {{order.number}}", actor: actor)
            let personalised = try await sender.personalisation(for: [claim], of: ordersOnly)
            #expect(personalised.variables[buyer]?["order.number"] == "1002")
            #expect(personalised.variables[buyer]?.keys.allSatisfy { $0.hasPrefix("order.") } == true, "no RFM row read: \(personalised)")
            #expect(personalised.recommended.isEmpty, "no recommender asked")
        }
    }

    @Test("{{recommendations}} renders product cards with tracked links and text lines, escaped; a workspace without products gets none", arguments: TestDatabase.available)
    func recommendations(database: TestDatabase) async throws {
        try await database.withStore { store in
            let body = "Picked for you\n\n{{recommendations | link: 'https://shop.test/p/{external_id}' | default: 'Nothing yet'}}\n\nSee you"
            let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links())
            _ = try await services.commerce.upsertProducts([
                ProductInput(
                    source: "shop", externalID: "ext-mug", title: "Blue Mug", categories: ["Mugs"], imageURL: "https://cdn.test/mug.jpg",
                    variants: [ProductVariantInput(sku: "MUG", price: 1_200, currency: "EUR")]),
                ProductInput(
                    source: "shop", externalID: "ext-evil", title: "<script>alert(1)</script>", categories: ["Mugs"],
                    variants: [ProductVariantInput(sku: "EVIL", price: 500, currency: "EUR")]),
            ], as: actor)
            let reader = try await CampaignAudienceTests.customer(services, "reader@example.com", consent: "granted", actor: actor)
            let campaign = try await Self.campaign(
                services, inbox: inbox, segment: try await Self.list(services, [reader], actor: actor), body: body, actor: actor)
            try await Self.sendAll(campaign, services: services, sender: sender, actor: actor)
            let email = try #require(transport.emails.first)
            #expect(email.html.contains("href=\"https://r.test/c/") && email.html.contains("?u=https://shop.test/p/ext-mug\""), "\(email.html)")
            #expect(email.html.contains("<img src=\"https://cdn.test/mug.jpg\"") && email.html.contains("12.00 EUR"))
            #expect(email.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !email.html.contains("<script>"), "\(email.html)")
            #expect(email.text.contains("Blue Mug — 12.00 EUR — https://shop.test/p/ext-mug"), "\(email.text)")
            #expect(email.text.contains("<script>alert(1)</script> — 5.00 EUR — https://shop.test/p/ext-evil"), "\(email.text)")
            #expect(!email.text.contains("Nothing yet"))

            // Another workspace, without a catalog: no cards, the fallback in their place.
            let (empty, emptyActor, emptyInbox, emptyTransport) = try await CampaignAudienceTests.world(store)
            let emptySender = CampaignDispatcher(
                campaigns: empty.campaigns, transport: emptyTransport, signer: store.linkSigner, links: CampaignAudienceTests.Links())
            let other = try await CampaignAudienceTests.customer(empty, "other@example.com", consent: "granted", actor: emptyActor)
            let bare = try await Self.campaign(
                empty, inbox: emptyInbox, segment: try await Self.list(empty, [other], actor: emptyActor), body: body, actor: emptyActor)
            try await Self.sendAll(bare, services: empty, sender: emptySender, actor: emptyActor)
            let plain = try #require(emptyTransport.emails.first)
            #expect(!plain.html.contains("max-width:176px") && !plain.html.contains("shop.test/p/"), "\(plain.html)")
            #expect(plain.html.contains("<p>Nothing yet</p>") && plain.text.contains("Picked for you\n\nNothing yet\n\nSee you"), "\(plain.text)")
        }
    }
}
