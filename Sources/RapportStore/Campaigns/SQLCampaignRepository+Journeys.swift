import Foundation
import RapportCore
import SQLKit

extension SQLCampaignRepository {
    func journeyCampaigns(journeyIDs: [String]) async throws -> [Campaign] {
        guard !journeyIDs.isEmpty else { return [] }
        return try await handle.sql.raw("""
            SELECT * FROM campaigns WHERE journey_id IN (\(binds: journeyIDs)) ORDER BY journey_id, journey_version, journey_step
            """).all().compactMap(decode)
    }

    func setJourneyCampaignsStatus(_ status: CampaignStatus, journeyID: String, whileIn statuses: Set<CampaignStatus>, at date: Date) async throws {
        let now = Timestamp.microseconds(date)
        let finished: SQLQueryString = status == .cancelled || status == .sent ? ", finished_at = \(bind: now)" : ""
        try await handle.sql.raw("""
            UPDATE campaigns SET status = \(bind: status.rawValue), status_reason = NULL, updated_at = \(bind: now) \(finished)
            WHERE journey_id = \(bind: journeyID) AND status IN (\(binds: statuses.map(\.rawValue).sorted()))
            """).run()
    }
}
