import Foundation
import RapportCore
import Testing

/// Last-touch attribution: the latest open or click of any campaign before the order, within
/// that campaign's window, wins it; a click beats an open at the same instant.
@Suite("Campaign attribution")
struct CampaignAttributionTests {
    static let placed = Date(timeIntervalSince1970: 1_800_000_000)
    static let day = 86_400.0

    static func order(at date: Date = placed) -> CampaignOrderFact {
        CampaignOrderFact(orderID: "ord_1", customerID: "cus_1", placedAt: date, revenue: 5_000, currency: "USD")
    }

    static func touch(_ campaign: String, _ kind: CampaignEngagement, daysBefore days: Double) -> CampaignTouch {
        CampaignTouch(campaignID: campaign, sendID: "snd_\(campaign)_\(kind.rawValue)", customerID: "cus_1", kind: kind, at: placed - days * day)
    }

    @Test("a click 4 days before counts; 6 days before it does not; an open counts for a day")
    func windows() {
        let windows = ["cmp_a": CampaignAttributionWindows.standard]
        #expect(CampaignAttribution.winner(for: Self.order(), among: [Self.touch("cmp_a", .click, daysBefore: 4)], windows: windows) != nil)
        #expect(CampaignAttribution.winner(for: Self.order(), among: [Self.touch("cmp_a", .click, daysBefore: 6)], windows: windows) == nil)
        #expect(CampaignAttribution.winner(for: Self.order(), among: [Self.touch("cmp_a", .open, daysBefore: 0.5)], windows: windows) != nil)
        #expect(CampaignAttribution.winner(for: Self.order(), among: [Self.touch("cmp_a", .open, daysBefore: 2)], windows: windows) == nil)
        #expect(CampaignAttribution.winner(for: Self.order(), among: [Self.touch("cmp_a", .click, daysBefore: -1)], windows: windows) == nil,
                "a click after the order does not win it")
        let clicksOnly = ["cmp_a": CampaignAttributionWindows(clickDays: 5, openDays: 0)]
        #expect(CampaignAttribution.winner(for: Self.order(), among: [Self.touch("cmp_a", .open, daysBefore: 0.1)], windows: clicksOnly) == nil)
    }

    @Test("the latest touch of any campaign wins, so two campaigns never both count the order")
    func lastTouch() {
        let touches = [Self.touch("cmp_a", .click, daysBefore: 3), Self.touch("cmp_b", .open, daysBefore: 0.2)]
        let windows = ["cmp_a": CampaignAttributionWindows.standard, "cmp_b": .standard]
        #expect(CampaignAttribution.attributed(orders: [Self.order()], touches: touches, campaignID: "cmp_a", windows: windows).isEmpty)
        let won = CampaignAttribution.attributed(orders: [Self.order()], touches: touches, campaignID: "cmp_b", windows: windows)
        #expect(won.count == 1 && won.first?.touch.kind == .open)
        // B's open window is its own: with none, A's click wins.
        let bWithoutOpens = ["cmp_a": CampaignAttributionWindows.standard, "cmp_b": CampaignAttributionWindows(clickDays: 5, openDays: 0)]
        #expect(CampaignAttribution.attributed(orders: [Self.order()], touches: touches, campaignID: "cmp_a", windows: bWithoutOpens).count == 1)
    }

    @Test("a click beats an open of the same instant")
    func clickOverOpen() {
        let open = Self.touch("cmp_a", .open, daysBefore: 0.5)
        var click = open
        click.kind = .click
        let windows = ["cmp_a": CampaignAttributionWindows.standard]
        #expect(CampaignAttribution.winner(for: Self.order(), among: [open, click], windows: windows)?.kind == .click)
        #expect(CampaignAttribution.winner(for: Self.order(), among: [click, open], windows: windows)?.kind == .click)
    }

    @Test("return on investment, average order value and lift from the counts")
    func summaryFigures() throws {
        var summary = CampaignAttributionSummary(windows: .standard, cost: CampaignMessageCost(micros: 10_000, currency: "USD"), messages: 1_000)
        summary.revenue = ["USD": 50_000]
        summary.ordersByCurrency = ["USD": 4]
        #expect(summary.totalCost == 1_000)
        #expect(summary.returnOnInvestment == 49)
        #expect(summary.averageOrderValue("USD") == 12_500)
        #expect(summary.averageOrderValue("EUR") == nil)
        #expect(CampaignMessageCost(micros: 800, currency: "USD").total(messages: 1_000_000) == 80_000, "0.0008 a message, a million: 800.00")
        #expect(CampaignMessageCost(micros: 250_000, currency: "JPY").total(messages: 3) == 1, "a currency without cents rounds half up")
        #expect(CampaignMessageCost(micros: 1, currency: "KWD").total(messages: 499) == 0 && CampaignMessageCost(micros: 1, currency: "KWD").total(messages: 500) == 1)
        let lift = CampaignLift(
            recipients: CampaignGroupOutcome(members: 5_000, converted: 527, revenue: ["USD": 1_000_000]),
            holdout: CampaignGroupOutcome(members: 5_000, converted: 486, revenue: ["USD": 900_000]), windowDays: 5)
        let test = try #require(lift.test)
        // The published vector, the other way round: 527/5000 against 486/5000.
        #expect(abs(test.zScore - 1.359) < 0.001 && abs(test.pValue - 0.174) < 0.001)
        #expect(abs((lift.relativeLift ?? 0) - (527.0 / 486.0 - 1)) < 1e-12)
        #expect(lift.incrementalRevenue("USD") == 100_000)
    }
}
