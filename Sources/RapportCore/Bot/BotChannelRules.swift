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

    /// The reply cut to the channel's length at a sentence or line boundary, keeping the
    /// sentences with links (the tracking or payment link matters more than the item list).
    static func fit(_ text: String, to channel: InboxChannel) -> String {
        guard let limit = limit(of: channel), text.count > limit else { return text }
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
        let linked = sentences.indices.filter { sentences[$0].contains("http") }
        var kept = Set(linked.filter { _ in linked.map { sentences[$0].count }.reduce(0, +) <= limit })
        var length = kept.map { sentences[$0].count }.reduce(0, +)
        for index in sentences.indices where !kept.contains(index) && length + sentences[index].count <= limit {
            kept.insert(index)
            length += sentences[index].count
        }
        let fitted = sentences.indices.filter(kept.contains).map { sentences[$0] }.joined()
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return fitted.isEmpty ? String(text.prefix(limit - 1)) + "…" : fitted
    }
}
