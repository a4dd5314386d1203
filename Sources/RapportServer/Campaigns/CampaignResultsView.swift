import Foundation
import RapportCore
import RapportLearning

/// What a campaign brought, on its page: the orders last-touch attribution gives it, their
/// revenue, average value and the return on the messages' cost, and the recipients against
/// the holdout with the lift and whether it is more than chance.
struct CampaignResultsView: TemplateView {
    struct Group: TemplateView {
        let key: String
        let name: String
        let members: Int
        let converted: Int
        let conversion: String
        let revenuePerMember: String
    }

    let orders: Int
    let revenue: String
    let averageOrderValue: String?
    let cost: String?
    let returnOnInvestment: String?
    let windowWords: String
    let hasHoldout: Bool
    let groups: [Group]
    let liftWords: String

    init(_ report: CampaignReport) {
        let attribution = report.attribution
        let currency = report.currency
        orders = attribution.orders
        revenue = attribution.revenue.isEmpty
            ? "nothing yet"
            : attribution.revenue.sorted { $0.key < $1.key }.map { WebFormat.money($0.value, $0.key) }.joined(separator: " + ")
        averageOrderValue = currency.flatMap(attribution.averageOrderValue).flatMap { value in currency.map { WebFormat.money(value, $0) } }
        cost = attribution.totalCost.flatMap { total in attribution.cost.map { WebFormat.money(total, $0.currency) } }
        returnOnInvestment = attribution.returnOnInvestment.map(WebFormat.returnOnInvestment)
        let windows = attribution.windows
        windowWords = "Orders placed within \(windows.clickDays) days of a click\(windows.openDays > 0 ? " or \(windows.openDays) day\(windows.openDays == 1 ? "" : "s") of an open" : ""), when this campaign's message was the last one the customer opened or clicked. Cancelled orders are left out and refunds subtracted."
        let lift = report.lift
        hasHoldout = lift.holdout.members > 0
        func group(_ key: String, _ name: String, _ outcome: CampaignGroupOutcome) -> Group {
            Group(
                key: key, name: name, members: outcome.members, converted: outcome.converted,
                conversion: outcome.conversionRate.map { String(format: "%.2f%%", $0 * 100) } ?? "–",
                revenuePerMember: currency.flatMap { currency in outcome.revenuePerMember(currency).map { WebFormat.money(Int64($0.rounded()), currency) } } ?? "–")
        }
        groups = [group("recipients", "Got the message", lift.recipients), group("holdout", "Held out", lift.holdout)]
        liftWords = Self.liftWords(lift)
    }

    private static func liftWords(_ lift: CampaignLift) -> String {
        guard lift.holdout.members > 0 else {
            return "No one was held out, so the lift cannot be measured: give the next campaign a holdout share."
        }
        guard let test = lift.test, lift.recipients.members > 0 else { return "Nothing has gone out yet." }
        let relative = lift.relativeLift.map { String(format: "%+.0f%% conversion against the holdout", $0 * 100) }
            ?? "the holdout converted none, so there is no relative lift yet"
        let verdict = test.isSignificant(at: 1 - CampaignLift.confidence)
            ? "more than chance at 95%"
            : "not distinguishable from chance at 95% yet"
        var words = "Over \(lift.windowDays) days after the message: \(relative); p = \(String(format: "%.3f", test.pValue)), \(verdict)."
        if let interval = test.differenceInterval(confidence: CampaignLift.confidence) {
            words += String(format: " The difference in conversion lies between %+.2f and %+.2f points.", interval.lower * 100, interval.upper * 100)
        }
        return words
    }
}
