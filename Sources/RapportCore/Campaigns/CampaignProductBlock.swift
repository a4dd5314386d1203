import Foundation

/// The `{{recommendations}}` block of a campaign e-mail: up to three products Rapport's
/// recommender picked for the recipient, as cards (image, title, price) side by side that
/// stack on a narrow screen, in table-based HTML as mail clients render it (no media query
/// needed: each card is an inline block at most 176 px wide); in the plain-text part, one line
/// per product with its title, price and address.
///
/// The placeholder takes two options, each quoted:
/// - `link: "https://shop.test/products/{external_id}"`: where a card leads, with
///   `{external_id}` (the product's id in its shop), `{sku}` (its first variant's) and `{id}`
///   (Rapport's) filled in, percent-encoded. A card's links go through the click redirect like
///   the body's. Without a pattern, or when the filled-in one is no http(s) address, a card
///   has no link (the catalog keeps no product page address);
/// - `default: "…"`: the text that stands in when the recipient has no products; without it
///   the block is left out.
///
/// Everything from the catalog is escaped, and an image shows only from an http(s) address.
public struct CampaignProductBlock: Sendable, Equatable {
    public static let variableName = "recommendations"
    public static let maximumProducts = 3
    /// How wide a card is at most, and its image.
    static let cardWidth = 176
    static let imageWidth = 160

    /// The card's link pattern.
    public var link: String?
    /// What stands in without products.
    public var fallback: String?

    public init(link: String? = nil, fallback: String? = nil) {
        self.link = link
        self.fallback = fallback
    }

    /// The block a placeholder asks for (`{{recommendations | link: "…" | default: "…"}}`,
    /// braces included); nil when it names another variable. An option without a name is the
    /// fallback, as `MessageTemplate` reads one.
    public init?(placeholder: String) {
        guard placeholder.hasPrefix("{{"), placeholder.hasSuffix("}}"), placeholder.count >= 4 else { return nil }
        let parts = Self.options(placeholder.dropFirst(2).dropLast(2))
        guard parts.first?.trimmingCharacters(in: .whitespaces) == Self.variableName else { return nil }
        self.init()
        for part in parts.dropFirst() {
            let option = part.trimmingCharacters(in: .whitespaces)
            if let value = Self.value(of: "link:", in: option) {
                link = value
            } else {
                fallback = Self.value(of: "default:", in: option) ?? Self.unquoted(option)
            }
        }
    }

    /// Where a product's card leads: the link pattern filled in for it, when that is an http(s) address.
    public func url(of product: CampaignProduct) -> String? {
        guard let link else { return nil }
        let encode = { (value: String) in value.addingPercentEncoding(withAllowedCharacters: CampaignEmailTemplate.unreserved) ?? "" }
        let filled = link.replacingOccurrences(of: "{external_id}", with: encode(product.externalID))
            .replacingOccurrences(of: "{sku}", with: encode(product.sku ?? "")).replacingOccurrences(of: "{id}", with: encode(product.productID))
        return CampaignTracking.isWebAddress(filled) ? filled : nil
    }

    /// The block's HTML for the recipient's products; with `tracking`, its links lead through
    /// the click redirect. The fallback as a paragraph, or nothing, without products.
    public func html(_ products: [CampaignProduct], tracking: CampaignTracking?) -> String {
        let shown = products.prefix(Self.maximumProducts)
        guard !shown.isEmpty else { return fallback.map { "<p>\(MarkupText.escape($0))</p>\n" } ?? "" }
        var html = """
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px">\
            <tr><td align="center" style="font-size:0;line-height:0">\n
            """
        for product in shown { html += card(product, tracking: tracking) }
        return html + "</td></tr></table>\n"
    }

    /// The block's plain text: a line per product (`Blue Mug — 12.00 EUR — https://…`), or
    /// the fallback, or nothing.
    public func text(_ products: [CampaignProduct]) -> String {
        let shown = products.prefix(Self.maximumProducts)
        guard !shown.isEmpty else { return fallback ?? "" }
        return shown.map { product in
            [Self.singleLine(product.title), product.priceText, url(of: product)].compactMap { $0 }.joined(separator: " — ")
        }.joined(separator: "\n")
    }

    private func card(_ product: CampaignProduct, tracking: CampaignTracking?) -> String {
        let escape = MarkupText.escape
        let href = url(of: product).map { escape(tracking?.link($0) ?? $0) }
        let title = escape(Self.singleLine(product.title))
        func linked(_ inner: String, style: String) -> String {
            href.map { "<a href=\"\($0)\" style=\"\(style)\">\(inner)</a>" } ?? inner
        }
        var cell = ""
        if let image = product.imageURL, CampaignTracking.isWebAddress(image) {
            cell += linked(
                """
                <img src="\(escape(image))" width="\(Self.imageWidth)" alt="\(title)" \
                style="display:block;width:100%;max-width:\(Self.imageWidth)px;height:auto;border:0;margin:0 auto 8px">
                """, style: "text-decoration:none")
        }
        cell += linked(title, style: "color:#18181b;font-weight:600;text-decoration:none")
        if let price = product.priceText { cell += "<br><span style=\"color:#52525b\">\(escape(price))</span>" }
        return """
            <div style="display:inline-block;width:100%;max-width:\(Self.cardWidth)px;vertical-align:top;font-size:16px;line-height:1.4">\
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>\
            <td align="center" style="padding:8px;text-align:center">\(cell)</td></tr></table></div>\n
            """
    }

    /// The placeholder's parts between `|`, a `|` inside quotes kept.
    private static func options(_ inside: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = inside.startIndex
        var quote: Character?
        for index in inside.indices {
            let character = inside[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "|" {
                parts.append(inside[start..<index])
                start = inside.index(after: index)
            }
        }
        parts.append(inside[start...])
        return parts
    }

    /// The value of an option named `name` (`link: "…"`, any case, quotes optional).
    private static func value(of name: String, in option: String) -> String? {
        guard option.lowercased().hasPrefix(name) else { return nil }
        return unquoted(option.dropFirst(name.count).trimmingCharacters(in: .whitespaces))
    }

    private static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// Line breaks out of a title from the catalog.
    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
