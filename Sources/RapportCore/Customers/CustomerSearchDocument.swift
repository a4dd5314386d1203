import Foundation

/// What a customer can be found by, as one string of plain lower-case tokens. Both engines
/// index the same tokens (SQLite FTS5 `unicode61`, PostgreSQL `to_tsvector('simple', …)`),
/// and queries are cut into tokens by the same rule, so search behaves the same on both.
public enum CustomerSearchDocument {
    /// Tokens of the customer's names, e-mail addresses and phone numbers.
    public static func make(profile: CustomerProfile, identities: [Identity]) -> String {
        var tokens: [String] = []
        tokens += self.tokens(of: profile.firstName ?? "")
        tokens += self.tokens(of: profile.lastName ?? "")
        for identity in identities {
            switch identity.kind {
            case .email:
                tokens += self.tokens(of: identity.value)
            case .phone, .whatsapp:
                tokens.append(identity.value.filter(\.isNumber))
            default:
                continue
            }
        }
        var seen = Set<String>()
        return tokens.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: " ")
    }

    /// The tokens a search query is matched by: each must prefix some token of the document.
    /// A query that reads as a phone number becomes its digits.
    public static func queryTokens(_ query: String) -> [String] {
        let trimmed = query.trimmed
        let phoneCharacters = CharacterSet(charactersIn: "+0123456789 -().")
        if !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy(phoneCharacters.contains),
            trimmed.filter(\.isNumber).count >= 3
        {
            let digits = trimmed.filter(\.isNumber)
            return [digits.hasPrefix("00") ? String(digits.dropFirst(2)) : digits]
        }
        return Array(tokens(of: trimmed).prefix(8))
    }

    static func tokens(of text: String) -> [String] {
        folded(text).unicodeScalars.split { !isTokenScalar($0) }.map { String(String.UnicodeScalarView($0)) }
    }

    /// Lower-cased, accents removed. ASCII text, the usual case, skips Foundation's folding.
    private static func folded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) {
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 97 && scalar.value <= 122) || (scalar.value >= 48 && scalar.value <= 57)
            || (scalar.value > 127 && scalar.properties.isAlphabetic)
    }
}
