import Foundation

/// Click tracking for SMS campaigns. An SMS has no room for the e-mail's click redirect, which
/// carries its target, so each link written in the campaign's texts becomes a short one that
/// names the send, the link's place in the campaign's list of links and the first 16
/// characters of its signature (96 bits) of the send, the place and the target:
/// `{base}/s/{send}/{n}/{signature}`. The list is read off the definition (every locale's and
/// every variant's text, each link where it first appears), so the redirect finds its target
/// without anything stored per message, and it leads only where the campaign's own text does
/// and the signature says: never an open redirect, and a 404 rather than another link should
/// the list ever be read differently. A link with a variable in it (`{{…}}`) differs per
/// customer and stays as written, untracked; so do all of a text's links when the short ones
/// would take it past `CampaignDefinitionParser.maximumSMSSegments` parts.
public enum CampaignTextLinks {
    /// How much of the signature a short link carries.
    public static let signatureLength = 16
    /// At most this many links of a campaign are tracked.
    public static let maximumLinks = 50

    /// The campaign's trackable links, in order: its SMS texts' web addresses without variables.
    public static func targets(of definition: CampaignDefinition) -> [String] {
        var texts = definition.content.sorted { $0.key < $1.key }.compactMap(\.value.text)
        for variant in definition.experiment?.variants ?? [] {
            texts += variant.content.sorted { $0.key < $1.key }.compactMap(\.value.text)
        }
        var targets: [String] = []
        for text in texts {
            for range in links(in: text) {
                let link = String(text[range])
                if !link.contains("{{"), CampaignTracking.isWebAddress(link), !targets.contains(link), targets.count < maximumLinks {
                    targets.append(link)
                }
            }
        }
        return targets
    }

    /// The text with each of `targets` it holds replaced by `link(n)`, `n` its place in the
    /// list; the text as it was when that would make it longer than an SMS campaign may be.
    public static func trackedWithinLimit(_ text: String, targets: [String], link: (Int) -> String) -> String {
        let tracked = tracked(text, targets: targets, link: link)
        return SMSSegments.count(tracked).segments > CampaignDefinitionParser.maximumSMSSegments ? text : tracked
    }

    /// The text with each of `targets` it holds replaced by `link(n)`, `n` its place in the list.
    public static func tracked(_ text: String, targets: [String], link: (Int) -> String) -> String {
        guard !targets.isEmpty else { return text }
        var result = ""
        var rest = text.startIndex
        for range in links(in: text) {
            guard let index = targets.firstIndex(of: String(text[range])) else { continue }
            result += text[rest..<range.lowerBound]
            result += link(index)
            rest = range.upperBound
        }
        return result + text[rest...]
    }

    /// Where web addresses stand in a text: `http://` or `https://` up to white space, without
    /// the punctuation that ends a sentence or closes a bracket after it.
    static func links(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchFrom = text.startIndex
        while let start = text.range(of: "http", options: .caseInsensitive, range: searchFrom..<text.endIndex) {
            var end = text[start.lowerBound...].firstIndex { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" } ?? text.endIndex
            // A closing bracket ends the link only when the link did not open it (Foo_(bar)).
            while end > start.lowerBound, let last = text[start.lowerBound..<end].last, ".,;:!?)]}'".contains(last) {
                let opening: Character? = last == ")" ? "(" : last == "]" ? "[" : last == "}" ? "{" : nil
                if let opening {
                    let link = text[start.lowerBound..<end]
                    if link.filter({ $0 == opening }).count >= link.filter({ $0 == last }).count { break }
                }
                end = text.index(before: end)
            }
            let candidate = text[start.lowerBound..<end]
            if candidate.lowercased().hasPrefix("http://") || candidate.lowercased().hasPrefix("https://") {
                ranges.append(start.lowerBound..<end)
                searchFrom = end
            } else {
                searchFrom = start.upperBound
            }
            if searchFrom >= text.endIndex { break }
        }
        return ranges
    }

    /// The signature a short link carries for the send's link `index` to `target`.
    public static func signature(sendID: String, index: Int, target: String, signer: any LinkSigner) -> String {
        String(signer.signature(of: payload(sendID: sendID, index: index, target: target)).prefix(signatureLength))
    }

    /// Whether a short link's signature is this installation's for the send, the place and the target.
    public static func isValid(sendID: String, index: Int, target: String, signature: String, signer: any LinkSigner) -> Bool {
        signature.utf8.count == signatureLength && signer.isValid(prefix: signature, of: payload(sendID: sendID, index: index, target: target))
    }

    private static func payload(sendID: String, index: Int, target: String) -> String {
        "sms-click." + sendID + "." + String(index) + "." + target
    }
}
