import Foundation
import RapportCore
import SQLKit

extension SQLCampaignRepository {
    func timeline(campaignID: String, bucketSeconds: Int) async throws -> [CampaignTimelinePoint] {
        // Times are microseconds since the epoch: a bucket is their whole quotient, the same
        // integer division on both engines. One pass per kind of time, merged and grouped once.
        let size = Int64(max(bucketSeconds, 1)) * 1_000_000
        let divisor = String(size)
        let rows = try await handle.sql.raw("""
            SELECT t.bucket AS bucket, COUNT(CASE WHEN t.kind = 's' THEN 1 END) AS sent, COUNT(CASE WHEN t.kind = 'o' THEN 1 END) AS opened,
              COUNT(CASE WHEN t.kind = 'c' THEN 1 END) AS clicked
            FROM (
              SELECT sent_at / \(unsafeRaw: divisor) AS bucket, 's' AS kind FROM campaign_sends
                WHERE campaign_id = \(bind: campaignID) AND sent_at IS NOT NULL
              UNION ALL
              SELECT opened_at / \(unsafeRaw: divisor) AS bucket, 'o' AS kind FROM campaign_sends
                WHERE campaign_id = \(bind: campaignID) AND opened_at IS NOT NULL
              UNION ALL
              SELECT clicked_at / \(unsafeRaw: divisor) AS bucket, 'c' AS kind FROM campaign_sends
                WHERE campaign_id = \(bind: campaignID) AND clicked_at IS NOT NULL
            ) AS t
            GROUP BY t.bucket ORDER BY t.bucket
            """).all()
        return try rows.map { row in
            CampaignTimelinePoint(
                start: Timestamp.date(microseconds: try row.int("bucket") * size), sent: Int(try row.int("sent")), opened: Int(try row.int("opened")),
                clicked: Int(try row.int("clicked")))
        }
    }
}
