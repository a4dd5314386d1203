import Foundation

extension CampaignService {
    /// The campaign's messages over time, for its report's chart (`CampaignTimeline`): counted
    /// per hour from the send log in one query, folded into days when they span more than three.
    public func timeline(id: String, as actor: Actor) async throws -> CampaignTimeline {
        try actor.require(.viewCampaigns)
        let hourly = try await store.read { session in
            _ = try await existing(id, workspaceID: actor.workspaceID, session: session)
            return try await session.campaigns.timeline(campaignID: id, bucketSeconds: CampaignTimeline.Bucket.hour.seconds)
        }
        return CampaignTimeline(hourly: hourly)
    }
}
