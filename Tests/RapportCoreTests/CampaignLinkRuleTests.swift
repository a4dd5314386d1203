import Foundation
import RapportCore
import Testing

/// The link checker's rule without a network: the links of every version and variant with
/// their places, what is wrong with each as written, and the fetching through a stand-in probe.
@Suite("Campaign link rule")
struct CampaignLinkRuleTests {
    /// An e-mail in English and Indonesian with an A/B variant B that rewrites the English body
    /// (and only the Indonesian subject): a good link, an `http:` one, one to an IP address, one
    /// whose text names another site, a personalised one and a `mailto:`; a plain-text part with
    /// the good link again and a `javascript:` address.
    static let email = CampaignDefinition(
        audience: CampaignAudience(segmentIDs: ["seg_1"]),
        content: [
            "en": CampaignContent(
                subject: "Sale", body: """
                    Hello {{customer.first_name | default: "there"}}. [Shop **now**](https://shop.test/sale) or [the old page](http://shop.test/old).
                    [Staging](https://192.168.1.20/preview) · [https://shop.test/offer](https://evil.test/offer)
                    [Your page](https://shop.test/u/{{customer.id}}?n={{customer.first_name | default: "guest"}}) · [Mail us](mailto:help@shop.test)
                    """,
                text: "Shop now: https://shop.test/sale. Or (javascript:alert(1))"),
            "id": CampaignContent(subject: "Diskon", body: "Halo! [Belanja](https://shop.test/sale) di [shop.test](https://www.shop.test/id)"),
        ],
        defaultLocale: "en",
        experiment: CampaignExperiment(
            variants: [
                CampaignVariant(name: "B", content: [
                    "en": CampaignContent(body: "Hi! [Shop the sale](https://shop.test/sale?v=b)"), "id": CampaignContent(subject: "Diskon besar"),
                ])
            ],
            testShare: 0.2, metric: .clickRate, waitHours: 4, confidence: 0.95))

    static let values = ["customer.id": "cus_1", "customer.first_name": "Ana Lima"]

    static func link(_ url: String, in links: [CampaignContentLink]) throws -> CampaignContentLink {
        try #require(links.first { $0.url == url }, "\(url) among \(links.map(\.url))")
    }

    @Test("every locale's and variant's links, each once with every place, body links with their text, variables filled in and encoded")
    func listsEveryVersion() throws {
        let links = CampaignLinkRule.links(of: Self.email, channel: .email, values: Self.values)
        #expect(links.map(\.url) == [
            "https://shop.test/sale", "http://shop.test/old", "https://192.168.1.20/preview", "https://evil.test/offer",
            "https://shop.test/u/cus_1?n=Ana%20Lima", "mailto:help@shop.test", "javascript:alert(1)", "https://shop.test/sale?v=b",
            "https://www.shop.test/id",
        ])
        let sale = try Self.link("https://shop.test/sale", in: links)
        #expect(sale.places == [
            CampaignLinkPlace(locale: "en", variant: nil, part: .body, text: "Shop now"),
            CampaignLinkPlace(locale: "en", variant: nil, part: .text),
            CampaignLinkPlace(locale: "id", variant: nil, part: .body, text: "Belanja"),
        ], "the same address in the body, the plain text and another locale is one link; the text is shown without its bold")
        #expect(sale.findings.isEmpty && !sale.personalised && sale.isFetchable && sale.status == .unchecked)
        let variant = try Self.link("https://shop.test/sale?v=b", in: links)
        #expect(variant.places == [CampaignLinkPlace(locale: "en", variant: "B", part: .body, text: "Shop the sale")])
        #expect(!links.contains { $0.places.contains { $0.locale == "id" && $0.variant == "B" } }, "B keeps the Indonesian body: no place of its own")
        let personal = try Self.link("https://shop.test/u/cus_1?n=Ana%20Lima", in: links)
        #expect(personal.personalised && personal.findings.isEmpty)
        #expect(personal.written == "https://shop.test/u/{{customer.id}}?n={{customer.first_name | default: \"guest\"}}")
        let sample = CampaignLinkRule.links(of: Self.email, channel: .email, values: ["customer.id": "cus_2"])
        #expect(sample.contains { $0.url == "https://shop.test/u/cus_2?n=guest" }, "without a first name, the fallback fills the link")
    }

    @Test("as written: http is a warning, an IP address a warning, a text naming another site a warning, javascript: broken, mailto: not fetched")
    func staticFindings() throws {
        let links = CampaignLinkRule.links(of: Self.email, channel: .email, values: Self.values)
        let old = try Self.link("http://shop.test/old", in: links)
        #expect(old.findings.map(\.kind) == [.insecure] && old.status == .warning && old.isFetchable)
        let staging = try Self.link("https://192.168.1.20/preview", in: links)
        #expect(staging.findings.map(\.kind) == [.internalHost] && staging.findings.first?.message.contains("192.168.1.20") == true)
        let phishy = try Self.link("https://evil.test/offer", in: links)
        #expect(phishy.findings.map(\.kind) == [.textMismatch] && phishy.findings.first?.severity == .warning)
        #expect(phishy.findings.first?.message.contains("shop.test") == true && phishy.findings.first?.message.contains("evil.test") == true)
        let www = try Self.link("https://www.shop.test/id", in: links)
        #expect(www.findings.isEmpty, "a text naming the same site but for www. is no mismatch")
        let script = try Self.link("javascript:alert(1)", in: links)
        #expect(script.findings.map(\.kind) == [.notWeb] && script.findings.first?.severity == .error)
        #expect(script.status == .broken && !script.isFetchable && script.places == [CampaignLinkPlace(locale: "en", variant: nil, part: .text)])
        let mail = try Self.link("mailto:help@shop.test", in: links)
        #expect(mail.findings.isEmpty && !mail.isFetchable && mail.note != nil && mail.status == .unchecked)
    }

    @Test("addresses as written: a path, no scheme, no site, a space, ftp:, localhost")
    func findingsOfAddresses() {
        #expect(CampaignLinkRule.findings(of: "/sale").map(\.kind) == [.malformed])
        #expect(CampaignLinkRule.findings(of: "shop.test/sale").map(\.kind) == [.malformed])
        #expect(CampaignLinkRule.findings(of: "https://").map(\.kind) == [.malformed])
        #expect(CampaignLinkRule.findings(of: "https://shop..test/").map(\.kind) == [.malformed])
        #expect(CampaignLinkRule.findings(of: "https://shop.test/?n=Ana Lima").map(\.kind) == [.malformed])
        #expect(CampaignLinkRule.findings(of: "ftp://files.shop.test/list").map(\.kind) == [.notWeb])
        #expect(CampaignLinkRule.findings(of: "http://localhost:8080/x").map(\.kind) == [.insecure, .internalHost])
        #expect(CampaignLinkRule.findings(of: "https://[::1]/x").map(\.kind) == [.internalHost])
        #expect(CampaignLinkRule.findings(of: "https://user@shop.test:8443/x?a=1#top").isEmpty)
        #expect(CampaignLinkRule.findings(of: "tel:+4930123456").isEmpty)
    }

    @Test("an SMS's and a WhatsApp template's addresses: words with a scheme, punctuation around them left out, placeholders with spaces kept whole")
    func textChannels() throws {
        let sms = CampaignDefinition(
            audience: CampaignAudience(segmentIDs: ["seg_1"]),
            content: ["en": CampaignContent(text: "Sale (https://shop.test/sale). List: ftp://files.shop.test/list Track: https://shop.test/t/{{ customer.id }}, bye 12:30")],
            defaultLocale: "en")
        let texts = CampaignLinkRule.links(of: sms, channel: .sms, values: ["customer.id": "cus_9"])
        #expect(texts.map(\.url) == ["https://shop.test/sale", "ftp://files.shop.test/list", "https://shop.test/t/cus_9"])
        #expect(texts.allSatisfy { $0.places == [CampaignLinkPlace(locale: "en", variant: nil, part: .sms)] })
        #expect(try Self.link("ftp://files.shop.test/list", in: texts).status == .broken)
        let tracked = try Self.link("https://shop.test/t/cus_9", in: texts)
        #expect(tracked.personalised && tracked.written == "https://shop.test/t/{{ customer.id }}")

        let whatsApp = CampaignDefinition(
            audience: CampaignAudience(segmentIDs: ["seg_1"]),
            content: ["en": CampaignContent(template: TemplateMessage(
                name: "order_update", language: "en_US", parameters: ["Ana", "https://shop.test/o/{{order.number}}", "see javascript:void(0)"]))],
            defaultLocale: "en")
        let parameters = CampaignLinkRule.links(of: whatsApp, channel: .whatsapp, values: ["order.number": "1001"])
        #expect(parameters.map(\.url) == ["https://shop.test/o/1001", "javascript:void(0)"])
        #expect(parameters.map { $0.places.first?.parameter } == [2, 3] && parameters.allSatisfy { $0.places.first?.part == .templateParameter })
        #expect(parameters.map(\.personalised) == [true, false])
    }

    @Test("fetching: only what can be fetched, each address once, at most 8 at a time and 50 a check; what it found decides the status")
    func probing() async throws {
        let probe = CountingProbe()
        let links = await CampaignLinkRule.probed(CampaignLinkRule.links(of: Self.email, channel: .email, values: Self.values), by: probe)
        #expect(await probe.asked.sorted() == links.filter(\.isFetchable).map(\.url).sorted())
        #expect(await probe.asked.count == 7, "neither mailto: nor javascript: is fetched")
        #expect(try Self.link("https://shop.test/sale", in: links).status == .ok)
        #expect(try Self.link("http://shop.test/old", in: links).status == .warning, "a warning stays when the page answers")
        #expect(try Self.link("https://evil.test/offer", in: links).status == .broken, "the stand-in answers 404 for it")
        #expect(try Self.link("javascript:alert(1)", in: links).probe == nil)

        let many = CampaignDefinition(
            audience: CampaignAudience(segmentIDs: ["seg_1"]),
            content: ["en": CampaignContent(text: (1...60).map { "https://shop.test/p/\($0)" }.joined(separator: " "))], defaultLocale: "en")
        let counting = CountingProbe()
        let checked = await CampaignLinkRule.probed(CampaignLinkRule.links(of: many, channel: .sms, values: [:]), by: counting)
        #expect(await counting.asked.count == CampaignLinkRule.maximumProbes)
        #expect(await counting.mostAtOnce <= CampaignLinkRule.concurrentProbes)
        #expect(checked.prefix(50).allSatisfy { $0.status == .ok } && checked.suffix(10).allSatisfy { $0.status == .unchecked && $0.note != nil })
    }
}

/// A probe that answers 404 for `evil.test` and 200 for everything else, and counts what it
/// was asked and how many it held at once.
actor CountingProbe: LinkProbe {
    private(set) var asked: [String] = []
    private(set) var mostAtOnce = 0
    private var atOnce = 0

    nonisolated func probe(_ url: String) async -> LinkProbeResult {
        await begin(url)
        try? await Task.sleep(for: .milliseconds(2))
        await end()
        return .answered(status: url.contains("evil.test") ? 404 : 200, finalURL: nil, redirects: 0)
    }

    private func begin(_ url: String) {
        asked.append(url)
        atOnce += 1
        mostAtOnce = max(mostAtOnce, atOnce)
    }

    private func end() {
        atOnce -= 1
    }
}
