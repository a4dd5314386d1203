import Foundation
import RapportCore
import SQLKit

/// What the insights' campaign return reads (`StoreMetricsService.campaignReturn`): one
/// statement each, the same on both engines.
extension SQLCampaignRepository {
    /// A cancelled campaign's batch still being handed over is recorded after `finished_at`,
    /// within a sender's claim (two minutes by default): a day's margin keeps those messages.
    private static let lateRecordMargin: Int64 = 86_400 * 1_000_000

    func sentCampaigns(workspaceID: String, from: Date, to: Date, limit: Int) async throws -> [(campaign: Campaign, messages: Int)] {
        let (start, end) = (Timestamp.microseconds(from), Timestamp.microseconds(to))
        let went = [CampaignSendStatus.sent, .delivered, .bounced].map(\.rawValue)
        // Only campaigns that had started by the range's end and had not finished long before
        // its start are read, each through its messages sent in the range (`campaign_sends_sent`).
        // A journey's step campaigns are left out: a journey reports its own messages.
        let rows = try await handle.sql.raw("""
            SELECT c.*, r.messages, r.latest FROM campaigns c JOIN (
              SELECT s.campaign_id, COUNT(*) AS messages, MAX(s.sent_at) AS latest
              FROM campaigns k JOIN campaign_sends s ON s.campaign_id = k.id
              WHERE k.workspace_id = \(bind: workspaceID) AND k.journey_id IS NULL AND k.started_at < \(bind: end)
                AND (k.finished_at IS NULL OR k.finished_at >= \(bind: start - Self.lateRecordMargin))
                AND s.status IN (\(binds: went)) AND s.sent_at IS NOT NULL AND s.sent_at >= \(bind: start) AND s.sent_at < \(bind: end)
              GROUP BY s.campaign_id
            ) r ON r.campaign_id = c.id
            ORDER BY r.latest DESC, c.id DESC LIMIT \(unsafeRaw: String(max(0, limit)))
            """).all()
        var sent: [(campaign: Campaign, messages: Int)] = []
        for row in rows {
            guard let campaign = try decode(row) else { continue }
            sent.append((campaign, Int(try row.int("messages"))))
        }
        return sent
    }

    func attributionFacts(
        campaignIDs: [String], workspaceID: String, windows: CampaignAttributionWindows, placedFrom from: Date, placedBefore to: Date
    ) async throws -> (orders: [CampaignOrderFact], touches: [CampaignTouch]) {
        try await attributionFacts(campaignIDs: campaignIDs, workspaceID: workspaceID, windows: windows, placed: (from, to))
    }

    func attributionWindows(campaignIDs: [String], workspaceID: String) async throws -> [String: CampaignAttributionWindows] {
        var windows: [String: CampaignAttributionWindows] = [:]
        for start in stride(from: 0, to: campaignIDs.count, by: 500) {
            let chunk = Array(campaignIDs[start..<min(start + 500, campaignIDs.count)])
            for row in try await handle.sql.raw("""
                SELECT * FROM campaigns WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: chunk))
                """).all() {
                guard let campaign = try decode(row) else { continue }
                windows[campaign.id] = campaign.definition.attribution
            }
        }
        return windows
    }
}
