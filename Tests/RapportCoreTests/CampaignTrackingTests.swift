import Foundation
import RapportCore
import Testing

/// A campaign e-mail's links through the signed click redirect, and its open pixel, without a
/// database.
@Suite("Campaign tracking links")
struct CampaignTrackingLinkTests {
    /// Signs with a fixed prefix: enough to see what was signed.
    struct Signer: LinkSigner {
        func signature(of text: String) -> String { "sig(\(text.utf8.count))" + String(text.hashValue, radix: 36) }
        func isValid(_ signature: String, of text: String) -> Bool { signature == self.signature(of: text) }
        func isValid(prefix: String, of text: String) -> Bool { self.signature(of: text).hasPrefix(prefix) }
    }

    struct Links: CampaignLinks {
        func unsubscribeURL(token: String, sendID: String) -> String { "https://r.test/u" }
        func preferencesURL(token: String) -> String { "https://r.test/p" }
        func clickURL(sendID: String, signature: String, target: String) -> String { "https://r.test/c/\(sendID)/\(signature)?u=\(target)" }
        func openURL(sendID: String, signature: String) -> String { "https://r.test/o/\(sendID)/\(signature)" }
        func textClickURL(sendID: String, index: Int, signature: String) -> String { "https://r.test/s/\(sendID)/\(index)/\(signature)" }
        func reviewURL(_ link: ReviewRequestLink, signature: String) -> String { "https://r.test/review/\(link.orderID)/\(signature)" }
        var problem: String? { nil }
    }

    static func tracking(clicks: Bool = true, opens: Bool = true) -> CampaignTracking {
        CampaignTracking(sendID: "snd_1", clicks: clicks, opens: opens, signer: Signer(), links: Links())
    }

    static func render(_ body: String, tracking: CampaignTracking?) -> String {
        CampaignEmailTemplate(CampaignContent(subject: "Hi", body: body), locale: "en", sender: "Shop")
            .render(values: ["customer.id": "cus_7&x"], unsubscribeURL: "https://r.test/u", preferencesURL: "https://r.test/p", tracking: tracking).html
    }

    @Test("web links go through the redirect with the recipient's own target; mailto links and the footer stay; the pixel ends the page")
    func rewritesLinks() {
        let html = Self.render("[Shop](https://shop.test/a?b=1&c={{customer.id}}) or [mail](mailto:x@shop.test)", tracking: Self.tracking())
        #expect(html.contains("href=\"https://r.test/c/snd_1/"), "\(html)")
        #expect(html.contains("?u=https://shop.test/a?b=1&amp;c=cus_7%26x\""), "the target as the recipient's, escaped once: \(html)")
        #expect(html.contains("href=\"mailto:x@shop.test\""))
        #expect(html.contains("href=\"https://r.test/u\""), "the unsubscribe link is never redirected")
        #expect(html.contains("<img src=\"https://r.test/o/snd_1/"))
    }

    @Test("switched off, links are as written and there is no pixel")
    func switchedOff() {
        for tracking in [nil, Self.tracking(clicks: false, opens: false)] {
            let html = Self.render("[Shop](https://shop.test/a?b=1)", tracking: tracking)
            #expect(html.contains("href=\"https://shop.test/a?b=1\"") && !html.contains("r.test/c/") && !html.contains("<img"), "\(html)")
        }
    }

    @Test("only the signed send and target pass; other schemes are never redirect targets")
    func signatures() {
        let signer = Signer()
        let link = Self.tracking().link("https://shop.test/")
        let signature = String(link.split(separator: "/")[4].split(separator: "?")[0])
        #expect(CampaignTracking.isValidClick(sendID: "snd_1", target: "https://shop.test/", signature: signature, signer: signer))
        #expect(!CampaignTracking.isValidClick(sendID: "snd_1", target: "https://evil.test/", signature: signature, signer: signer))
        #expect(!CampaignTracking.isValidClick(sendID: "snd_2", target: "https://shop.test/", signature: signature, signer: signer))
        #expect(Self.tracking().link("javascript:alert(1)") == "javascript:alert(1)")
        #expect(!CampaignTracking.isWebAddress("//evil.test/") && !CampaignTracking.isWebAddress("https:///x"))
    }

    @Test("an address variable standing alone ({{review_link}}, {{order.tracking_url}}) is a link to its value, through the redirect; a fallback that is no address stays text; one inside a link's text is not linked again")
    func addressVariables() {
        let template = CampaignEmailTemplate(
            CampaignContent(subject: "Hi", body: "Review: {{review_link | default: \"soon\"}}\n\nTrack: {{order.tracking_url}}\n\n[See {{review_link}}](https://shop.test/)"),
            locale: "en", sender: "Shop")
        let values = ["review_link": "https://r.test/review/w/o/1/s\"x", "order.tracking_url": "javascript:alert(1)"]
        let html = template.render(values: values, unsubscribeURL: "https://r.test/u", preferencesURL: "https://r.test/p", tracking: Self.tracking()).html
        #expect(html.contains("Review: <a href=\"https://r.test/c/snd_1/"), "\(html)")
        #expect(html.contains("?u=https://r.test/review/w/o/1/s&quot;x\">https://r.test/review/w/o/1/s&quot;x</a>"), "\(html)")
        #expect(html.contains("Track: javascript:alert(1)"), "not an address: text")
        let linkText = html.components(separatedBy: "See ").last ?? ""
        #expect(linkText.hasPrefix("https://r.test/review/w/o/1/s&quot;x</a>"), "no link inside a link: \(linkText.prefix(80))")
        let fallback = template.render(values: [:], unsubscribeURL: "https://r.test/u", preferencesURL: "https://r.test/p").html
        #expect(fallback.contains("Review: soon"))
        // The link check lists what the HTML links: the Markdown link, and the address variable that is an address.
        let listed = template.bodyLinks(values: values)
        #expect(listed.map(\.target) == ["https://shop.test/", "https://r.test/review/w/o/1/s\"x"])
        #expect(listed.last?.written == "{{review_link | default: \"soon\"}}" && listed.last?.personalised == true)
        #expect(template.bodyLinks(values: [:]).map(\.target) == ["https://shop.test/"])
    }
}
