import Foundation

/// Renders one recipient's campaign e-mail from the content of their locale: the subject and
/// preheader as text, the Markdown body as HTML inside `CampaignEmailLayout`, and a plain-text
/// part. Variables (`{{customer.first_name | default: "there"}}`) are filled in after the
/// Markdown is read, each value escaped as text, so nothing in a customer's name becomes a link
/// or markup.
public enum CampaignEmailRenderer {
    /// Marks where a variable stood while the Markdown is rendered (private-use characters,
    /// which Markdown and HTML escaping leave alone).
    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"

    /// The content for a locale: exactly it (`pt-BR`), else its language (`pt`), else the default.
    public static func content(for locale: String?, in definition: CampaignDefinition) -> (locale: String, content: CampaignContent) {
        if let locale = locale?.replacingOccurrences(of: "_", with: "-"), !locale.isEmpty {
            let language = String(locale.prefix { $0 != "-" }).lowercased()
            for candidate in [locale, language] {
                if let match = definition.content.first(where: { $0.key.caseInsensitiveCompare(candidate) == .orderedSame }) {
                    return (match.key, match.value)
                }
            }
        }
        return (definition.defaultLocale, definition.content[definition.defaultLocale] ?? CampaignContent())
    }

    /// The variables a campaign offers about its recipient.
    public static func values(for claim: CampaignSendClaim) -> [String: String] {
        var values = ["customer.email": claim.address, "customer.id": claim.customerID]
        if let first = claim.firstName { values["customer.first_name"] = first }
        if let last = claim.lastName { values["customer.last_name"] = last }
        let name = [claim.firstName, claim.lastName].compactMap { $0 }.joined(separator: " ")
        if !name.isEmpty { values["customer.name"] = name }
        return values
    }

    public static func render(
        _ content: CampaignContent, locale: String, values: [String: String], sender: String, unsubscribeURL: String, preferencesURL: String
    ) -> (subject: String, preheader: String?, html: String, text: String) {
        let subject = singleLine(MessageTemplate.render(content.subject ?? "", values: values))
        let preheader = content.preheader.map { singleLine(MessageTemplate.render($0, values: values)) }
        let markdown = content.body ?? content.text ?? ""
        let body = html(markdown, values: values)
        let words = CampaignFooterWords(locale: locale)
        let html = CampaignEmailLayout.page(
            lang: words.lang, title: subject, preheader: preheader, body: body, sender: sender, unsubscribeURL: unsubscribeURL,
            preferencesURL: preferencesURL, words: words)
        let text = MessageTemplate.render(content.text ?? markdown, values: values)
            + "\n\n--\n\(sender)\n\(words.preferences): \(preferencesURL)\n\(words.unsubscribe): \(unsubscribeURL)\n"
        return (subject, preheader, html, text)
    }

    /// Markdown to HTML with the variables kept out of the Markdown and filled in escaped: as
    /// text, or percent-encoded inside a link's target (`[Shop](https://shop.test/?ref={{customer.id}})`),
    /// so a value can neither add markup nor parameters to a link.
    static func html(_ markdown: String, values: [String: String]) -> String {
        var placeholders: [(text: String, inLink: Bool)] = []
        var guarded = ""
        var rest = Substring(markdown)
        while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
            guarded += rest[..<start.lowerBound]
            let opened = guarded.range(of: "](", options: .backwards)?.lowerBound
            let closed = guarded.range(of: ")", options: .backwards)?.lowerBound
            let inLink = opened.map { opened in closed.map { $0 < opened } ?? true } ?? false
            guarded += "\(open)\(placeholders.count)\(close)"
            placeholders.append((String(rest[start.lowerBound..<end.upperBound]), inLink))
            rest = rest[end.upperBound...]
        }
        guarded += rest
        var html = MarkdownHTML.render(guarded)
        for (index, placeholder) in placeholders.enumerated().reversed() {
            let value = MessageTemplate.render(placeholder.text, values: values)
            let encoded = placeholder.inLink ? value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" : value
            html = html.replacingOccurrences(of: "\(open)\(index)\(close)", with: MarkupText.escape(encoded))
        }
        return html
    }

    /// RFC 3986's unreserved characters: all a value may keep unencoded inside a URL.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Line breaks and other controls out of a header's text.
    private static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
            .trimmingCharacters(in: .whitespaces)
    }
}
