import Foundation
import RapportCore
import Testing

@Suite("Campaign e-mail rendering, without a database")
struct CampaignEmailRendererTests {
    static let definition = CampaignDefinition(
        audience: CampaignAudience(segmentIDs: ["seg_1"]),
        content: [
            "en": CampaignContent(subject: "Hi {{customer.first_name | default: \"there\"}}", preheader: "New in", body: "Hello **{{customer.first_name}}**"),
            "id": CampaignContent(subject: "Halo {{customer.first_name}}", body: "Halo {{customer.first_name}}"),
            "pt-BR": CampaignContent(subject: "Olá", body: "Olá"),
        ],
        defaultLocale: "en")

    static func claim(first: String?, locale: String? = nil) -> CampaignSendClaim {
        CampaignSendClaim(sendID: "snd_1", customerID: "cus_1", address: "a@example.com", variant: nil, firstName: first, lastName: nil, locale: locale)
    }

    @Test("the customer's locale picks the version: exactly, else its language, else the default")
    func locales() {
        #expect(CampaignEmailRenderer.content(for: "id-ID", in: Self.definition).locale == "id")
        #expect(CampaignEmailRenderer.content(for: "pt_BR", in: Self.definition).locale == "pt-BR")
        #expect(CampaignEmailRenderer.content(for: "de", in: Self.definition).locale == "en")
        #expect(CampaignEmailRenderer.content(for: nil, in: Self.definition).locale == "en")
    }

    @Test("a customer's name is text: no markup, no link, no header line of its own; Markdown of the campaign still renders")
    func escaping() throws {
        let content = try #require(Self.definition.content["en"])
        let hostile = "<img src=x onerror=alert(1)> [win](https://evil.example)\r\nBcc: all@example.com"
        let rendered = CampaignEmailRenderer.render(
            content, locale: "en", values: CampaignEmailRenderer.values(for: Self.claim(first: hostile)), sender: "Shop",
            unsubscribeURL: "https://r.test/unsubscribe/t", preferencesURL: "https://r.test/preferences/p")
        #expect(!rendered.html.contains("<img") && rendered.html.contains("&lt;img"))
        #expect(!rendered.html.contains("href=\"https://evil.example\""))
        #expect(rendered.html.contains("<strong>&lt;img"), "the campaign's own bold still applies around the value")
        #expect(!rendered.subject.contains("\r") && !rendered.subject.contains("\n"))
        #expect(rendered.html.contains("href=\"https://r.test/unsubscribe/t\"") && rendered.text.contains("Unsubscribe: https://r.test/unsubscribe/t"))
        #expect(rendered.html.contains("New in"), "the preheader sits hidden in the body")
    }

    @Test("fallbacks fill a missing name in subject and body; Indonesian gets its footer")
    func fallbacksAndFooter() throws {
        let rendered = CampaignEmailRenderer.render(
            try #require(Self.definition.content["en"]), locale: "en", values: CampaignEmailRenderer.values(for: Self.claim(first: nil)),
            sender: "Shop", unsubscribeURL: "u", preferencesURL: "p")
        #expect(rendered.subject == "Hi there")
        let indonesian = CampaignEmailRenderer.render(
            try #require(Self.definition.content["id"]), locale: "id", values: CampaignEmailRenderer.values(for: Self.claim(first: "Budi")),
            sender: "Toko", unsubscribeURL: "u", preferencesURL: "p")
        #expect(indonesian.html.contains("lang=\"id\"") && indonesian.html.contains("Berhenti berlangganan") && indonesian.subject == "Halo Budi")
    }

    @Test("a value inside a link's target is percent-encoded: it cannot add parameters or leave the URL")
    func valuesInLinks() {
        let html = CampaignEmailRenderer.render(
            CampaignContent(subject: "Hi", body: "[Shop](https://shop.test/?ref={{customer.first_name}}) for {{customer.first_name}}"), locale: "en",
            values: ["customer.first_name": "a&admin=1#x \"y"], sender: "Shop", unsubscribeURL: "u", preferencesURL: "p").html
        #expect(html.contains("href=\"https://shop.test/?ref=a%26admin%3D1%23x%20%22y\""), "\(html)")
        #expect(html.contains("for a&amp;admin=1#x &quot;y"), "outside the link it is text: \(html)")
    }
}
