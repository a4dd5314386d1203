import Foundation
import RapportCore

/// What the insights page shows, as its view and inline SVG.
enum InsightsViews {
    /// The page for `figures` (the range and customers asked for, `problems` by field), with the
    /// store-wide cohorts, RFM grid and lifetime models, and the most valuable customers.
    static func page(
        _ figures: StoreMetrics, range: DayRange, problems: [String: String], tag: String?, segment: SegmentFilterChoice, filtered: Bool,
        mayRefresh: Bool, cohorts: CohortRetention, grid: [RFMCell], model: LifetimeModel?, top: [InsightsPageView.Top]
    ) -> InsightsPageView {
        let percent = { (share: Double?) in share.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        let growth = { (share: Double?) in share.map { String(format: "%+.1f%%", $0 * 100) } ?? "—" }
        let labels = figures.days.map { String(WebFormat.day($0.start).suffix(5)) }
        let scale = pow(10, Double(Currency.minorDigits(figures.currency)))
        let chart = SVGChart.days(
            labels: labels,
            series: [SVGChart.Series(
                name: figures.currency, cssClass: "series-a", values: figures.days.map { Int((Double($0.revenue) / scale).rounded()) })],
            title: "Revenue per day (\(figures.currency))")
        return InsightsPageView(
            from: range.fromText, to: range.toText, fromError: problems["from"], toError: problems["to"], tag: tag,
            segments: WebFormat.segmentOptions(selected: segment.rfm), lists: segment.options, hasLists: !segment.segments.isEmpty,
            filtered: filtered, mayRefresh: mayRefresh,
            revenue: WebFormat.money(figures.revenue, figures.currency), orders: figures.orders,
            aov: figures.averageOrderValue.map { WebFormat.money(Int64($0.rounded()), figures.currency) } ?? "—",
            customers: figures.customers, newCustomers: figures.newCustomers, returningCustomers: figures.returningCustomers,
            repeatRate: percent(figures.repeatPurchaseRate),
            frequency: figures.purchaseFrequency.map { String(format: "%.2f", $0) } ?? "—",
            daysBetween: figures.averageDaysBetweenOrders.map { String(format: "%.0f days", $0) } ?? "—",
            returnRate: percent(figures.returnRate),
            growthPOP: growth(figures.growthPeriodOverPeriod), previousRevenue: WebFormat.money(figures.previousRevenue, figures.currency),
            growthYOY: growth(figures.growthYearOverYear), lastYearRevenue: WebFormat.money(figures.lastYearRevenue, figures.currency),
            referralRate: percent(figures.referralRate), nps: figures.netPromoter.flatMap(Self.npsText) ?? "—",
            npsDetail: figures.netPromoter.map(Self.npsDetail) ?? "no NPS surveys in this range",
            campaignReturn: figures.campaignReturn.map(campaignTile),
            reputation: figures.sellerReputation.map { reputation in
                ReputationTile(
                    reviews: reputation.reviews, rating: reputation.averageRating.map { String(format: "%.1f", $0) } ?? "—",
                    positive: percent(reputation.positiveShare), negative: percent(reputation.negativeShare), replied: percent(reputation.repliedShare),
                    replyTime: reputation.replyTime.median.map { WebFormat.span(Int($0.rounded())) } ?? "—",
                    allTimeRating: reputation.allTime.average.map { String(format: "%.1f", $0) } ?? "—", allTimeReviews: reputation.allTime.reviewCount)
            },
            revenueChart: chart,
            cohortChart: cohorts.cohorts.isEmpty ? nil : cohortChart(cohorts),
            rfmChart: grid.isEmpty ? nil : rfmChart(grid),
            rfmSegments: segmentCounts(grid),
            model: model.map(Self.model),
            top: top)
    }

    /// "+45", "−12", "0".
    static func npsText(_ figures: SurveyFigures) -> String? {
        guard let score = figures.score else { return nil }
        let whole = Int(score.rounded())
        return whole > 0 ? "+\(whole)" : whole < 0 ? "−\(-whole)" : "0"
    }

    /// What the NPS rests on: its margin of error, answers and response rate, and the range a
    /// full response could put it in.
    static func npsDetail(_ figures: SurveyFigures) -> String {
        var parts: [String] = []
        if let margin = figures.marginOfError { parts.append(String(format: "± %.0f", margin)) }
        let rate = figures.responseRate.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
        parts.append("\(figures.answered) of \(figures.sent) answered (\(rate))")
        if let range = figures.ifEveryoneAnswered, figures.answered < figures.sent {
            parts.append(String(format: "%.0f to %.0f had everyone answered", range.lowerBound, range.upperBound))
        }
        return parts.joined(separator: "; ")
    }

    static func campaignTile(_ figures: CampaignReturn) -> InsightsPageView.CampaignTile {
        let roi = { (share: CampaignReturnFigures) in share.returnOnInvestment.map(WebFormat.returnOnInvestment) ?? "—" }
        let total = figures.total
        return InsightsPageView.CampaignTile(
            campaigns: total.campaigns, messages: total.messages, orders: total.orders,
            revenue: WebFormat.money(total.revenue, figures.currency),
            cost: total.cost.map { WebFormat.money($0, figures.currency) } ?? "—",
            roi: roi(total),
            channels: figures.channels.count < 2 ? nil : figures.channels.map { share in
                "\(share.channel.map { WebFormat.channelName($0.inboxChannel) } ?? "All") \(roi(share))"
            }.joined(separator: " · "),
            truncated: figures.truncated, limit: CampaignReturn.campaignLimit, hasCampaigns: total.campaigns > 0)
    }

    static func cohortChart(_ retention: CohortRetention) -> String {
        let months = retention.cohorts.map(\.retention.count).max() ?? 0
        return SVGChart.heatmap(
            rows: retention.cohorts.map { cohort in
                let month = String(WebFormat.day(cohort.month).prefix(7))
                return (
                    "\(month) (\(cohort.customers))",
                    cohort.retention.enumerated().map { offset, share in
                        (share, String(format: "%.0f%%", share * 100),
                         "\(month) cohort, month \(offset + 1): \(String(format: "%.1f", share * 100))% of \(cohort.customers) ordered again")
                    }
                )
            },
            columns: (0..<max(months, 1)).map { "M\($0 + 1)" }, title: "Share of each first-order month's customers ordering again, by month")
    }

    static func rfmChart(_ grid: [RFMCell]) -> String {
        let peak = Double(max(grid.map(\.customers).max() ?? 1, 1))
        return SVGChart.heatmap(
            rows: (1...5).reversed().map { r in
                (
                    "Recency \(r)",
                    (1...5).map { f in
                        let count = grid.first { $0.recencyScore == r && $0.frequencyScore == f }?.customers ?? 0
                        let segment = RFMSegment.of(recency: r, frequency: f)
                        return (Double(count) / peak, "\(count)", "R\(r) F\(f): \(segment.label), \(count) customers")
                    }
                )
            },
            columns: (1...5).map { "F\($0)" }, title: "Customers by recency score (rows) and frequency score (columns)")
    }

    static func segmentCounts(_ grid: [RFMCell]) -> [InsightsPageView.Segment] {
        let counts = RFMSegment.counts(in: grid)
        return RFMSegment.allCases.map { InsightsPageView.Segment(value: $0.rawValue, label: $0.label, count: counts[$0] ?? 0) }
    }

    static func model(_ model: LifetimeModel) -> InsightsPageView.Model {
        let bgnbd = model.fit.purchases, spend = model.fit.spend
        return InsightsPageView.Model(
            fitted: WebFormat.time(model.fittedAt), customers: model.fit.customers, repeatCustomers: model.fit.repeatCustomers,
            bgnbd: String(
                format: "r %.3f · alpha %.3f · a %.3f · b %.3f (log-likelihood %.1f)", bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b,
                model.fit.purchasesLogLikelihood),
            gammaGamma: String(format: "p %.2f · q %.2f · gamma %.2f", spend.p, spend.q, spend.gamma),
            horizon: model.horizonMonths, discount: String(format: "%.0f%%", model.annualDiscountRate * 100),
            seconds: String(format: "%.3f", model.fit.seconds))
    }

    static func money(_ amount: Double, _ currency: String) -> String {
        Currency.minorUnits(fromMajor: amount, currency: currency).map { WebFormat.money($0, currency) } ?? "—"
    }
}
