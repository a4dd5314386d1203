import Foundation

/// What happens to a review as it arrives: approved by the workspace's rule, or held for a
/// person with the reason why (shown in the moderation queue). The checks, in order: a flagged
/// word, a link, photos, a rating below the minimum, an author who is not a verified buyer.
public enum ReviewModeration {
    /// Who approved a review the rule let through (`Review.moderatedBy`).
    public static let ruleActor = "rule:auto_approve"

    public enum Decision: Sendable, Equatable {
        case approve
        /// Waits for a person; nil reason when auto-approval is off and nothing is wrong.
        case hold(String?)
    }

    public static func decide(_ review: Review, settings: ReviewSettings) -> Decision {
        // Photo descriptions are shown too (as alt text): the same words and links count there.
        let text = ([review.title, review.body] + review.photos.compactMap(\.alt)).filter { !$0.isEmpty }.joined(separator: "\n")
        if let word = flaggedWord(in: text, words: settings.flaggedWords) { return .hold("contains the flagged word “\(word)”") }
        guard settings.autoApprove else { return .hold(nil) }
        if settings.holdLinks, containsLink(text) { return .hold("contains a link") }
        if settings.holdPhotos, !review.photos.isEmpty { return .hold("has photos to look at") }
        if review.rating < settings.minimumRating {
            return .hold("\(review.rating) of 5 stars, below the \(settings.minimumRating) that approve by themselves")
        }
        if settings.verifiedOnly, !review.verified { return .hold("not by a verified buyer") }
        return .approve
    }

    /// The first flagged word or phrase the text holds as whole words, in the form it was
    /// flagged; case, accents, full-width and styled letters (`𝐬𝐜𝐚𝐦`) and invisible characters
    /// (a zero-width space inside the word) do not matter. A phrase in a script written without
    /// spaces (Chinese, Japanese, Thai) matches anywhere in the text.
    public static func flaggedWord(in text: String, words: [String]) -> String? {
        let folded = self.folded(text)
        let tokens = self.tokens(ofFolded: folded)
        var phrasesByFirst: [String: [(word: String, phrase: [String])]] = [:]
        for word in words {
            let phrase = self.tokens(word)
            guard let first = phrase.first else { continue }
            if phrase.count == 1, first.unicodeScalars.contains(where: isUnspacedScript) {
                if folded.contains(first) { return word }
                continue
            }
            phrasesByFirst[first, default: []].append((word, phrase))
        }
        guard !phrasesByFirst.isEmpty else { return nil }
        for (start, token) in tokens.enumerated() {
            for candidate in phrasesByFirst[token] ?? [] where start + candidate.phrase.count <= tokens.count {
                if tokens[start..<(start + candidate.phrase.count)].elementsEqual(candidate.phrase) { return candidate.word }
            }
        }
        return nil
    }

    /// A web address: `http://`, `https://`, `www.`, or a bare domain on a top-level domain link
    /// spam uses (`cheap-pills.com`, `bit.ly/x`), in the text as normalised for flagged words.
    /// "e.g." and "great.Would" are no domains.
    static func containsLink(_ text: String) -> Bool {
        let folded = self.folded(text)
        if folded.contains("http://") || folded.contains("https://") || folded.contains("www.") { return true }
        let isNameCharacter = { (character: Character) in character.isLetter || character.isNumber || character == "-" }
        for chunk in folded.split(whereSeparator: \.isWhitespace) {
            let parts = chunk.split(separator: ".", omittingEmptySubsequences: false)
            for index in parts.indices.dropFirst() {
                let name = parts[index - 1].reversed().prefix(while: isNameCharacter)
                let domain = parts[index].prefix { $0.isLetter || $0.isNumber }
                if !name.isEmpty, linkDomains.contains(String(domain)) { return true }
            }
        }
        return false
    }

    /// Top-level domains link spam uses most: generic ones and the larger countries'.
    static let linkDomains: Set<String> = [
        "com", "net", "org", "info", "biz", "io", "ly", "co", "me", "app", "site", "online", "store", "shop", "top", "xyz", "club", "link",
        "click", "ru", "cn", "tk", "ml", "ga", "cf", "gq", "de", "uk", "fr", "nl", "es", "it", "pl", "eu", "us", "ca", "au", "in", "br",
    ]

    /// Words of the text, normalised as `folded` does: runs of letters and digits.
    static func tokens(_ text: String) -> [String] {
        tokens(ofFolded: folded(text))
    }

    private static func tokens(ofFolded text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Compatibility forms mapped to their plain letters (NFKC: full-width, styled, ligatures),
    /// invisible characters removed, then case and accents folded away.
    static func folded(_ text: String) -> String {
        var visible = String.UnicodeScalarView()
        visible.append(contentsOf: text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint })
        return String(visible).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// Han, Hiragana, Katakana and Thai: written without spaces between words.
    private static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0E7F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// The settings, checked: the rating on the scale, the words trimmed, blank and repeated
    /// ones dropped, each and their number bounded.
    public static func checked(_ settings: ReviewSettings) throws -> ReviewSettings {
        var settings = settings
        guard (1...5).contains(settings.minimumRating) else {
            throw RapportError.invalid(field: "minimum_rating", "must be a whole number from 1 to 5")
        }
        var seen = Set<[String]>()
        var words: [String] = []
        for (index, word) in settings.flaggedWords.enumerated() {
            let word = word.trimmed
            guard word.count <= ReviewSettings.maximumFlaggedWordLength else {
                throw RapportError.invalid(field: "flagged_words[\(index)]", "must be at most \(ReviewSettings.maximumFlaggedWordLength) characters")
            }
            // A comma or line break would split it in the workspace's form; a control character
            // (NUL among them) has no place in a word, and PostgreSQL refuses NUL in text.
            guard !word.unicodeScalars.contains(where: { $0 == "," || $0.properties.generalCategory == .control }) else {
                throw RapportError.invalid(field: "flagged_words[\(index)]", "must be one word or phrase, without commas, line breaks or control characters")
            }
            let key = tokens(word)
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            words.append(word)
        }
        guard words.count <= ReviewSettings.maximumFlaggedWords else {
            throw RapportError.invalid(field: "flagged_words", "may list at most \(ReviewSettings.maximumFlaggedWords) words")
        }
        settings.flaggedWords = words
        return settings
    }
}
