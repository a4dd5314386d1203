import Foundation

/// BM25 (Robertson and Zaragoza, k1 = 1.2, b = 0.75) over the passages of a knowledge base:
/// each paragraph of an article, with the article's title in front so a passage is found by
/// its topic too. Words are lower-cased letters and digits, English plurals folded; very common
/// English and Indonesian words are left out. A question whose best passage scores under `minimumScore` gets no answer,
/// so the bot can say it does not know instead of answering beside the point.
public struct KnowledgeIndex: Sendable {
    struct Passage: Sendable {
        var articleID: String
        var title: String
        var text: String
        var terms: [String: Int]
        var length: Int
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "are", "was", "be", "it", "my", "i", "you", "your", "we",
        "our", "do", "does", "can", "how", "what", "when", "where", "with", "at", "by", "this", "that", "me", "please",
        "yang", "dan", "di", "ke", "dari", "saya", "apa", "bagaimana", "untuk", "ini", "itu", "bisa", "dengan", "kapan", "mana",
    ]

    let passages: [Passage]
    let documentFrequency: [String: Int]
    let averageLength: Double
    public var minimumScore: Double

    public init(articles: [KnowledgeArticle], minimumScore: Double = 1.0) {
        var passages: [Passage] = []
        for article in articles {
            let paragraphs = article.body.components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            for paragraph in paragraphs.isEmpty ? [article.title] : paragraphs {
                let words = Self.terms(article.title + " " + paragraph)
                passages.append(Passage(
                    articleID: article.id, title: article.title, text: paragraph,
                    terms: words.reduce(into: [:]) { $0[$1, default: 0] += 1 }, length: words.count))
            }
        }
        var frequency: [String: Int] = [:]
        for passage in passages { for term in passage.terms.keys { frequency[term, default: 0] += 1 } }
        self.passages = passages
        self.documentFrequency = frequency
        self.averageLength = passages.isEmpty ? 1 : Double(passages.map(\.length).reduce(0, +)) / Double(passages.count)
        self.minimumScore = minimumScore
    }

    /// Words without the stop words, English plurals folded (`refunds` → `refund`).
    static func terms(_ text: String) -> [String] {
        TextFeatures.words(text).filter { !stopWords.contains($0) }.map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        }
    }

    /// The best passage for the question, or nil when nothing scores `minimumScore`.
    public func answer(_ question: String) -> KnowledgeAnswer? {
        let query = Set(Self.terms(question))
        let count = Double(passages.count)
        var best: (Passage, Double)?
        for passage in passages {
            var score = 0.0
            for term in query {
                guard let frequency = passage.terms[term].map(Double.init), let containing = documentFrequency[term] else { continue }
                let idf = log(1 + (count - Double(containing) + 0.5) / (Double(containing) + 0.5))
                score += idf * frequency * 2.2 / (frequency + 1.2 * (0.25 + 0.75 * Double(passage.length) / averageLength))
            }
            if score > best?.1 ?? 0 { best = (passage, score) }
        }
        guard let (passage, score) = best, score >= minimumScore else { return nil }
        return KnowledgeAnswer(articleID: passage.articleID, title: passage.title, passage: passage.text, score: score)
    }
}
