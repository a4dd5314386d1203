/// The topics customers mention in a product's reviews, without a language model: the words and
/// two-word phrases that recur across reviews, leaving out the very common words of English and
/// Indonesian and the words of opinion (`SentimentLexicon`: "great" says how, not what). A
/// phrase that carries most of its word's mentions stands for it ("battery life", not
/// "battery"). Counted once per review, so one long review does not make a topic; a phrase
/// stays within a sentence.
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
        "didnt", "doesnt", "isnt", "wasnt", "cant", "wont", "couldnt", "wouldnt", "shouldnt", "arent", "werent", "havent", "hasnt", "ive",
    ]

    public func topics(_ reviews: [Text]) -> [MentionedTopic] {
        // Each review's sentences (a phrase does not run across a full stop or a comma), as
        // words that may be topics; nil where a word that may not breaks a phrase.
        let sentences: [[[String?]]] = reviews.map { review in
            review.text.split(whereSeparator: { ".,;:!?\n()".contains($0) }).map { sentence in
                Self.words(String(sentence)).map { Self.isCandidate($0) ? $0 : nil }
            }
        }
        // A plural folds into its singular only where the reviews use the singular too
        // ("sizes" into "size"), so words that merely end in s ("kualitas") stay whole.
        let vocabulary = Set(sentences.joined().joined().compactMap { $0 })
        func folded(_ word: String) -> String {
            guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
            let singular = String(word.dropLast())
            return vocabulary.contains(singular) ? singular : word
        }
        var words: [String: Set<Int>] = [:]
        var phrases: [String: Set<Int>] = [:]
        for (index, review) in sentences.enumerated() {
            for sentence in review {
                var previous: String?
                for candidate in sentence {
                    guard let candidate else {
                        previous = nil
                        continue
                    }
                    let token = folded(candidate)
                    words[token, default: []].insert(index)
                    if let previous, previous != token { phrases["\(previous) \(token)", default: []].insert(index) }
                    previous = token
                }
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

    /// Words as `TextFeatures` reads them, with an apostrophe's parts kept together ("don't"
    /// is one word, not "don" and "t").
    static func words(_ text: String) -> [String] {
        TextFeatures.words(text.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: ""))
    }

    static func isCandidate(_ word: String) -> Bool {
        word.count >= 3 && !word.allSatisfy(\.isNumber) && !commonWords.contains(word) && SentimentLexicon.words[word] == nil
            && !SentimentLexicon.intensifiers.keys.contains(word) && !SentimentLexicon.negations.contains(word)
    }
}
