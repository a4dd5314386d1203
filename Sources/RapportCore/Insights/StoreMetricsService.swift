import Foundation

/// The store's figures for any range of days and segment of customers, and the cohort
/// retention matrix, from the orders themselves.
public struct StoreMetricsService: Sendable {
    public let store: any DataStore
    public let clock: any WallClock
    /// The longest range the figures are computed over at once.
    public static let maximumDays = 3_660

    public init(store: any DataStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    /// The figures for [from, to): revenue, orders, customers new and returning, average order
    /// value, repeat-purchase rate, purchase frequency, days between orders, return rate, and
    /// growth against the period just before and a year earlier; for the whole store (no
    /// filter) and an actor who may see campaigns, the campaigns' return too.
    public func metrics(from: Date, to: Date, filter: CustomerFilter, as actor: Actor) async throws -> StoreMetrics {
        try actor.require(.viewInsights)
        try Self.check(from: from, to: to)
        let workspaceID = actor.workspaceID
        return try await store.read { session in
            try await SegmentFilter.check(filter.segmentID, as: actor, session: session)
            let insights = session.insights
            let currency = try await insights.mainCurrency(workspaceID: workspaceID) ?? "USD"
            let facts = try await insights.orderFacts(workspaceID: workspaceID, currency: currency, from: from, to: to, filter: filter)
            let length = to.timeIntervalSince(from)
            let previous = try await insights.revenue(
                workspaceID: workspaceID, currency: currency, from: from.addingTimeInterval(-length), to: from, filter: filter)
            let calendar = Calendar.utc
            let yearAgo = { (date: Date) in calendar.date(byAdding: .year, value: -1, to: date) ?? date }
            let lastYear = try await insights.revenue(
                workspaceID: workspaceID, currency: currency, from: yearAgo(from), to: yearAgo(to), filter: filter)
            var metrics = StoreMetrics(from: from, to: to, currency: currency, facts: facts, previousRevenue: previous, lastYearRevenue: lastYear)
            // Campaigns reach customers of every segment, and attribution weighs all their
            // touches: a segment's share of that return is not measured, so it is left out.
            if filter.isEmpty && actor.may(.viewCampaigns) {
                metrics.campaignReturn = try await Self.campaignReturn(workspaceID: workspaceID, currency: currency, from: from, to: to, session: session)
            }
            // Surveys, referrals and reviews are the store's, not a segment's: a segment's are not shown.
            if filter.isEmpty {
                metrics.sellerReputation = SellerReputation(
                    facts: try await session.reviews.facts(workspaceID: workspaceID, from: from, to: to),
                    allTime: try await session.reviews.rating(productID: nil, workspaceID: workspaceID))
                let referred = try await session.referrals.referredCustomers(workspaceID: workspaceID, from: from, to: to)
                let joined = try await session.referrals.customersCreated(workspaceID: workspaceID, from: from, to: to)
                metrics.referralRate = joined > 0 ? Double(referred) / Double(joined) : nil
                let nps = SurveyFigures(kind: .nps, tallies: try await session.surveys.tallies(kind: .nps, workspaceID: workspaceID, from: from, to: to))
                metrics.netPromoter = nps.sent > 0 ? nps : nil
            }
            return metrics
        }
    }

    /// Monthly cohorts of first orders over the `months` months up to `end` (the current month
    /// included), with the share ordering again in each later month — from the customers' RFM
    /// rows (first order and months ordered in), so as of the last ten-second round.
    public func cohorts(months: Int, end: Date, filter: CustomerFilter, as actor: Actor) async throws -> CohortRetention {
        try actor.require(.viewInsights)
        guard (1...36).contains(months) else { throw RapportError.invalid(field: "months", "must be from 1 to 36") }
        let calendar = Calendar.utc
        let monthStart = calendar.date(from: calendar.dateComponents([.year, .month], from: end.addingTimeInterval(-1))) ?? end
        let start = calendar.date(byAdding: .month, value: -(months - 1), to: monthStart) ?? monthStart
        let workspaceID = actor.workspaceID
        let members = try await store.read { session in
            try await SegmentFilter.check(filter.segmentID, as: actor, session: session)
            return try await session.insights.cohortMembers(workspaceID: workspaceID, from: start, to: end, filter: filter)
        }
        return CohortRetention(members: members, start: start, end: end)
    }

    static func check(from: Date, to: Date) throws {
        guard to > from else { throw RapportError.invalid(field: "to", "must be after from") }
        guard to.timeIntervalSince(from) <= Double(maximumDays) * 86_400 else {
            throw RapportError.invalid(field: "to", "must be at most \(maximumDays) days after from")
        }
    }
}
