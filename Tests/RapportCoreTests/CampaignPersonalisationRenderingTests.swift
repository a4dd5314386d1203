import Foundation
import RapportCore
import Testing

/// Campaign variables beyond the profile and the `{{recommendations}}` block, without a
/// database: how they read, render and escape, and what a campaign's content asks the sender
/// to read.
@Suite("Campaign personalisation, without a database")
struct CampaignPersonalisationRenderingTests {
    static let mug = CampaignProduct(
        productID: "prd_1", externalID: "mug 1", sku: "MUG", title: "Blue Mug", imageURL: "https://cdn.test/mug.jpg", price: 1_200, currency: "EUR")
    static let hostile = CampaignProduct(
        productID: "prd_2", externalID: "t2", sku: nil, title: "<script>alert(1)</script>", imageURL: "javascript:alert(1)", price: nil, currency: nil)
    static let towel = CampaignProduct(
        productID: "prd_3", externalID: "towel", sku: "TWL", title: "Tea Towel", imageURL: nil, price: 600, currency: "EUR")
    static let spoon = CampaignProduct(
        productID: "prd_4", externalID: "spoon", sku: nil, title: "Spoon", imageURL: nil, price: 300, currency: "EUR")

    static func render(_ body: String, products: [CampaignProduct], tracking: CampaignTracking? = CampaignTrackingLinkTests.tracking())
        -> (subject: String, preheader: String?, html: String, text: String)
    {
        CampaignEmailTemplate(CampaignContent(subject: "Hi", body: body), locale: "en", sender: "Shop")
            .render(values: [:], unsubscribeURL: "https://r.test/u", preferencesURL: "https://r.test/p", tracking: tracking, products: products)
    }

    static func line(_ title: String, _ quantity: Int) -> OrderLine {
        OrderLine(id: "lin_\(title.prefix(4))", productID: nil, variantID: nil, sku: nil, title: title, quantity: quantity, unitPrice: 100, discount: 0)
    }

    @Test("recommendations are cards between paragraphs: tracked links from the link pattern, images only from web addresses, titles escaped, at most three; one text line each")
    func cards() {
        let body = "Picked for you:\n{{recommendations | link: \"https://shop.test/p/{external_id}?s={sku}\"}}\nSee you"
        let rendered = Self.render(body, products: [Self.mug, Self.hostile, Self.towel, Self.spoon])
        let html = rendered.html
        #expect(html.contains("<p>Picked for you:</p>") && html.contains("<p>See you</p>") && !html.contains("<p><table"), "\(html)")
        #expect(html.contains("href=\"https://r.test/c/snd_1/"), "card links go through the click redirect: \(html)")
        #expect(html.contains("?u=https://shop.test/p/mug%201?s=MUG\""), "the pattern filled in, percent-encoded: \(html)")
        #expect(html.contains("<img src=\"https://cdn.test/mug.jpg\"") && html.contains("12.00 EUR") && html.contains("Tea Towel"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"), "\(html)")
        #expect(!html.contains("javascript:"), "no image from anything but http(s)")
        #expect(!html.contains("Spoon"), "three products at most")
        let text = rendered.text
        #expect(text.contains("Picked for you:\n"))
        #expect(text.contains("Blue Mug — 12.00 EUR — https://shop.test/p/mug%201?s=MUG\n<script>alert(1)</script> — https://shop.test/p/t2?s=\nTea Towel — 6.00 EUR — https://shop.test/p/towel?s=TWL\n"), "\(text)")
        #expect(!text.contains("r.test/c/"), "plain-text links stay as written")
    }

    @Test("untracked, card links lead straight to the shop; without a link pattern a card has no link")
    func untrackedAndUnlinked() {
        let direct = Self.render("{{recommendations | link: 'https://shop.test/p/{id}'}}", products: [Self.mug], tracking: nil).html
        #expect(direct.contains("href=\"https://shop.test/p/prd_1\"") && !direct.contains("r.test/c/"), "\(direct)")
        let unlinked = Self.render("{{recommendations}}", products: [Self.mug])
        #expect(unlinked.html.contains("Blue Mug") && !unlinked.html.contains("href=\"https://r.test/c/"), "\(unlinked.html)")
        #expect(unlinked.text.hasPrefix("Blue Mug — 12.00 EUR\n"), "\(unlinked.text)")
        let scripted = CampaignProductBlock(link: "javascript:alert('{id}')")
        #expect(scripted.url(of: Self.mug) == nil)
    }

    @Test("without products the block is left out, or its fallback stands in, in both parts")
    func noProducts() {
        let left = Self.render("Hello\n\n{{recommendations}}\n\nBye", products: [])
        #expect(!left.html.contains("max-width:176px") && !left.text.contains("recommendations") && left.text.hasPrefix("Hello\n\n\n\nBye"), "\(left.text)")
        let fallback = Self.render("{{recommendations | default: \"See what's new\"}}", products: [])
        #expect(fallback.html.contains("<p>See what&#39;s new</p>") && fallback.text.hasPrefix("See what's new\n"), "\(fallback.text)")
    }

    @Test("a placeholder's options: quoted values keep their bars, a bare option is the fallback, other variables are no block")
    func placeholders() throws {
        let block = try #require(CampaignProductBlock(placeholder: "{{ recommendations | default: 'a | b' | LINK: \"https://x.test/{id}\" }}"))
        #expect(block.fallback == "a | b" && block.link == "https://x.test/{id}")
        #expect(CampaignProductBlock(placeholder: "{{recommendations | Nothing yet}}")?.fallback == "Nothing yet")
        #expect(CampaignProductBlock(placeholder: "{{customer.first_name}}") == nil)
        #expect(CampaignProductBlock(placeholder: "{{recommendations_extra}}") == nil)
    }

    @Test("the latest order's variables: items bounded, total with currency, date in the content's language, only web tracking addresses")
    func orderValues() {
        var order = CampaignOrder(
            customerID: "cus_1", number: "1042", status: .fulfilled, total: 5_250, currency: "EUR", placedAt: Date(timeIntervalSince1970: 1_773_489_600),
            lines: [Self.line("Blue Mug", 2), Self.line("Tea Towel", 1), Self.line(String(repeating: "x", count: 80), 1)], lineCount: 5,
            shipment: Fulfillment(
                id: "ful_1", orderID: "ord_1", carrier: "UPS", trackingNumber: "1Z999", trackingURL: "https://track.test/1Z999", externalID: nil,
                createdAt: Date(timeIntervalSince1970: 1_773_489_600)))
        let values = order.values(locale: "en")
        #expect(values["order.items"] == "2 × Blue Mug, Tea Towel, \(String(repeating: "x", count: 59))…, +2")
        #expect(values["order.number"] == "1042" && values["order.total"] == "52.50 EUR" && values["order.status"] == "fulfilled")
        #expect(values["order.date"] == "14 March 2026" && order.values(locale: "id")["order.date"] == "14 Maret 2026")
        #expect(values["order.tracking_number"] == "1Z999" && values["order.tracking_url"] == "https://track.test/1Z999" && values["order.carrier"] == "UPS")
        order.shipment?.trackingURL = "javascript:alert(1)"
        order.lines = [Self.line("Blue Mug", 1)]
        order.lineCount = 1
        #expect(order.values(locale: "en")["order.tracking_url"] == nil && order.items == "Blue Mug")
    }

    @Test("value bands: the top monetary quintile is high, the next two medium, the rest low")
    func valueBands() {
        #expect((1...5).map { CustomerValueBand(monetaryScore: $0) } == [.low, .low, .medium, .medium, .high])
        let insight = CampaignRecipientInsight(customerID: "cus_1", segment: .atRisk, monetaryScore: 5)
        #expect(insight.values == ["customer.rfm_segment": "at_risk", "customer.value_band": "high"])
    }

    @Test("the sender reads only what the content names: any locale, part or test variant counts")
    func needs() {
        func definition(_ content: CampaignContent, variant: CampaignContent? = nil) -> CampaignDefinition {
            CampaignDefinition(
                audience: CampaignAudience(segmentIDs: ["seg_1"]), content: ["en": CampaignContent(subject: "Hi", body: "Hi"), "id": content],
                defaultLocale: "en",
                experiment: variant.map { CampaignExperiment(variants: [CampaignVariant(name: "B", content: ["en": $0])], testShare: 0.2, metric: .clickRate, waitHours: 4, confidence: 0.95) })
        }
        #expect(CampaignPersonalisationNeeds(definition(CampaignContent(subject: "Hi {{customer.first_name | default: there}}", body: "{{customer.email}}"))).isEmpty)
        #expect(CampaignPersonalisationNeeds(definition(CampaignContent(subject: "Your order {{ order.number }}", body: "x"))) == CampaignPersonalisationNeeds(latestOrder: true))
        #expect(CampaignPersonalisationNeeds(definition(CampaignContent(body: "x", text: "{{customer.value_band}}"))) == CampaignPersonalisationNeeds(insights: true))
        #expect(CampaignPersonalisationNeeds(definition(CampaignContent(body: "x"), variant: CampaignContent(body: "{{recommendations | default: x}}")))
            == CampaignPersonalisationNeeds(recommendations: true))
    }

    @Test("a batch's personalisation: the profile's variables win a clash, the order is dated in each recipient's language, unknown products are left out")
    func assembly() {
        let definition = CampaignDefinition(
            audience: CampaignAudience(segmentIDs: ["seg_1"]), content: ["en": CampaignContent(subject: "Hi", body: "Hi"), "id": CampaignContent(subject: "Halo", body: "Halo")],
            defaultLocale: "en")
        let claims = ["cus_1", "cus_2"].map { CampaignSendClaim(sendID: "snd_\($0)", customerID: $0, address: "\($0)@example.com", variant: nil, firstName: nil, lastName: nil, locale: $0 == "cus_2" ? "id-ID" : nil) }
        let order = { (customerID: String) in
            CampaignOrder(customerID: customerID, number: "7", status: .paid, total: 100, currency: "EUR", placedAt: Date(timeIntervalSince1970: 1_773_489_600), lines: [], lineCount: 0, shipment: nil)
        }
        let personalisation = CampaignPersonalisation(
            claims: claims, definition: definition, orders: [order("cus_1"), order("cus_2")],
            insights: [CampaignRecipientInsight(customerID: "cus_2", segment: .champions, monetaryScore: 2)],
            recommendations: ["cus_1": [ProductRecommendation(productID: "prd_gone", score: 1, reason: .forYou), ProductRecommendation(productID: "prd_1", score: 0, reason: .popular)]],
            products: [Self.mug])
        #expect(personalisation.values(for: "cus_1", base: ["order.number": "profile"])["order.number"] == "profile")
        #expect(personalisation.values(for: "cus_1", base: [:])["order.date"] == "14 March 2026")
        let second = personalisation.values(for: "cus_2", base: [:])
        #expect(second["order.date"] == "14 Maret 2026" && second["customer.rfm_segment"] == "champions" && second["customer.value_band"] == "low")
        #expect(personalisation.products(for: "cus_1") == [Self.mug] && personalisation.products(for: "cus_2").isEmpty)
        #expect(personalisation.values(for: "cus_9", base: ["customer.id": "cus_9"]) == ["customer.id": "cus_9"])
        #expect(CampaignPersonalisation.none.isEmpty && !personalisation.isEmpty)
    }

    @Test("variable names as the template reads them")
    func variableNames() {
        #expect(MessageTemplate.variableNames(in: "Hi {{ customer.first_name | default: \"a}\" }} {{order.number}} {{unclosed") == ["customer.first_name", "order.number"])
    }
}
