import Foundation
import RapportCore
import RapportLearning

/// `GET /api/v1/campaigns/{id}/report`: the counts and rates, the orders attributed to the
/// campaign with their revenue, average order value and return on the messages' cost, and the
/// recipients against the holdout. Money is in minor units (cents); `revenue` lists an amount
/// per currency, the single figures are in `currency`.
struct CampaignReportResponse: Encodable {
    /// An amount in minor units of a currency.
    struct Money: Encodable {
        let currency: String
        let amount: Int64

        static func list(_ amounts: [String: Int64]) -> [Money] {
            amounts.sorted { $0.key < $1.key }.map { Money(currency: $0.key, amount: $0.value) }
        }
    }

    struct Attribution: Encodable {
        let clickDays: Int
        let openDays: Int
        let orders: Int
        let ordersFromClicks: Int
        let revenue: [Money]
        let averageOrderValue: Int64?
        let cost: Int64?
        let costCurrency: String?
        let returnOnInvestment: Double?
    }

    struct Group: Encodable {
        let members: Int
        let converted: Int
        let conversionRate: Double?
        let revenue: [Money]
        let revenuePerMember: Double?

        init(_ outcome: CampaignGroupOutcome, currency: String?) {
            members = outcome.members
            converted = outcome.converted
            conversionRate = outcome.conversionRate
            revenue = Money.list(outcome.revenue)
            revenuePerMember = currency.flatMap(outcome.revenuePerMember)
        }
    }

    struct Interval: Encodable {
        let confidence: Double
        let lower: Double
        let upper: Double
    }

    struct Holdout: Encodable {
        let windowDays: Int
        let recipients: Group
        let holdout: Group
        let relativeLift: Double?
        let incrementalRevenue: Int64?
        let z: Double?
        let pValue: Double?
        let significant: Bool
        /// The interval for recipients' conversion rate less the holdout's.
        let differenceInterval: Interval?
    }

    struct Variant: Encodable {
        let name: String
        let members: Int
        let successes: Int
        let rate: Double?
        /// For revenue per recipient: the mean, in minor units of `currency` (the interval too).
        let revenuePerRecipient: Double?
        let currency: String?
        /// Against `A`: nil for `A` itself or while either is empty.
        let z: Double?
        let pValue: Double?
        let significant: Bool
        let differenceInterval: Interval?
    }

    struct Experiment: Encodable {
        let metric: String
        let confidence: Double
        let testShare: Double
        let winner: String?
        let variants: [Variant]
    }

    let object = "campaign_report"
    let campaignID: String
    let status: String
    let currency: String?
    let stats: [String: Int]
    let rates: [String: Double?]
    let opensCaveat = CampaignReport.opensCaveat
    let attribution: Attribution
    let holdout: Holdout
    /// The A/B/n test among its test messages; null without one.
    let experiment: Experiment?

    init(_ report: CampaignReport) {
        campaignID = report.campaign.id
        status = report.campaign.status.rawValue
        currency = report.currency
        stats = Dictionary(report.stats.fields, uniquingKeysWith: { first, _ in first })
        let stats = report.stats
        func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
        rates = [
            "open_rate": share(stats.opened, of: stats.sent), "click_rate": share(stats.clicked, of: stats.sent),
            "click_to_open_rate": share(stats.clicked, of: stats.opened), "unsubscribe_rate": share(stats.unsubscribed, of: stats.sent),
            "bounce_rate": share(stats.statuses[.bounced] ?? 0, of: stats.sent), "complaint_rate": share(stats.complained, of: stats.sent),
        ]
        let summary = report.attribution
        attribution = Attribution(
            clickDays: summary.windows.clickDays, openDays: summary.windows.openDays, orders: summary.orders, ordersFromClicks: summary.ordersFromClicks,
            revenue: Money.list(summary.revenue), averageOrderValue: report.currency.flatMap(summary.averageOrderValue), cost: summary.totalCost,
            costCurrency: summary.cost?.currency, returnOnInvestment: summary.returnOnInvestment)
        let lift = report.lift
        let test = lift.test
        let interval = test?.differenceInterval(confidence: CampaignLift.confidence)
        holdout = Holdout(
            windowDays: lift.windowDays, recipients: Group(lift.recipients, currency: report.currency), holdout: Group(lift.holdout, currency: report.currency),
            relativeLift: lift.relativeLift, incrementalRevenue: report.currency.flatMap(lift.incrementalRevenue), z: test?.zScore, pValue: test?.pValue,
            significant: test?.isSignificant(at: 1 - CampaignLift.confidence) ?? false,
            differenceInterval: interval.map { Interval(confidence: $0.confidence, lower: $0.lower, upper: $0.upper) })
        experiment = report.campaign.definition.experiment.map { experiment in
            let control = report.variants.first
            return Experiment(
                metric: experiment.metric.rawValue, confidence: experiment.confidence, testShare: experiment.testShare,
                winner: report.campaign.winnerVariant,
                variants: report.variants.map { outcome in
                    // Bonferroni: each comparison's interval at 1 − (1 − confidence) / comparisons.
                    let comparisons = Double(max(1, report.variants.count - 1))
                    let test = outcome.name == control?.name ? nil : control.flatMap { control in
                        CampaignVariantTest(outcome, against: control, confidence: 1 - (1 - experiment.confidence) / comparisons)
                    }
                    let interval = test?.interval
                    return Variant(
                        name: outcome.name, members: outcome.members, successes: outcome.successes, rate: outcome.rate,
                        revenuePerRecipient: outcome.revenue?.mean, currency: outcome.currency, z: test?.zScore, pValue: test?.pValue,
                        significant: test?.isSignificant(at: 1 - experiment.confidence, comparisons: max(1, report.variants.count - 1)) ?? false,
                        differenceInterval: interval.map { Interval(confidence: $0.confidence, lower: $0.lower, upper: $0.upper) })
                })
        }
    }
}
