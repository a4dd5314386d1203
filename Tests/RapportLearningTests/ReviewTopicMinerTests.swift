import RapportLearning
import Testing

@Suite("Review topics")
struct ReviewTopicMinerTests {
    let miner = ReviewTopicMiner()

    @Test("the words and phrases that recur across reviews, counted once a review, with how those reviews rated")
    func recurringTopics() {
        let reviews = [
            ReviewTopicMiner.Text(rating: 5, text: "Great battery life, and the screen is bright."),
            ReviewTopicMiner.Text(rating: 4, text: "Battery life is good. Battery life, battery life!"),
            ReviewTopicMiner.Text(rating: 2, text: "The battery life is poor and the strap broke."),
            ReviewTopicMiner.Text(rating: 1, text: "Strap snapped after a week."),
            ReviewTopicMiner.Text(rating: 5, text: "Love it."),
        ]
        let topics = miner.topics(reviews)
        let battery = topics.first { $0.term == "battery life" }
        #expect(battery == MentionedTopic(term: "battery life", reviews: 3, positive: 2, negative: 1), "once per review, however often it says it")
        #expect(topics.first?.term == "battery life", "the most mentioned first")
        #expect(topics.contains(MentionedTopic(term: "strap", reviews: 2, positive: 0, negative: 2)))
        #expect(!topics.contains { $0.term == "battery" }, "the phrase stands for the word it carries")
        #expect(!topics.contains { $0.term == "screen" }, "one review's word is not a topic")
        for opinion in ["great", "good", "poor", "love", "the", "and"] {
            #expect(!topics.contains { $0.term.split(separator: " ").contains(Substring(opinion)) }, "\(opinion) says how or nothing, not what")
        }
    }

    @Test("plurals fold, Indonesian common words are left out, and a few reviews give few topics")
    func foldingAndLimits() {
        let topics = miner.topics([
            ReviewTopicMiner.Text(rating: 5, text: "Ukuran pas, bahan lembut"),
            ReviewTopicMiner.Text(rating: 4, text: "Bahan bagus dan ukuran sesuai"),
            ReviewTopicMiner.Text(rating: 5, text: "The sizes run true"),
            ReviewTopicMiner.Text(rating: 5, text: "True to size"),
        ])
        #expect(Set(topics.map(\.term)).isSuperset(of: ["ukuran", "bahan", "size", "true"]))
        #expect(!topics.contains { $0.term == "dan" })
        #expect(miner.topics([]).isEmpty)
        #expect(miner.topics([ReviewTopicMiner.Text(rating: 5, text: "Nice fabric")]).isEmpty)
        let many = (0..<40).map { ReviewTopicMiner.Text(rating: 3, text: "topic\($0 % 20)x word\($0 % 20)y") }
        #expect(miner.topics(many).count == 8, "at most eight")
    }

    @Test("a word is judged as written before a plural folds, a plural folds only into a singular the reviews use, contractions stay whole, and a phrase stays in its sentence")
    func noJunk() {
        let topics = miner.topics([
            ReviewTopicMiner.Text(rating: 2, text: "This does not fit. Don't buy, the kualitas is low"),
            ReviewTopicMiner.Text(rating: 5, text: "This does fit! Kualitas bagus, lens sharp"),
            ReviewTopicMiner.Text(rating: 4, text: "Lens sharp. Didn't expect it"),
        ])
        let terms = Set(topics.map(\.term))
        for junk in ["thi", "doe", "don", "didn", "bagu", "kualita", "len", "fit kualitas"] {
            #expect(!terms.contains(junk), "\(junk) in \(terms)")
        }
        #expect(terms.isSuperset(of: ["kualitas", "lens sharp", "fit"]), "\(terms)")
    }
}
