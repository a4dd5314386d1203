import Foundation

/// The links of a campaign's content, what is wrong with each that shows without fetching it,
/// and the fetching itself (through a `LinkProbe`).
///
/// Every locale's version and every A/B variant counts: an e-mail's body links as the
/// template renders them (`CampaignEmailTemplate.bodyLinks(values:)`: Markdown links and the
/// address variables it links, never re-parsed here) and the addresses in its own plain-text part; an SMS's addresses; the
/// addresses in a WhatsApp template's body parameters. An address in text is a word that
/// starts with a scheme and `//` (`https://…`, `ftp://…`) or with a scheme that runs code
/// (`javascript:`), without the punctuation around it. Variables are filled in with the values
/// given (the check's recipient: a sample, or a customer), so a link that differs per
/// recipient is checked as that recipient gets it, and marked personalised.
public enum CampaignLinkRule {
    /// Links one check fetches at most: the rest are listed with their findings, unfetched.
    public static let maximumProbes = 50
    /// Links fetched at once: name lookups share four threads with every other outbound call.
    public static let concurrentProbes = 3
    /// Schemes of a mail or a call: fine in a message, nothing to fetch.
    static let contactSchemes: Set<String> = ["mailto", "tel"]
    /// Schemes that run code or carry a file instead of leading to a page.
    static let scriptSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]
    static let webSchemes: Set<String> = ["http", "https"]
    /// Marks around an address in text that are not part of it: `(https://shop.test/sale).`
    /// A closing bracket the address itself opened stays.
    static let openingMarks: Set<Character> = ["(", "<", "[", "\"", "'", "«", "“", "‘"]
    static let closingMarks: Set<Character> = [".", ",", ";", ":", "!", "?", ")", ">", "]", "\"", "'", "»", "”", "’"]

    // MARK: Listing

    /// The distinct links of the campaign's content as a recipient with `values` gets them, in
    /// the order they first stand (locales in order, the campaign's content before its
    /// variants), each with every place it stands and what is wrong with it as written.
    public static func links(of definition: CampaignDefinition, channel: CampaignChannel, values: [String: String]) -> [CampaignContentLink] {
        var links: [CampaignContentLink] = []
        var positions: [String: Int] = [:]
        func add(_ url: String, written: String, personalised: Bool, at place: CampaignLinkPlace) {
            let position = positions[url] ?? links.count
            if position == links.count {
                positions[url] = position
                let note = scheme(of: url).map { contactSchemes.contains($0) } == true ? "An e-mail address or a phone number: nothing to fetch." : nil
                links.append(CampaignContentLink(url: url, written: written, personalised: personalised, places: [], findings: findings(of: url), note: note))
            }
            if !links[position].places.contains(place) { links[position].places.append(place) }
            if let text = place.text, let misleading = mismatch(shown: text, url: url), !links[position].findings.contains(misleading) {
                links[position].findings.append(misleading)
            }
        }
        for locale in definition.content.keys.sorted() {
            guard let base = definition.content[locale] else { continue }
            var versions: [CampaignVariant?] = [nil]
            for variant in definition.experiment?.variants ?? [] { versions.append(variant) }
            for variant in versions {
                // A variant's place is only where it writes the part itself.
                let change = variant?.content[locale]
                if variant != nil, change == nil { continue }
                let content = variant?.applied(to: base, locale: locale) ?? base
                func place(_ part: CampaignLinkPart, parameter: Int? = nil, text: String? = nil) -> CampaignLinkPlace {
                    CampaignLinkPlace(locale: locale, variant: variant?.name, part: part, parameter: parameter, text: text)
                }
                switch channel {
                case .email:
                    // Without a body, the text is the Markdown the body is made of.
                    if variant == nil || change?.body != nil || (content.body == nil && change?.text != nil) {
                        for link in CampaignEmailTemplate(content, locale: locale, sender: "").bodyLinks(values: values) {
                            add(link.target, written: link.written, personalised: link.personalised, at: place(.body, text: link.text))
                        }
                    }
                    if content.body != nil, let text = content.text, variant == nil || change?.text != nil {
                        for link in addresses(in: text, values: values) {
                            add(link.url, written: link.written, personalised: link.personalised, at: place(.text))
                        }
                    }
                case .sms:
                    if let text = content.text, variant == nil || change?.text != nil {
                        for link in addresses(in: text, values: values) {
                            add(link.url, written: link.written, personalised: link.personalised, at: place(.sms))
                        }
                    }
                case .whatsapp:
                    if let template = content.template, variant == nil || change?.template != nil {
                        for (index, parameter) in template.parameters.enumerated() {
                            for link in addresses(in: parameter, values: values) {
                                add(link.url, written: link.written, personalised: link.personalised, at: place(.templateParameter, parameter: index + 1))
                            }
                        }
                    }
                }
            }
        }
        return links
    }

    /// The addresses in a text (an SMS, a plain-text part, a template parameter): its words
    /// (a `{{…}}` placeholder is one word, whatever spaces it holds) without the marks around
    /// them, filled in with `values`, that are addresses.
    static func addresses(in text: String, values: [String: String]) -> [(url: String, written: String, personalised: Bool)] {
        words(of: text).compactMap { word -> (url: String, written: String, personalised: Bool)? in
            var written = Substring(word)
            while let first = written.first, openingMarks.contains(first) { written = written.dropFirst() }
            while let last = written.last, closingMarks.contains(last) {
                // A bracket the address opened is its own: `https://en.wikipedia.org/wiki/Ink_(colour)`.
                if last == ")", written.count(where: { $0 == "(" }) >= written.count(where: { $0 == ")" }) { break }
                written = written.dropLast()
            }
            let url = MessageTemplate.render(String(written), values: values)
            guard isAddress(url) else { return nil }
            return (url, String(written), !MessageTemplate.variableNames(in: String(written)).isEmpty)
        }
    }

    /// A text cut at its white space, except inside `{{…}}`.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inPlaceholder = false
        var previous: Character?
        for character in text {
            if character == "{", previous == "{" { inPlaceholder = true }
            if character == "}", previous == "}" { inPlaceholder = false }
            if character.isWhitespace, !inPlaceholder {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
            previous = character
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// Whether a word of text is an address: a scheme and `//`, or a scheme that runs code.
    static func isAddress(_ word: String) -> Bool {
        guard let scheme = Self.scheme(of: word) else { return false }
        return webSchemes.contains(scheme) || scriptSchemes.contains(scheme) || word.dropFirst(scheme.count + 1).hasPrefix("//")
    }

    // MARK: Findings

    /// What is wrong with an address as written, without fetching it: an error when it cannot
    /// work (no scheme, no site, a space inside, neither http nor https), a warning when it
    /// costs trust or reach (`http:`, an IP address or `localhost`). A `mailto:` or `tel:` link
    /// has nothing wrong.
    public static func findings(of url: String) -> [CampaignLinkFinding] {
        if url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            return [CampaignLinkFinding(.malformed, "has a space or a line break in it, where the link ends for recipients (a variable's value?)")]
        }
        guard let scheme = Self.scheme(of: url) else {
            if url.hasPrefix("/") {
                return [CampaignLinkFinding(.malformed, "is a path without a site: in a message it leads nowhere. Write the whole address, https://…")]
            }
            return [CampaignLinkFinding(.malformed, "has no scheme: write the whole address, https://…")]
        }
        if contactSchemes.contains(scheme) { return [] }
        if scriptSchemes.contains(scheme) {
            return [CampaignLinkFinding(.notWeb, "uses \(scheme):, which runs code or carries a file instead of opening a page: mail apps and phones block it")]
        }
        guard webSchemes.contains(scheme) else {
            return [CampaignLinkFinding(.notWeb, "uses \(scheme):, which is no web address: recipients' mail apps and phones may not open it. Use https://")]
        }
        guard let host = Self.host(of: url) else {
            return [CampaignLinkFinding(.malformed, "names no site after \(scheme)://")]
        }
        var findings: [CampaignLinkFinding] = []
        if scheme == "http" {
            findings.append(CampaignLinkFinding(.insecure, "uses http:, not https: browsers mark the page as not secure, and some show a warning first"))
        }
        if let words = internalHost(host) { findings.append(CampaignLinkFinding(.internalHost, words)) }
        return findings
    }

    /// A link whose text shows one site and leads to another: only when the text itself is an
    /// address or a site's name (`shop.test`, `https://shop.test/sale`), and not when one is a
    /// subdomain of the other or they differ by `www.` alone.
    static func mismatch(shown text: String, url: String) -> CampaignLinkFinding? {
        guard isWebAddress(url), let target = host(of: url), let shown = shownHost(text), !isSameSite(shown, target) else { return nil }
        return CampaignLinkFinding(
            .textMismatch, "is shown as “\(text.prefix(100))”, which names \(shown), but leads to \(target): mail filters and careful readers take that for phishing")
    }

    /// Why a host is no place recipients reach, or nil.
    static func internalHost(_ host: String) -> String? {
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if bare.hasSuffix(".") { bare.removeLast() }
        if bare == "localhost" || bare.hasSuffix(".localhost") {
            return "leads to localhost, which is each recipient's own device, not your site"
        }
        if OutboundTargets.ipv4(bare) != nil || (bare.contains(":") && OutboundTargets.ipv6(bare) != nil) {
            return "leads to an IP address (\(bare)), not a site's name: recipients cannot reach a private one, and mail filters distrust any"
        }
        return nil
    }

    // MARK: Fetching

    /// The links with what fetching them found: the first `maximumProbes` fetchable ones,
    /// `concurrentProbes` at a time, each address once (the links are distinct). The others
    /// past the limit say they were not fetched.
    public static func probed(_ links: [CampaignContentLink], by probe: any LinkProbe) async -> [CampaignContentLink] {
        let chosen = links.indices.filter { links[$0].isFetchable }
        var waiting = chosen.prefix(maximumProbes).makeIterator()
        var results: [Int: LinkProbeResult] = [:]
        await withTaskGroup(of: (Int, LinkProbeResult).self) { group in
            func start(_ index: Int) {
                let url = links[index].url
                group.addTask { (index, await probe.probe(url)) }
            }
            for _ in 0..<concurrentProbes {
                guard let index = waiting.next() else { break }
                start(index)
            }
            while let finished = await group.next() {
                results[finished.0] = finished.1
                if let index = waiting.next() { start(index) }
            }
        }
        var probed = links
        for index in chosen {
            if let result = results[index] {
                probed[index].probe = result
            } else {
                probed[index].note = "Not fetched: one check fetches the first \(maximumProbes) links."
            }
        }
        return probed
    }

    // MARK: Reading addresses

    /// Whether an address is http or https.
    public static func isWebAddress(_ url: String) -> Bool {
        scheme(of: url).map { webSchemes.contains($0) } ?? false
    }

    /// An address's scheme in small letters (`https`), or nil when it starts with none.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let name = url[..<colon]
        guard let first = name.first, first.isASCII, first.isLetter,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return name.lowercased()
    }

    /// The site an address leads to (`shop.test`, `[::1]`), in small letters, without user or
    /// port; nil when it names none (no `//`, nothing after it, an empty label).
    static func host(of url: String) -> String? {
        guard let scheme = Self.scheme(of: url) else { return nil }
        let rest = url.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else { return nil }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let server = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        if server.hasPrefix("[") {
            guard let close = server.firstIndex(of: "]") else { return nil }
            return String(server[...close]).lowercased()
        }
        let name = server.prefix { $0 != ":" }.lowercased()
        var labels = name.split(separator: ".", omittingEmptySubsequences: false)
        // A name may end with a dot (`shop.test.`).
        if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }
        guard !name.isEmpty, labels.allSatisfy({ label in !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        else { return nil }
        return name
    }

    /// The site a link's text names, when the text is an address (`https://shop.test/sale`) or
    /// a site's name (`shop.test`, `www.shop.test/sale`); nil for words.
    static func shownHost(_ text: String) -> String? {
        let shown = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !shown.isEmpty, !shown.contains(where: \.isWhitespace) else { return nil }
        if isWebAddress(shown) { return host(of: shown) }
        let name = shown.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
            let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter)
        else { return nil }
        return name
    }

    /// Whether two hosts are one site: the same but for `www.` and a final dot, or one a
    /// subdomain of the other.
    static func isSameSite(_ first: String, _ second: String) -> Bool {
        func bare(_ host: String) -> String {
            var name = host.lowercased()
            if name.hasSuffix(".") { name.removeLast() }
            if name.hasPrefix("www.") { name.removeFirst(4) }
            return name
        }
        let (one, other) = (bare(first), bare(second))
        return one == other || one.hasSuffix("." + other) || other.hasSuffix("." + one)
    }
}
