import RapportLearning
import Testing

@Suite("Knowledge base search")
struct KnowledgeIndexTests {
    static let articles = [
        KnowledgeArticle(id: "kb_shipping", title: "Shipping", body: """
            We ship within Germany in 1 to 2 working days with DHL; standard shipping costs 4.90 EUR and is free from 50 EUR.

            Orders to other EU countries arrive in 3 to 5 working days.
            """),
        KnowledgeArticle(id: "kb_returns", title: "Returns and refunds", body: """
            You can return any item within 30 days of delivery, unworn and with its tags.

            Refunds reach your account within 5 working days after the return arrives at our warehouse.
            """),
        KnowledgeArticle(id: "kb_store", title: "Berlin store", body: "The Berlin store is open Monday to Saturday, 10:00 to 19:00. Toko kami buka Senin sampai Sabtu."),
    ]

    @Test("answers with the passage that fits, and its article")
    func answers() {
        let index = KnowledgeIndex(articles: Self.articles)
        let shipping = index.answer("How long does shipping to other EU countries take?")
        #expect(shipping?.articleID == "kb_shipping" && shipping?.passage.hasPrefix("Orders to other EU countries") == true)
        #expect(index.answer("when will I get my refund")?.passage.hasPrefix("Refunds reach your account") == true)
        #expect(index.answer("Is the Berlin store open on Saturday?")?.articleID == "kb_store")
        #expect(index.answer("Toko buka hari Sabtu?")?.articleID == "kb_store")
    }

    @Test("admits it does not know when nothing fits")
    func doesNotKnow() {
        let index = KnowledgeIndex(articles: Self.articles)
        #expect(index.answer("Do you sell gift cards?") == nil)
        #expect(index.answer("") == nil)
        #expect(KnowledgeIndex(articles: []).answer("shipping") == nil)
    }
}
