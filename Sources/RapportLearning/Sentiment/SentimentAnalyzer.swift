import Foundation

/// Scores a message with `SentimentLexicon`: the polarities of its words (flipped after a
/// negation, strengthened after an intensifier, a little stronger for `!` or shouting in
/// capitals), squashed to −1 … 1.
public struct SentimentAnalyzer: Sendable {
    public init() {}

    public func analyze(_ text: String) -> Sentiment {
        let tokens = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
        var total = 0.0
        var flipFor = 0
        var boost = 1.0
        for token in tokens {
            if SentimentLexicon.negations.contains(token) {
                flipFor = 2
                continue
            }
            if let strength = SentimentLexicon.intensifiers[token] {
                boost = strength
                continue
            }
            if var polarity = SentimentLexicon.words[token] {
                if flipFor > 0 { polarity = -polarity * 0.8 }
                total += polarity * boost
            }
            boost = 1
            flipFor = max(flipFor - 1, 0)
        }
        let exclaimed = text.contains("!") ? 1.2 : 1
        let letters = text.filter(\.isLetter)
        let shouting = letters.count >= 8 && letters.allSatisfy { $0.isUppercase } ? 1.3 : 1
        let raw = total * exclaimed * shouting
        // x / sqrt(x² + α), as VADER normalises, with α = 15.
        return Sentiment(score: raw / (raw * raw + 15).squareRoot())
    }
}
