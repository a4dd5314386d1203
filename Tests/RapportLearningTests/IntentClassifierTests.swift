import RapportLearning
import Testing

@Suite("Intent classifier")
struct IntentClassifierTests {
    static let examples: [(text: String, intent: String)] = [
        ("where is my order", "order_status"), ("has my package shipped yet", "order_status"),
        ("when will my parcel arrive", "order_status"), ("status of order 1001", "order_status"),
        ("di mana pesanan saya", "order_status"), ("pesanan saya belum sampai", "order_status"),
        ("i want to return this", "start_return"), ("how do i send the shoes back", "start_return"),
        ("can i get a refund for the mug", "start_return"), ("saya mau mengembalikan barang", "start_return"),
        ("i want to talk to a person", "talk_to_human"), ("let me speak to an agent", "talk_to_human"),
        ("connect me with a human please", "talk_to_human"), ("saya mau bicara dengan orang", "talk_to_human"),
        ("what is the capital of france", "oos"), ("tell me a joke", "oos"), ("how tall is mount everest", "oos"),
    ]

    @Test("learns intents from a few examples in two languages and copes with typos")
    func learns() async {
        let classifier = await IntentClassifier.train(Self.examples)
        #expect(classifier.intents == ["order_status", "start_return", "talk_to_human"])
        #expect(classifier.predict("where is my ordr?").intent == "order_status")
        #expect(classifier.predict("Pesanan saya di mana?").intent == "order_status")
        #expect(classifier.predict("I'd like to return the shoes").intent == "start_return")
        #expect(classifier.predict("please let me talk to a human").intent == "talk_to_human")
    }

    @Test("a text unlike every intent is out of scope, with a low confidence")
    func outOfScope() async {
        let classifier = await IntentClassifier.train(Self.examples)
        let joke = classifier.predict("tell me a funny joke")
        #expect(joke.intent == nil)
        let weather = classifier.predict("what is the weather on mars")
        #expect(weather.intent == nil && weather.confidence < 0.5)
        #expect(classifier.predict("where is my order").confidence > 0.5)
    }

    @Test("the same examples give the same model on every run")
    func deterministic() async {
        let first = await IntentClassifier.train(Self.examples)
        let second = await IntentClassifier.train(Self.examples)
        for text in ["where is my parcel", "refund please", "hello there"] {
            #expect(first.predict(text) == second.predict(text))
        }
    }

    @Test("metrics count an in-scope text judged out of scope as wrong, and average F1 over labels")
    func metrics() {
        let evaluation = IntentEvaluation([
            (predicted: "a", truth: "a"), (predicted: nil, truth: "a"), (predicted: "b", truth: "b"),
            (predicted: nil, truth: "oos"), (predicted: "b", truth: "oos"),
        ])
        #expect(evaluation.inScopeAccuracy == 2.0 / 3.0)
        #expect(evaluation.outOfScopeRecall == 0.5)
        // a: P 1, R .5 → .667; b: P .5, R 1 → .667; oos: P .5, R .5 → .5
        #expect(abs(evaluation.macroF1 - (2.0 / 3.0 * 2 + 0.5) / 3) < 1e-9)
    }

    @Test("word and character features: the same text, the same buckets; a typo shares most of them")
    func features() {
        let features = TextFeatures()
        #expect(TextFeatures.words("Where's order #1001?") == ["where", "s", "order", "1001"])
        let right = Set(features.counts("shipment").keys)
        let typo = Set(features.counts("shipmnet").keys)
        #expect(features.counts("shipment") == features.counts("shipment"))
        #expect(Double(right.intersection(typo).count) / Double(right.count) > 0.4)
    }

    @Test("the nearest example's similarity: 1 for a training text, less for a typo, near 0 for unrelated words")
    func nearestExample() async {
        let classifier = await IntentClassifier.train(Self.examples)
        let similarity = { (text: String) in classifier.examples.nearestSimilarity(classifier.weighting.vector(text)) }
        #expect(abs(similarity("where is my order") - 1) < 1e-5)
        let typo = similarity("whre is my ordr")
        #expect(typo > 0.5 && typo < 0.99)
        #expect(similarity("xyzzy qqq") < 0.2)
        // Out-of-scope examples are not neighbours: a text equal to one is no closer than others.
        #expect(similarity("tell me a joke") < 0.9)
    }
}
