import Foundation
import RapportCore
import RapportLearning
import SQLKit

extension SQLCampaignRepository {
    func variantOutcomes(campaignID: String, metric: CampaignExperimentMetric, window: Double, currency: String?) async throws
        -> [CampaignVariantOutcome]
    {
        if metric == .revenuePerRecipient { return try await variantRevenue(campaignID: campaignID, window: window, currency: currency) }
        let success: SQLQueryString = switch metric {
        case .clickRate: "CASE WHEN s.clicked_at IS NOT NULL THEN 1 ELSE 0 END"
        case .conversion:
            """
            CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = s.customer_id AND o.cancelled_at IS NULL AND o.total > o.refunded
              AND o.placed_at >= s.queued_at AND o.placed_at < s.queued_at + \(bind: Int64(window * 1_000_000))) THEN 1 ELSE 0 END
            """
        case .revenuePerRecipient: "0"
        }
        let query: SQLQueryString = """
            SELECT s.variant, COUNT(*) AS members, CAST(COALESCE(SUM(\(success)), 0) AS BIGINT) AS successes
            FROM campaign_sends s WHERE s.campaign_id = \(bind: campaignID) AND s.variant IS NOT NULL AND s.sent_at IS NOT NULL
            GROUP BY s.variant ORDER BY s.variant
            """
        return try await handle.sql.raw(query).all().map { row in
            CampaignVariantOutcome(name: try row.string("variant"), members: Int(try row.int("members")), successes: Int(try row.int("successes")))
        }
    }

    func testRevenueByCurrency(campaignID: String, window: Double) async throws -> [String: Int64] {
        var revenue: [String: Int64] = [:]
        for row in try await handle.sql.raw("""
            SELECT o.currency, CAST(SUM(o.total - o.refunded) AS BIGINT) AS revenue
            FROM campaign_sends s JOIN orders o ON o.customer_id = s.customer_id
            WHERE s.campaign_id = \(bind: campaignID) AND s.variant IS NOT NULL AND s.sent_at IS NOT NULL
              AND o.cancelled_at IS NULL AND o.total > o.refunded
              AND o.placed_at >= s.queued_at AND o.placed_at < s.queued_at + \(bind: Int64(window * 1_000_000))
            GROUP BY o.currency
            """).all() {
            revenue[try row.string("currency")] = try row.int("revenue")
        }
        return revenue
    }

    /// Each variant's recipients with the revenue each brought in `currency` within the window
    /// after the draw, reduced to count, sum and sum of squares in SQL (around 0: most spend
    /// nothing), in DOUBLE PRECISION so the squares cannot overflow.
    private func variantRevenue(campaignID: String, window: Double, currency: String?) async throws -> [CampaignVariantOutcome] {
        let rows = try await handle.sql.raw("""
            SELECT variant, COUNT(*) AS members, CAST(COALESCE(SUM(CASE WHEN revenue > 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS buyers,
              COALESCE(SUM(CAST(revenue AS DOUBLE PRECISION)), 0.0) AS total,
              COALESCE(SUM(CAST(revenue AS DOUBLE PRECISION) * CAST(revenue AS DOUBLE PRECISION)), 0.0) AS squares
            FROM (SELECT s.variant, COALESCE((SELECT SUM(o.total - o.refunded) FROM orders o WHERE o.customer_id = s.customer_id
                    AND o.currency = \(bind: currency ?? "") AND o.cancelled_at IS NULL AND o.total > o.refunded
                    AND o.placed_at >= s.queued_at AND o.placed_at < s.queued_at + \(bind: Int64(window * 1_000_000))), 0) AS revenue
                  FROM campaign_sends s WHERE s.campaign_id = \(bind: campaignID) AND s.variant IS NOT NULL AND s.sent_at IS NOT NULL) AS r
            GROUP BY variant ORDER BY variant
            """).all()
        return try rows.map { row in
            let members = Int(try row.int("members"))
            return CampaignVariantOutcome(
                name: try row.string("variant"), members: members, successes: Int(try row.int("buyers")),
                revenue: SampleSummary(
                    count: members, sum: try row.decode(column: "total", as: Double.self), sumOfSquares: try row.decode(column: "squares", as: Double.self)),
                currency: currency)
        }
    }

    func pendingTestSends(campaignID: String) async throws -> Int {
        let row = try await handle.sql.raw("""
            SELECT COUNT(*) AS pending FROM campaign_sends WHERE campaign_id = \(bind: campaignID) AND variant IS NOT NULL
              AND status IN (\(bind: CampaignSendStatus.queued.rawValue), \(bind: CampaignSendStatus.sending.rawValue))
            """).first()
        return Int(try row?.int("pending") ?? 0)
    }

    func setWinner(id: String, variant: String, at date: Date) async throws -> Bool {
        let now = Timestamp.microseconds(date)
        return !(try await handle.sql.raw("""
            UPDATE campaigns SET winner_variant = \(bind: variant), winner_chosen_at = \(bind: now), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND winner_variant IS NULL AND audience_resolved_at IS NOT NULL RETURNING id
            """).all().isEmpty)
    }

    func releaseWaiting(campaignID: String, limit: Int) async throws -> Int {
        // They keep no variant: they get the campaign's winner, and the test's figures stay
        // the test's messages alone (those with a variant).
        try await handle.sql.raw("""
            UPDATE campaign_sends SET status = \(bind: CampaignSendStatus.queued.rawValue)
            WHERE id IN (SELECT id FROM campaign_sends WHERE campaign_id = \(bind: campaignID) AND status = \(bind: CampaignSendStatus.waiting.rawValue)
              ORDER BY claimed_until, id LIMIT \(unsafeRaw: String(max(1, limit))))
              AND status = \(bind: CampaignSendStatus.waiting.rawValue)
            RETURNING id
            """).all().count
    }

    func waitingSends(campaignID: String) async throws -> Int {
        let row = try await handle.sql.raw("""
            SELECT COUNT(*) AS waiting FROM campaign_sends WHERE campaign_id = \(bind: campaignID) AND status = \(bind: CampaignSendStatus.waiting.rawValue)
            """).first()
        return Int(try row?.int("waiting") ?? 0)
    }

    func pauseForChoice(id: String, reason: String, at date: Date) async throws -> Bool {
        let now = Timestamp.microseconds(date)
        return !(try await handle.sql.raw("""
            UPDATE campaigns SET status = \(bind: CampaignStatus.paused.rawValue), status_reason = \(bind: String(reason.prefix(500))), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = \(bind: CampaignStatus.sending.rawValue) AND winner_variant IS NULL RETURNING id
            """).all().isEmpty)
    }
}
