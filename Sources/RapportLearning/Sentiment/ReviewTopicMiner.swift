/// The topics customers mention in a product's reviews, without a language model: the words and
/// two-word phrases that recur across reviews, leaving out the very common words of English and
/// Indonesian and the words of opinion (`SentimentLexicon`: "great" says how, not what). A
/// phrase that carries most of its word's mentions stands for it ("battery life", not
/// "battery"). Counted once per review, so one long review does not make a topic.
public struct ReviewTopicMiner: Sendable {
    /// A review as the miner reads it.
    public struct Text: Sendable {
        public var rating: Int
        public var text: String

        public init(rating: Int, text: String) {
            self.rating = rating
            self.text = text
        }
    }

    /// A term needs this many reviews to be a topic.
    public var minimumReviews: Int
    public var maximumTopics: Int

    public init(minimumReviews: Int = 2, maximumTopics: Int = 8) {
        self.minimumReviews = minimumReviews
        self.maximumTopics = maximumTopics
    }

    static let commonWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "is", "are", "was", "were", "be", "been", "it", "its",
        "my", "i", "me", "you", "your", "we", "our", "they", "their", "he", "she", "his", "her", "this", "that", "these", "those",
        "do", "does", "did", "can", "could", "would", "should", "will", "have", "has", "had", "with", "at", "by", "from", "as",
        "so", "too", "very", "just", "also", "than", "then", "there", "here", "what", "when", "where", "which", "who", "how",
        "all", "any", "some", "more", "most", "much", "many", "one", "two", "get", "got", "after", "before", "about", "out", "up",
        "if", "because", "into", "over", "only", "still", "even", "really", "bit", "lot", "product", "item", "bought",
        "buy", "order", "ordered", "thing", "things", "time", "times", "use", "used", "using", "am", "im", "dont", "not", "no",
        "yang", "dan", "di", "ke", "dari", "saya", "aku", "ini", "itu", "untuk", "dengan", "sangat", "sudah", "tidak", "ada",
        "juga", "bisa", "tapi", "karena", "lagi", "banget", "sekali", "barang", "produk", "beli",
    ]

    public func topics(_ reviews: [Text]) -> [MentionedTopic] {
        var words: [String: Set<Int>] = [:]
        var phrases: [String: Set<Int>] = [:]
        for (index, review) in reviews.enumerated() {
            let tokens = TextFeatures.words(review.text).map(Self.folded)
            var previous: String?
            for token in tokens {
                guard Self.isCandidate(token) else {
                    previous = nil
                    continue
                }
                words[token, default: []].insert(index)
                if let previous, previous != token { phrases["\(previous) \(token)", default: []].insert(index) }
                previous = token
            }
        }
        var chosen: [(term: String, reviews: Set<Int>)] = phrases.filter { $0.value.count >= minimumReviews }.map { ($0.key, $0.value) }
        for (word, found) in words where found.count >= minimumReviews {
            // A word most of whose reviews a chosen phrase covers is that phrase's.
            let covered = chosen.contains { phrase in
                phrase.term.split(separator: " ").contains { $0 == word } && phrase.reviews.count * 5 >= found.count * 3
            }
            if !covered { chosen.append((word, found)) }
        }
        chosen.sort { ($0.reviews.count, $1.term) > ($1.reviews.count, $0.term) }
        return chosen.prefix(maximumTopics).map { topic in
            MentionedTopic(
                term: topic.term, reviews: topic.reviews.count, positive: topic.reviews.filter { reviews[$0].rating >= 4 }.count,
                negative: topic.reviews.filter { reviews[$0].rating <= 2 }.count)
        }
    }

    /// English plurals folded (`sizes` → `size`), as the help search folds them.
    static func folded(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }

    static func isCandidate(_ word: String) -> Bool {
        word.count >= 3 && !word.allSatisfy(\.isNumber) && !commonWords.contains(word) && SentimentLexicon.words[word] == nil
            && !SentimentLexicon.intensifiers.keys.contains(word) && !SentimentLexicon.negations.contains(word)
    }
}
