import Foundation

/// One locale's campaign e-mail, prepared once for every recipient who gets it: the Markdown
/// rendered and laid out a single time, cut into literal HTML and the slots each recipient
/// fills (their variables, the subject, the preheader, their links). Rendering a recipient is
/// then joining pieces: no Markdown, no layout, no search through the page per message.
///
/// Variables are filled in escaped: as text, or percent-encoded inside a link's target
/// (`[Shop](https://shop.test/?ref={{customer.id}})`), so a value can neither add markup nor
/// parameters to a link; header text loses its line breaks.
///
/// The body's web links are slots too, so each recipient's can lead through their own signed
/// click redirect, and the page ends with a slot for their open pixel (`CampaignTracking`).
/// So is each `{{recommendations}}` block, in the body and in the plain text: the recipient's
/// products (`CampaignProductBlock`). In the body a block stands between paragraphs, never
/// inside one.
public struct CampaignEmailTemplate: Sendable {
    enum Slot: Sendable, Equatable {
        case title, preheader, unsubscribe, preferences, pixel
        /// A variable of the body, by its place in `variables`.
        case variable(Int)
        /// A link's target, by its place in `links`.
        case link(Int)
        /// A `{{recommendations}}` block, by its place in `blocks`.
        case products(Int)
    }

    enum Piece: Sendable, Equatable {
        case literal(String)
        case slot(Slot)
    }

    /// Marks a slot while the page is built (private-use characters, which Markdown and HTML
    /// escaping leave alone).
    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"
    /// RFC 3986's unreserved characters: all a value may keep unencoded inside a URL.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    let subject: String
    let preheader: String?
    /// The plain text: template text, and its `{{recommendations}}` blocks as slots.
    let textPieces: [Piece]
    let sender: String
    let words: CampaignFooterWords
    let pieces: [Piece]
    /// The body's variables as written (`{{customer.first_name | default: "there"}}`), and
    /// whether each stands inside a link's target.
    let variables: [(text: String, inLink: Bool)]
    /// Each link's target in the body: literal text (unescaped) and its variables.
    let links: [[Piece]]
    /// Each link's text as the body shows it, by the same place as `links`: literal text
    /// (unescaped, without markup) and its variables.
    let linkTexts: [[Piece]]
    /// The `{{recommendations}}` blocks of the body and of the plain text.
    let blocks: [CampaignProductBlock]
    /// The body's variables (by place) that stand alone in its text, outside any link, and
    /// name an address (`addressNames`): shown as a link to it when the recipient's value is a
    /// web address, which the click redirect then counts like any other.
    let addressVariables: Set<Int>
    /// Variables whose value is a whole web address.
    static let addressNames: Set<String> = [CampaignPersonalisationNeeds.reviewLink, "order.tracking_url"]

    public init(_ content: CampaignContent, locale: String, sender: String) {
        subject = content.subject ?? ""
        preheader = content.preheader
        let markdown = content.body ?? content.text ?? ""
        self.sender = sender
        words = CampaignFooterWords(locale: locale)
        var variables: [(text: String, inLink: Bool)] = []
        var blocks: [CampaignProductBlock] = []
        var guarded = ""
        var rest = Substring(markdown)
        while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
            guarded += rest[..<start.lowerBound]
            let placeholder = String(rest[start.lowerBound..<end.upperBound])
            if let block = CampaignProductBlock(placeholder: placeholder) {
                // A paragraph of its own, which the block then replaces.
                guarded += "\n\n" + Self.marker("B\(blocks.count)") + "\n\n"
                blocks.append(block)
            } else {
                let opened = guarded.range(of: "](", options: .backwards)?.lowerBound
                let closed = guarded.range(of: ")", options: .backwards)?.lowerBound
                let inLink = opened.map { opened in closed.map { $0 < opened } ?? true } ?? false
                guarded += Self.marker(String(variables.count))
                variables.append((placeholder, inLink))
            }
            rest = rest[end.upperBound...]
        }
        guarded += rest
        self.variables = variables
        var html = MarkdownHTML.render(guarded)
        for index in blocks.indices {
            html = html.replacingOccurrences(of: "<p>\(Self.marker("B\(index)"))</p>", with: Self.marker("B\(index)"))
        }
        let (body, links, linkTexts) = Self.linkSlots(in: html)
        self.links = links
        self.linkTexts = linkTexts
        var inLinkTexts = Set<Int>()
        for piece in linkTexts.joined() { if case .slot(.variable(let index)) = piece { inLinkTexts.insert(index) } }
        addressVariables = Set(variables.indices.filter { index in
            let names = MessageTemplate.variableNames(in: variables[index].text)
            return !variables[index].inLink && !inLinkTexts.contains(index) && names.count == 1 && Self.addressNames.contains(names[0])
        })
        textPieces = Self.textPieces(of: content.text ?? markdown, blocks: &blocks)
        self.blocks = blocks
        let page = CampaignEmailLayout.page(
            lang: words.lang, title: Self.marker("t"), preheader: Self.marker("p"), body: body + Self.marker("o"), sender: sender,
            unsubscribeURL: Self.marker("u"), preferencesURL: Self.marker("r"), words: words)
        pieces = Self.pieces(of: page)
    }

    /// The recipient's subject, preheader, HTML and plain text, with their `products` in the
    /// `{{recommendations}}` blocks; with `tracking`, the HTML's web links lead through the
    /// click redirect and it carries the open pixel.
    public func render(
        values: [String: String], unsubscribeURL: String, preferencesURL: String, tracking: CampaignTracking? = nil, products: [CampaignProduct] = []
    ) -> (subject: String, preheader: String?, html: String, text: String) {
        let subject = Self.singleLine(MessageTemplate.render(self.subject, values: values))
        let preheader = self.preheader.map { Self.singleLine(MessageTemplate.render($0, values: values)) }
        var html = ""
        html.reserveCapacity(pieces.count * 64 + 4_096)
        for piece in pieces {
            switch piece {
            case .literal(let text): html += text
            case .slot(.title): html += MarkupText.escape(subject)
            case .slot(.preheader): html += MarkupText.escape(preheader ?? "")
            case .slot(.unsubscribe): html += MarkupText.escape(unsubscribeURL)
            case .slot(.preferences): html += MarkupText.escape(preferencesURL)
            case .slot(.variable(let index)):
                let value = value(of: index, values: values)
                if addressVariables.contains(index), CampaignTracking.isWebAddress(value) {
                    html += "<a href=\"\(MarkupText.escape(tracking?.link(value) ?? value))\">\(MarkupText.escape(value))</a>"
                } else {
                    html += MarkupText.escape(value)
                }
            case .slot(.link(let index)):
                let target = filled(links[index], values: values)
                html += MarkupText.escape(tracking?.link(target) ?? target)
            case .slot(.products(let index)):
                html += blocks[index].html(products, tracking: tracking)
            case .slot(.pixel):
                if let pixel = tracking?.pixel {
                    html += "<img src=\"\(MarkupText.escape(pixel))\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px\">"
                }
            }
        }
        var text = ""
        for piece in textPieces {
            switch piece {
            case .literal(let part): text += MessageTemplate.render(part, values: values)
            case .slot(.products(let index)): text += blocks[index].text(products)
            case .slot: break
            }
        }
        text += "\n\n--\n\(sender)\n\(words.preferences): \(preferencesURL)\n\(words.unsubscribe): \(unsubscribeURL)\n"
        return (subject, preheader, html, text)
    }

    /// The body's links as a recipient with `values` gets them without tracking (the targets
    /// the click redirect would lead to), in the order they stand: each target with its
    /// variables filled in, as written, and the text the link is shown as; then the address
    /// variables that are links for this recipient (`addressVariables`), their address shown.
    public func bodyLinks(values: [String: String]) -> [CampaignEmailLink] {
        let written = links.indices.map { index in
            let target = links[index]
            return CampaignEmailLink(
                target: filled(target, values: values), written: self.written(target), text: filled(linkTexts[index], values: values),
                personalised: target.contains { if case .slot(.variable) = $0 { true } else { false } })
        }
        let addresses = addressVariables.sorted().compactMap { index -> CampaignEmailLink? in
            let value = value(of: index, values: values)
            guard CampaignTracking.isWebAddress(value) else { return nil }
            return CampaignEmailLink(target: value, written: variables[index].text, text: value, personalised: true)
        }
        return written + addresses
    }

    /// A body variable's value for the recipient: percent-encoded inside a link's target.
    private func value(of index: Int, values: [String: String]) -> String {
        let variable = variables[index]
        let value = MessageTemplate.render(variable.text, values: values)
        return variable.inLink ? value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "" : value
    }

    /// A link's target or text for the recipient: its literal text and its variables' values.
    private func filled(_ parts: [Piece], values: [String: String]) -> String {
        joined(parts) { value(of: $0, values: values) }
    }

    /// A link's target as the campaign writes it: its literal text and its variables' placeholders.
    private func written(_ parts: [Piece]) -> String {
        joined(parts) { variables[$0].text }
    }

    /// A link's literal text, each variable (by its place in `variables`) as `variable` gives it.
    private func joined(_ parts: [Piece], variable: (Int) -> String) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .slot(.variable(let index)): text += variable(index)
            case .slot: break
            }
        }
        return text
    }

    /// The body with each link's target (`<a href="…">…</a>`, as `MarkdownHTML` writes them)
    /// cut out as a slot; those targets, and the links' texts.
    private static func linkSlots(in body: String) -> (String, [[Piece]], [[Piece]]) {
        let opening = "<a href=\""
        var links: [[Piece]] = []
        var texts: [[Piece]] = []
        var output = ""
        var rest = Substring(body)
        while let start = rest.range(of: opening), let end = rest[start.upperBound...].firstIndex(of: "\"") {
            output += rest[..<start.upperBound]
            output += marker("L\(links.count)")
            links.append(unescapedPieces(of: rest[start.upperBound..<end]))
            let label = rest[end...].firstIndex(of: ">").flatMap { open in
                rest[open...].range(of: "</a>").map { rest[rest.index(after: open)..<$0.lowerBound] }
            }
            texts.append(unescapedPieces(of: withoutTags(label ?? "")))
            rest = rest[end...]
        }
        output += rest
        return (output, links, texts)
    }

    /// HTML cut at its markers, its literal text unescaped.
    private static func unescapedPieces(of html: Substring) -> [Piece] {
        pieces(of: String(html)).map {
            if case .literal(let text) = $0 { return .literal(MarkupText.unescape(text)) }
            return $0
        }
    }

    /// HTML without its tags (a link's text keeps its words, not its `<strong>`).
    private static func withoutTags(_ html: Substring) -> Substring {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">", inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return Substring(text)
    }

    /// The plain text cut at its `{{recommendations}}` placeholders: the template text between
    /// them, and a slot for each, whose block is added to `blocks`.
    private static func textPieces(of text: String, blocks: inout [CampaignProductBlock]) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
            if let block = CampaignProductBlock(placeholder: String(rest[start.lowerBound..<end.upperBound])) {
                literal += rest[..<start.lowerBound]
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.slot(.products(blocks.count)))
                blocks.append(block)
            } else {
                literal += rest[..<end.upperBound]
            }
            rest = rest[end.upperBound...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    private static func marker(_ name: String) -> String {
        "\(open)\(name)\(close)"
    }

    /// The page cut at its markers.
    private static func pieces(of page: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(page)
        while let start = rest.firstIndex(of: open), let end = rest[start...].firstIndex(of: close) {
            literal += rest[..<start]
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            let name = rest[rest.index(after: start)..<end]
            let slot: Slot? = switch name {
            case "t": .title
            case "p": .preheader
            case "u": .unsubscribe
            case "r": .preferences
            case "o": .pixel
            default:
                if name.hasPrefix("L") {
                    Int(name.dropFirst()).map(Slot.link)
                } else if name.hasPrefix("B") {
                    Int(name.dropFirst()).map(Slot.products)
                } else {
                    Int(name).map(Slot.variable)
                }
            }
            if let slot { pieces.append(.slot(slot)) }
            rest = rest[rest.index(after: end)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    /// Line breaks and other controls out of a header's text.
    private static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
            .trimmingCharacters(in: .whitespaces)
    }
}
