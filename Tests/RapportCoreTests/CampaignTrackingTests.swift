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
}
