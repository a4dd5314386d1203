import Foundation

/// Which content a recipient gets and what their variables are; the rendering itself is
/// `CampaignEmailTemplate`'s: the subject and preheader as text, the Markdown body as HTML
/// inside `CampaignEmailLayout`, and a plain-text part.
public enum CampaignEmailRenderer {
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
    /// `customer.email` on e-mail, `customer.phone` on SMS and WhatsApp: the address it goes to.
    public static func values(for claim: CampaignSendClaim, channel: CampaignChannel = .email) -> [String: String] {
        var values = [channel == .email ? "customer.email" : "customer.phone": claim.address, "customer.id": claim.customerID]
        if let first = claim.firstName { values["customer.first_name"] = first }
        if let last = claim.lastName { values["customer.last_name"] = last }
        let name = [claim.firstName, claim.lastName].compactMap { $0 }.joined(separator: " ")
        if !name.isEmpty { values["customer.name"] = name }
        return values
    }

    /// One recipient's e-mail from the content (prepares a `CampaignEmailTemplate` for it; the
    /// sender prepares one per locale and batch instead).
    public static func render(
        _ content: CampaignContent, locale: String, values: [String: String], sender: String, unsubscribeURL: String, preferencesURL: String
    ) -> (subject: String, preheader: String?, html: String, text: String) {
        CampaignEmailTemplate(content, locale: locale, sender: sender).render(values: values, unsubscribeURL: unsubscribeURL, preferencesURL: preferencesURL)
    }
}
