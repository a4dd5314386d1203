import RapportCore

/// The demo's bot: it answers the shop's web chat first and knows three help articles, so a
/// visitor can ask about an order, a return or delivery times and see a hand-off.
struct DemoBot {
    static let articles: [(slug: String, title: String, body: String)] = [
        ("delivery", "Delivery times and costs", """
            # Delivery times and costs

            Orders placed before 14:00 on a working day leave our warehouse the same day.

            Delivery within Germany takes 1 to 2 working days and costs 4.90 EUR; it is free from 50 EUR. Elsewhere in the EU it takes 3 to 5 working days for 9.90 EUR.

            Every parcel has a tracking link, sent by e-mail when it leaves and shown in your account.
            """),
        ("returns", "Returns and refunds", """
            # Returns and refunds

            You can return items within **30 days** of delivery, unused and in their packaging. Gift cards and final-sale items cannot be returned.

            Ask our chat for a return: it gives you a return number to write on the parcel. Drop the parcel at any post office.

            We refund to the way you paid within 5 working days of the parcel arriving.
            """),
        ("berlin-store", "Our Berlin store", """
            # Our Berlin store

            The Berlin store at Torstraße 12 is open Monday to Saturday from 10:00 to 20:00, closed on Sundays and public holidays.

            You can collect online orders there and return items bought online.
            """),
    ]

    func setUp(services: AppServices, chatInboxID: String, workspaceID: String) async throws {
        let actor = Actor.operator(workspaceID: workspaceID)
        try await services.bot.saveSettings(
            BotSettings(inboxIDs: [chatInboxID], paymentLinkTemplate: "https://shop.example/pay/{{order.number}}"), as: actor)
        for article in Self.articles {
            _ = try await services.bot.saveArticle(id: nil, slug: article.slug, title: article.title, body: article.body, as: actor)
        }
    }
}
