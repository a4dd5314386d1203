import RapportLearning
import Testing

@Suite("Sentiment")
struct SentimentTests {
    let analyzer = SentimentAnalyzer()

    @Test("clearly negative, neutral and positive messages, in English and Indonesian")
    func labels() {
        #expect(analyzer.analyze("This is useless, I want a person!").label == .negative)
        #expect(analyzer.analyze("The mug arrived broken and nobody answers. Terrible service.").label == .negative)
        #expect(analyzer.analyze("Pesanan saya rusak, sangat kecewa").label == .negative)
        #expect(analyzer.analyze("Where is my order 1001?").label == .neutral)
        #expect(analyzer.analyze("Thanks, the package arrived! Great service").label == .positive)
        #expect(analyzer.analyze("Terima kasih, mantap!").label == .positive)
    }

    @Test("a negation flips the next words; an intensifier or shouting makes it stronger")
    func modifiers() {
        #expect(analyzer.analyze("not good").score < 0)
        #expect(analyzer.analyze("tidak bagus").score < 0)
        #expect(analyzer.analyze("very bad").score < analyzer.analyze("bad").score)
        #expect(analyzer.analyze("THIS IS TERRIBLE").score < analyzer.analyze("this is terrible").score)
        #expect(abs(analyzer.analyze("awful awful awful awful awful awful").score) <= 1)
    }
}
