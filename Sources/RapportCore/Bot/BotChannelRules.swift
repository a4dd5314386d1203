import Foundation

/// What each channel allows a bot reply to be: SMS answers stay within two segments,
/// Instagram and Messenger within their length limits.
enum BotChannelRules {
    static func limit(of channel: InboxChannel) -> Int? {
        switch channel {
        case .sms: 306
        case .instagram: 1000
        case .messenger: 2000
        case .whatsapp: 4096
        case .email, .webchat, .voice, .store: nil
        }
    }

    /// GSM 03.38's basic characters: an SMS of these alone takes 153 characters a segment
    /// when split; one other character makes the whole message UCS-2, 67 a segment.
    private static let gsmCharacters = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
    private static let gsmReplacements: [Character: String] = [
        "×": "x", "“": "\"", "”": "\"", "‘": "'", "’": "'", "…": "...", "—": "-", "–": "-", "→": "->", "€": "EUR",
    ]

    /// The reply cut to the channel's length at a sentence or line boundary, keeping the
    /// sentences with links (the tracking or payment link matters more than the item list) or
    /// with any of `essentials` (a reward's code). SMS text is brought to the GSM alphabet where a
    /// plain equivalent exists.
    static func fit(_ reply: String, to channel: InboxChannel, keeping essentials: [String] = []) -> String {
        var text = reply
        var limit = limit(of: channel)
        if channel == .sms {
            text = String(reply.flatMap { gsmReplacements[$0] ?? String($0) })
            if !text.allSatisfy(gsmCharacters.contains) { limit = 134 }
        }
        guard let limit, text.count > limit else { return text }
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let endsSentence = ".?!".contains(character) && (index + 1 == characters.count || characters[index + 1].isWhitespace)
            if character == "\n" || endsSentence {
                sentences.append(current)
                current = ""
            }
        }
        if !current.isEmpty { sentences.append(current) }
        let linked = sentences.indices.filter { index in
            sentences[index].contains("http") || essentials.contains { !$0.isEmpty && sentences[index].contains($0) }
        }
        let linkedLength = linked.map { sentences[$0].count }.reduce(0, +)
        let ellipsis = channel == .sms ? "..." : "…"
        if linkedLength > limit, let essential = linked.first(where: { index in essentials.contains { !$0.isEmpty && sentences[index].contains($0) } }) {
            // Too long even alone: the essential sentence cut short (it says the code first) rather than dropped.
            return String(sentences[essential].trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit - ellipsis.count)) + ellipsis
        }
        var kept = linkedLength <= limit ? Set(linked) : []
        var length = linkedLength <= limit ? linkedLength : 0
        for index in sentences.indices where !kept.contains(index) && length + sentences[index].count <= limit {
            kept.insert(index)
            length += sentences[index].count
        }
        let fitted = sentences.indices.filter(kept.contains).map { sentences[$0] }.joined()
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return fitted.isEmpty ? String(text.prefix(limit - ellipsis.count)) + ellipsis : fitted
    }
}
