import Foundation
import RapportCore
import SQLKit

extension SQLCampaignRepository {
    func recordEngagement(_ kind: CampaignEngagement, sendID: String, at date: Date) async throws -> Bool {
        let now = Timestamp.microseconds(date)
        // A click shows the message was opened, pixel or not.
        let set: SQLQueryString = switch kind {
        case .open: "opens = opens + 1, opened_at = COALESCE(opened_at, \(bind: now)), last_opened_at = \(bind: now)"
        case .click:
            "clicks = clicks + 1, clicked_at = COALESCE(clicked_at, \(bind: now)), last_clicked_at = \(bind: now), opened_at = COALESCE(opened_at, \(bind: now))"
        }
        return !(try await handle.sql.raw("UPDATE campaign_sends SET \(set) WHERE id = \(bind: sendID) AND sent_at IS NOT NULL RETURNING id").all().isEmpty)
    }

    func attributionFacts(campaignID: String, workspaceID: String, windows: CampaignAttributionWindows) async throws
        -> (orders: [CampaignOrderFact], touches: [CampaignTouch])
    {
        try await attributionFacts(campaignIDs: [campaignID], workspaceID: workspaceID, windows: windows, placed: nil)
    }

    /// The one query path of attribution's facts, for one campaign's report or for the
    /// insights' campaigns of a range (`placed`: only orders placed in [from, to)).
    func attributionFacts(campaignIDs: [String], workspaceID: String, windows: CampaignAttributionWindows, placed: (from: Date, to: Date)?)
        async throws -> (orders: [CampaignOrderFact], touches: [CampaignTouch])
    {
        guard !campaignIDs.isEmpty else { return ([], []) }
        // Orders after a first touch of these campaigns and before a latest touch's window ran
        // out: a superset, which the attribution rule narrows.
        var query: SQLQueryString = """
            SELECT DISTINCT o.id, o.customer_id, o.placed_at, o.total - o.refunded AS revenue, o.currency
            FROM campaign_sends s JOIN orders o ON o.customer_id = s.customer_id AND o.workspace_id = s.workspace_id
            WHERE s.campaign_id IN (\(binds: campaignIDs)) AND s.workspace_id = \(bind: workspaceID) AND s.opened_at IS NOT NULL
              AND o.cancelled_at IS NULL AND o.total > o.refunded AND o.placed_at >= s.opened_at
              AND (o.placed_at < COALESCE(s.last_clicked_at, s.clicked_at, s.opened_at) + \(bind: Self.microseconds(windows.seconds(after: .click)))
                OR o.placed_at < COALESCE(s.last_opened_at, s.opened_at) + \(bind: Self.microseconds(windows.seconds(after: .open))))
            """
        if let placed {
            query += " AND o.placed_at >= \(bind: Timestamp.microseconds(placed.from)) AND o.placed_at < \(bind: Timestamp.microseconds(placed.to))"
        }
        query += " ORDER BY o.id"
        let orders = try await handle.sql.raw(query).all().map { row in
            CampaignOrderFact(
                orderID: try row.string("id"), customerID: try row.string("customer_id"), placedAt: try row.date("placed_at"),
                revenue: try row.int("revenue"), currency: try row.string("currency"))
        }
        // Every marketing message the customers engaged with; a journey's service messages (an
        // order's thank-you) are no touch.
        var touches: [CampaignTouch] = []
        let customers = Array(Set(orders.map(\.customerID))).sorted()
        for start in stride(from: 0, to: customers.count, by: 500) {
            let chunk = Array(customers[start..<min(start + 500, customers.count)])
            for row in try await handle.sql.raw("""
                SELECT id, campaign_id, customer_id, opened_at, last_opened_at, clicked_at, last_clicked_at FROM campaign_sends
                WHERE customer_id IN (\(binds: chunk)) AND workspace_id = \(bind: workspaceID) AND opened_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM campaigns k WHERE k.id = campaign_sends.campaign_id AND k.marketing = 0) ORDER BY id
                """).all() {
                let (sendID, campaign, customer) = (try row.string("id"), try row.string("campaign_id"), try row.string("customer_id"))
                let moments: [(CampaignEngagement, Date?)] = [
                    (.open, try row.optionalDate("opened_at")), (.open, try row.optionalDate("last_opened_at")),
                    (.click, try row.optionalDate("clicked_at")), (.click, try row.optionalDate("last_clicked_at")),
                ]
                for case let (kind, at?) in moments {
                    touches.append(CampaignTouch(campaignID: campaign, sendID: sendID, customerID: customer, kind: kind, at: at))
                }
            }
        }
        return (orders, touches)
    }

    func liftOutcome(campaignID: String, window: Double) async throws -> (recipients: CampaignGroupOutcome, holdout: CampaignGroupOutcome) {
        let heldOut = CampaignSendStatus.heldOut.rawValue
        let span = Self.microseconds(window)
        // Both groups count from when the audience was resolved (the draw); orders fully refunded
        // or cancelled are not conversions.
        let members = try await handle.sql.raw("""
            SELECT CASE WHEN s.status = \(bind: heldOut) THEN 1 ELSE 0 END AS held_out, COUNT(*) AS members,
              CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = s.customer_id AND o.cancelled_at IS NULL
                AND o.total > o.refunded AND o.placed_at >= s.queued_at AND o.placed_at < s.queued_at + \(bind: span)) THEN 1 ELSE 0 END), 0) AS BIGINT) AS converted
            FROM campaign_sends s WHERE s.campaign_id = \(bind: campaignID) AND (s.status = \(bind: heldOut) OR s.sent_at IS NOT NULL)
            GROUP BY 1
            """).all()
        var recipients = CampaignGroupOutcome()
        var holdout = CampaignGroupOutcome()
        for row in members {
            let outcome = CampaignGroupOutcome(members: Int(try row.int("members")), converted: Int(try row.int("converted")))
            if try row.int("held_out") == 1 { holdout = outcome } else { recipients = outcome }
        }
        for row in try await handle.sql.raw("""
            SELECT CASE WHEN s.status = \(bind: heldOut) THEN 1 ELSE 0 END AS held_out, o.currency, CAST(SUM(o.total - o.refunded) AS BIGINT) AS revenue
            FROM campaign_sends s JOIN orders o ON o.customer_id = s.customer_id AND o.cancelled_at IS NULL
              AND o.total > o.refunded AND o.placed_at >= s.queued_at AND o.placed_at < s.queued_at + \(bind: span)
            WHERE s.campaign_id = \(bind: campaignID) AND (s.status = \(bind: heldOut) OR s.sent_at IS NOT NULL)
            GROUP BY 1, 2
            """).all() {
            let (currency, revenue) = (try row.string("currency"), try row.int("revenue"))
            if try row.int("held_out") == 1 { holdout.revenue[currency] = revenue } else { recipients.revenue[currency] = revenue }
        }
        return (recipients, holdout)
    }

    private static func microseconds(_ seconds: Double) -> Int64 {
        Int64(seconds * 1_000_000)
    }
}
