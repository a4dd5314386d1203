import Foundation
import RapportCore
import Testing

/// The insights' campaign return: the campaigns that sent in a range, the orders placed in it
/// that last touch gives them (in the main currency), the cost of those with a cost in it, and
/// the return on that cost, in all and per channel.
@Suite("Campaign return")
struct CampaignReturnTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let end = start.addingTimeInterval(30 * day)
    static let day = 86_400.0

    static func campaign(_ id: String, _ channel: CampaignChannel, cost: CampaignMessageCost?, windows: CampaignAttributionWindows = .standard) -> Campaign {
        Campaign(
            id: id, workspaceID: "wsp_1", name: id, channel: channel, inboxID: "inb_1", status: .sent,
            definition: CampaignDefinition(
                audience: CampaignAudience(segmentIDs: ["seg_1"]), content: ["en": CampaignContent(subject: "Hi", body: "Hello")], defaultLocale: "en",
                attribution: windows, costPerMessage: cost),
            createdBy: "usr_1", createdAt: start, updatedAt: start)
    }

    /// An order of `customer` on day `orderDay` of the range, and touches (campaign, kind, days before the order).
    static func purchase(
        _ customer: String, orderDay: Double, revenue: Int64, currency: String = "USD", touches: [(String, CampaignEngagement, Double)]
    ) -> (CampaignOrderFact, [CampaignTouch]) {
        let placed = start.addingTimeInterval(orderDay * day)
        let order = CampaignOrderFact(orderID: "ord_\(customer)", customerID: customer, placedAt: placed, revenue: revenue, currency: currency)
        let made = touches.enumerated().map { index, touch in
            CampaignTouch(
                campaignID: touch.0, sendID: "snd_\(customer)_\(index)", customerID: customer, kind: touch.1, at: placed.addingTimeInterval(-touch.2 * day))
        }
        return (order, made)
    }

    @Test("counts the orders placed in the range that each counted campaign won, its own windows, the main currency only; cost and return of the campaigns costed in it")
    func aggregates() throws {
        let usdCent = CampaignMessageCost(micros: 10_000, currency: "USD")  // 0.01 USD a message
        let a = Self.campaign("cmp_a", .email, cost: usdCent)
        let b = Self.campaign("cmp_b", .sms, cost: CampaignMessageCost(micros: 50_000, currency: "EUR"))
        let c = Self.campaign("cmp_c", .email, cost: nil, windows: CampaignAttributionWindows(clickDays: 1, openDays: 0))
        let cases = [
            Self.purchase("cus_1", orderDay: 3, revenue: 5_000, touches: [("cmp_a", .click, 1)]),  // A's
            Self.purchase("cus_2", orderDay: 10, revenue: 2_000, touches: [("cmp_b", .open, 0.5)]),  // B's: revenue, no cost in USD
            Self.purchase("cus_3", orderDay: 6, revenue: 1_000, currency: "EUR", touches: [("cmp_c", .click, 0.5)]),  // another currency
            Self.purchase("cus_4", orderDay: 22, revenue: 9_000, touches: [("cmp_a", .click, 2), ("cmp_x", .click, 1)]),  // the later touch of an uncounted campaign wins
            Self.purchase("cus_5", orderDay: 31, revenue: 7_000, touches: [("cmp_a", .click, 2)]),  // placed after the range
            Self.purchase("cus_6", orderDay: 1, revenue: 3_000, touches: [("cmp_a", .click, 2)]),  // a touch before the range wins an order in it
            Self.purchase("cus_7", orderDay: 12.5, revenue: 1_500, touches: [("cmp_c", .click, 0.5)]),  // C's, uncosted
            Self.purchase("cus_8", orderDay: 18, revenue: 4_000, touches: [("cmp_a", .open, 3)]),  // an open three days before: outside A's day
            Self.purchase("cus_9", orderDay: 16, revenue: 600, touches: [("cmp_c", .click, 2)]),  // outside C's own one-day click window
        ]
        let figures = CampaignReturn(
            currency: "USD", campaigns: [(a, 100), (b, 50), (c, 10)], orders: cases.map { $0.0 }, touches: cases.flatMap { $0.1 },
            windows: ["cmp_x": .standard], from: Self.start, to: Self.end, truncated: false)

        let total = figures.total
        #expect(total.campaigns == 3 && total.messages == 160)
        #expect(total.orders == 4, "cus_1 and cus_6 for A, cus_2 for B, cus_7 for C")
        #expect(total.revenue == 5_000 + 3_000 + 2_000 + 1_500)
        #expect(total.cost == 100, "A's 100 messages at a cent; B's cost is in euros, C has none")
        #expect(total.costedCampaigns == 1 && total.costedRevenue == 8_000)
        #expect(total.returnOnInvestment == 79, "(8,000 − 100) / 100")
        #expect(total.returnOnInvestment == CampaignAttributionSummary.returnOnInvestment(revenue: 8_000, cost: 100))
        #expect(!figures.truncated && figures.currency == "USD")

        #expect(figures.channels.map(\.channel) == [.email, .sms])
        let email = try #require(figures.channels.first)
        #expect(email.campaigns == 2 && email.messages == 110 && email.orders == 3 && email.revenue == 9_500)
        #expect(email.cost == 100 && email.returnOnInvestment == (8_000.0 - 100) / 100)
        let sms = try #require(figures.channels.last)
        #expect(sms.campaigns == 1 && sms.messages == 50 && sms.orders == 1 && sms.revenue == 2_000)
        #expect(sms.cost == nil && sms.returnOnInvestment == nil, "a cost in euros is no cost in dollars")

        // The same facts read in euros: B's cost counts, the dollar orders do not.
        let euros = CampaignReturn(
            currency: "EUR", campaigns: [(a, 100), (b, 50), (c, 10)], orders: cases.map { $0.0 }, touches: cases.flatMap { $0.1 },
            windows: ["cmp_x": .standard], from: Self.start, to: Self.end, truncated: true)
        #expect(euros.total.orders == 1 && euros.total.revenue == 1_000, "cus_3's order, C's")
        #expect(euros.total.cost == 250 && euros.total.costedCampaigns == 1 && euros.total.costedRevenue == 0)
        #expect(euros.total.returnOnInvestment == -1, "nothing back for 2.50")
        #expect(euros.truncated)
    }

    @Test("a campaign's report and the campaign return share one formula; the widest windows bound every campaign's")
    func sharedRules() {
        var summary = CampaignAttributionSummary(windows: .standard, cost: CampaignMessageCost(micros: 10_000, currency: "USD"), messages: 300)
        summary.add(CampaignOrderFact(orderID: "ord_1", customerID: "cus_1", placedAt: Self.start, revenue: 1_200, currency: "USD"),
                    wonBy: CampaignTouch(campaignID: "cmp_a", sendID: "snd_1", customerID: "cus_1", kind: .click, at: Self.start))
        #expect(summary.orders == 1 && summary.ordersFromClicks == 1 && summary.revenue == ["USD": 1_200])
        #expect(summary.returnOnInvestment == 3, "(1,200 − 300) / 300")
        #expect(CampaignAttributionSummary.returnOnInvestment(revenue: 500, cost: 0) == nil)
        #expect(CampaignAttributionWindows.widest([.standard, CampaignAttributionWindows(clickDays: 2, openDays: 3)])
            == CampaignAttributionWindows(clickDays: 5, openDays: 3))
        #expect(CampaignAttributionWindows.widest([]) == CampaignAttributionWindows(clickDays: 0, openDays: 0))
        let none = CampaignReturn(currency: "USD", campaigns: [], orders: [], touches: [], windows: [:], from: Self.start, to: Self.end, truncated: false)
        #expect(none.total == CampaignReturnFigures() && none.channels.isEmpty && none.total.returnOnInvestment == nil)
    }
}
